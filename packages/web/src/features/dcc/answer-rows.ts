import {
  ATTACHMENT_TYPES,
  type FormAnswers,
  type FormDefinition,
  type FormField,
  type FormValue,
  formText,
} from '@coso/domain';

/** One line of a submitted form, read-only: a question with its answer, or a group/repeat heading. */
export type AnswerRow =
  | { kind: 'heading'; key: string; depth: number; label: string }
  | { kind: 'answer'; key: string; depth: number; label: string; text: string }
  | { kind: 'attachment'; key: string; depth: number; label: string; ref: string };

export interface AnswerFormat {
  locale: string;
  yes: string;
  no: string;
  /** The label of XLSForm's "other" choice of a select with `orOther`. */
  other: string;
  /** "Instance {n}" of a repeat. */
  instance: (n: number) => string;
  formatNumber: (n: number) => string;
}

/**
 * The answers of a form as question/answer lines, in the form's order, in the reader's language: choice
 * names become their labels, yes/no and numbers are spelled out, repeats list each instance. Questions left
 * unanswered (skipped by the form's logic or empty) and notes are left out; a group with nothing answered
 * inside is left out too.
 */
export function answerRows(def: FormDefinition, answers: FormAnswers, fmt: AnswerFormat): AnswerRow[] {
  const label = (f: FormField) => formText(f.label, fmt.locale, def.defaultLanguage) ?? f.name;
  const choice = (f: FormField, name: string) => {
    const c = f.list ? def.choices[f.list]?.find((x) => x.name === name) : undefined;
    return c ? (formText(c.label, fmt.locale, def.defaultLanguage) ?? name) : name;
  };

  function text(f: FormField, v: FormValue, scope: FormAnswers): string {
    if (typeof v === 'boolean') return v ? fmt.yes : fmt.no;
    if (typeof v === 'number')
      return f.type === 'money' ? `${fmt.formatNumber(v)} FCFA` : fmt.formatNumber(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? choice(f, x) : '')).join(', ');
    if (v && typeof v === 'object') return `${v.lat}, ${v.lon}`;
    if (typeof v !== 'string') return '';
    if (f.type === 'select_one') {
      if (!f.orOther || v !== 'other') return choice(f, v);
      const other = scope[`${f.name}_other`];
      return typeof other === 'string' && other ? `${fmt.other} : ${other}` : fmt.other;
    }
    return v;
  }

  function walk(
    fields: readonly FormField[],
    scope: FormAnswers,
    depth: number,
    prefix: string,
  ): AnswerRow[] {
    const rows: AnswerRow[] = [];
    for (const f of fields) {
      const key = `${prefix}${f.name}`;
      if (f.type === 'group') {
        const inner = walk(f.children ?? [], scope, depth + 1, `${key}.`);
        if (inner.length) rows.push({ kind: 'heading', key, depth, label: label(f) }, ...inner);
        continue;
      }
      if (f.type === 'repeat') {
        const instances = scope[f.name];
        if (!Array.isArray(instances) || instances.length === 0) continue;
        const inner: AnswerRow[] = [];
        instances.forEach((inst, i) => {
          if (!inst || typeof inst !== 'object' || Array.isArray(inst)) return;
          const k = `${key}[${i}]`;
          const lines = walk(f.children ?? [], inst as FormAnswers, depth + 2, `${k}.`);
          if (lines.length)
            inner.push({ kind: 'heading', key: k, depth: depth + 1, label: fmt.instance(i + 1) }, ...lines);
        });
        if (inner.length) rows.push({ kind: 'heading', key, depth, label: label(f) }, ...inner);
        continue;
      }
      if (f.type === 'note') continue;
      const v = scope[f.name];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (ATTACHMENT_TYPES.includes(f.type) && typeof v === 'string') {
        rows.push({ kind: 'attachment', key, depth, label: label(f), ref: v });
        continue;
      }
      rows.push({ kind: 'answer', key, depth, label: label(f), text: text(f, v, scope) });
    }
    return rows;
  }

  return walk(def.fields, answers, 0, '');
}
