import { ATTACHMENT_TYPES, type FormDefinition, type FormField, formText } from '@coso/domain';

/**
 * A submitted or validated task's answers as lines to read (label → value), in the form's order: the
 * read-only view of a task the facilitator may no longer change. Groups add their label as a heading;
 * each repeat instance is numbered; notes, calculations and empty answers are left out.
 */
export type AnswerLine =
  | { kind: 'heading'; label: string; depth: number }
  | { kind: 'answer'; label: string; value: string; depth: number };

const HIDDEN = new Set(['note', 'calculate']);

export function answerLines(
  def: FormDefinition,
  answers: Record<string, unknown>,
  locale: string,
  words: { yes: string; no: string; file: string },
): AnswerLine[] {
  const text = (t: FormField['label'], fallback: string) =>
    formText(t, locale, def.defaultLanguage) ?? fallback;
  const choice = (list: string | undefined, value: string) =>
    text(def.choices[list ?? '']?.find((c) => c.name === value)?.label, value);

  function show(field: FormField, value: unknown): string | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (ATTACHMENT_TYPES.includes(field.type)) return words.file;
    if (field.type === 'yes_no') return value === true || value === 'yes' ? words.yes : words.no;
    if (field.type === 'select_one' && typeof value === 'string') return choice(field.list, value);
    if (field.type === 'select_multiple') {
      const names = Array.isArray(value) ? value : String(value).split(' ');
      return names.map((n) => choice(field.list, String(n))).join(', ') || undefined;
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  const lines: AnswerLine[] = [];
  function walk(fields: readonly FormField[], scope: Record<string, unknown>, depth: number) {
    for (const field of fields) {
      if (HIDDEN.has(field.type)) continue;
      if (field.type === 'group') {
        const before = lines.length;
        lines.push({ kind: 'heading', label: text(field.label, field.name), depth });
        walk(field.children ?? [], scope, depth + 1);
        if (lines.length === before + 1) lines.pop();
        continue;
      }
      if (field.type === 'repeat') {
        const instances = Array.isArray(scope[field.name])
          ? (scope[field.name] as Record<string, unknown>[])
          : [];
        instances.forEach((instance, i) => {
          lines.push({ kind: 'heading', label: `${text(field.label, field.name)} ${i + 1}`, depth });
          walk(field.children ?? [], instance ?? {}, depth + 1);
        });
        continue;
      }
      const value = show(field, scope[field.name]);
      if (value !== undefined)
        lines.push({ kind: 'answer', label: text(field.label, field.name), value, depth });
    }
  }
  walk(def.fields, answers, 0);
  return lines;
}
