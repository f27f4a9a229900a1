import { evaluate } from './evaluate.js';
import { parseExpression } from './parser.js';
import type { ExprContext, ExprScalar, ExprValue } from './types.js';

/** A made-up form's answers as expressions see them, for the golden tests (test-only helper). */
export const ANSWERS: Record<string, ExprValue> = {
  age: 34,
  zero: 0,
  name: 'Kossi Agbeko',
  blank: '',
  consent: true,
  refused: false,
  dob: '1990-06-15',
  visit: '2026-03-01T08:00:00Z',
  start: '08:30',
  multi: 'water health school',
  one: 'water',
  text_number: '42',
  amounts: [1000, 2500, 500],
  ages: [34, 7, 19],
  names: ['Ana', '', 'Bia'],
  with_blank: [3, '', 4],
  nothing: [],
  pattern: '^[0-9]+$',
  bad_pattern: '[',
  region: 'kara',
};

const LABELS: Record<string, Record<string, string>> = {
  region: { kara: 'Kara', savanes: 'Savanes' },
  multi: { water: 'Eau', health: 'Santé' },
};

export const NOW = new Date('2026-03-15T10:30:00.000Z');

export function fakeContext(
  current: ExprScalar = '',
  answers: Record<string, ExprValue> = ANSWERS,
): ExprContext {
  return {
    resolve: (name) => answers[name] ?? '',
    current: () => current,
    position: () => 2,
    indexedRepeat: (field, path) => {
      const values = answers[field];
      const index = path[0]?.index ?? 0;
      return Array.isArray(values) ? ((values as ExprScalar[])[index - 1] ?? '') : '';
    },
    choiceLabel: (field, value) => LABELS[field]?.[value] ?? '',
    now: () => NOW,
  };
}

export function run(
  source: string,
  current: ExprScalar = '',
  answers?: Record<string, ExprValue>,
): ExprValue {
  return evaluate(parseExpression(source), fakeContext(current, answers));
}
