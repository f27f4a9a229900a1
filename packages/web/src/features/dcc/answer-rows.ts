import {
  ATTACHMENT_TYPES,
  type FormAnswers,
  type FormDefinition,
  type FormField,
  type FormValue,
  formText,
} from '@coso/domain';
import { childPath, getAt, instancePath } from '../../forms/answers';
import { fillReferences } from '../../forms/label-text';

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

/** XLSForm's name of the "other" choice of a select with `or_other`; its text is kept under `<name>_other`. */
const OTHER = 'other';

/**
 * The answers of a form as question/answer lines, in the form's order, in the reader's language: choice
 * names become their labels ("other" with the text typed: "Autre : …"), yes/no and numbers are spelled out,
 * repeats list each instance, `${name}` references in labels show their answers. Questions left unanswered
 * (skipped by the form's logic or empty), notes and calculations without a label are left out; a group with
 * nothing answered inside is left out too.
 */
export function answerRows(def: FormDefinition, answers: FormAnswers, fmt: AnswerFormat): AnswerRow[] {
  const choice = (f: FormField, name: string) => {
    const c = f.list ? def.choices[f.list]?.find((x) => x.name === name) : undefined;
    return c ? (formText(c.label, fmt.locale, def.defaultLanguage) ?? name) : name;
  };
  /** A chosen name as shown; "other" of a select with `orOther` carries the text typed beside it. */
  const chosen = (f: FormField, name: string, scope: FormAnswers) => {
    if (!f.orOther || name !== OTHER) return choice(f, name);
    const typed = scope[`${f.name}_${OTHER}`];
    return typeof typed === 'string' && typed ? `${fmt.other} : ${typed}` : fmt.other;
  };

  function text(f: FormField, v: FormValue, scope: FormAnswers): string {
    if (typeof v === 'boolean') return v ? fmt.yes : fmt.no;
    if (typeof v === 'number')
      return f.type === 'money' ? `${fmt.formatNumber(v)} FCFA` : fmt.formatNumber(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? chosen(f, x, scope) : '')).join(', ');
    if (v && typeof v === 'object') return `${v.lat}, ${v.lon}`;
    if (typeof v !== 'string') return '';
    return f.type === 'select_one' ? chosen(f, v, scope) : v;
  }

  /** A referenced answer as a label shows it (plain values; a choice by its name, as ODK does). */
  const shown = (at: string) => {
    const v = getAt(answers, at);
    if (typeof v === 'number') return fmt.formatNumber(v);
    if (typeof v === 'boolean') return v ? fmt.yes : fmt.no;
    return typeof v === 'string' ? v : undefined;
  };
  const label = (f: FormField, path: string) => {
    const raw = formText(f.label, fmt.locale, def.defaultLanguage);
    return raw === undefined ? f.name : fillReferences(raw, path, shown);
  };

  function walk(
    fields: readonly FormField[],
    scope: FormAnswers,
    depth: number,
    prefix: string,
    /** The answer path of `scope` (`''`, or a repeat instance's `plots[0]`): groups are not in it. */
    at: string,
  ): AnswerRow[] {
    const rows: AnswerRow[] = [];
    for (const f of fields) {
      const key = `${prefix}${f.name}`;
      const path = childPath(at, f.name);
      if (f.type === 'group') {
        const inner = walk(f.children ?? [], scope, depth + 1, `${key}.`, at);
        if (inner.length) rows.push({ kind: 'heading', key, depth, label: label(f, path) }, ...inner);
        continue;
      }
      if (f.type === 'repeat') {
        const instances = scope[f.name];
        if (!Array.isArray(instances) || instances.length === 0) continue;
        const inner: AnswerRow[] = [];
        instances.forEach((inst, i) => {
          if (!inst || typeof inst !== 'object' || Array.isArray(inst)) return;
          const k = `${key}[${i}]`;
          const lines = walk(
            f.children ?? [],
            inst as FormAnswers,
            depth + 2,
            `${k}.`,
            instancePath(path, i),
          );
          if (lines.length)
            inner.push({ kind: 'heading', key: k, depth: depth + 1, label: fmt.instance(i + 1) }, ...lines);
        });
        if (inner.length) rows.push({ kind: 'heading', key, depth, label: label(f, path) }, ...inner);
        continue;
      }
      if (f.type === 'note' || (f.type === 'calculate' && !f.label)) continue;
      const v = scope[f.name];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (ATTACHMENT_TYPES.includes(f.type) && typeof v === 'string') {
        rows.push({ kind: 'attachment', key, depth, label: label(f, path), ref: v });
        continue;
      }
      rows.push({ kind: 'answer', key, depth, label: label(f, path), text: text(f, v, scope) });
    }
    return rows;
  }

  return walk(def.fields, answers, 0, '', '');
}
