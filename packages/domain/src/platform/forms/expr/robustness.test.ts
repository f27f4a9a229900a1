import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { parseExpression } from './parser.js';
import { KNOWN_FUNCTIONS } from './signatures.js';
import { fakeContext } from './test-context.js';
import { ExpressionError } from './types.js';

/** Pieces real expressions are made of, so random sequences reach deep into the parser. */
const PIECES = [
  ...KNOWN_FUNCTIONS.map((name) => `${name}(`),
  '${age}',
  '${multi}',
  '${amounts}',
  '${blank}',
  '${dob}',
  '.',
  '..',
  '(',
  ')',
  ',',
  ' + ',
  ' - ',
  '-',
  ' * ',
  ' div ',
  ' mod ',
  ' = ',
  ' != ',
  ' < ',
  ' >= ',
  ' and ',
  ' or ',
  "'water'",
  '"2026-01-01"',
  "'^[a-z]+$'",
  "'${region}'",
  '0',
  '1.5',
  '/',
  '[',
  '$',
  '{',
  "'",
];

describe('parser and evaluator on arbitrary input', () => {
  it('either parse or throw an ExpressionError inside the source; a parsed tree always evaluates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.string(), (pieces, noise) => {
        for (const source of [pieces.join(''), noise, pieces.join('') + noise]) {
          let node: ReturnType<typeof parseExpression> | undefined;
          try {
            node = parseExpression(source);
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionError);
            const { offset } = error as ExpressionError;
            expect(offset >= 0 && offset <= source.length).toBe(true);
          }
          if (node) expect(() => evaluate(node, fakeContext('x'))).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('evaluates a form-sized load quickly (20 expressions × 2,000 submissions)', () => {
    const sources = [
      "${age} >= 18 and ${consent} = 'yes'",
      "selected(${multi}, 'health') or count-selected(${multi}) > 2",
      'today() - ${dob} > 365 * 18',
      "regex(${name}, '^[A-Za-z ]+$')",
      "if(${age} < 5, 'child', if(${age} < 18, 'youth', 'adult'))",
      'sum(${amounts}) div count(${amounts})',
      "concat(${name}, ' (', ${age}, ')')",
      'round(${age} * 1.5, 1)',
      "coalesce(${blank}, 'none')",
      ". != '' and . <= 100",
    ];
    const trees = [...sources, ...sources].map(parseExpression);
    const ctx = fakeContext('42');
    const started = performance.now();
    for (let i = 0; i < 2000; i++) for (const tree of trees) evaluate(tree, ctx);
    // 40,000 evaluations; the bench/forms target allows far more time than this for the whole validation.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
