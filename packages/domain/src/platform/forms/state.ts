import { type CompiledField, compiledOrThrow } from './compile.js';
import type { FormAnswers, FormChoice, FormDefinition, FormField, FormValue } from './definition.js';
import { checkAnswers } from './errors.js';
import { Evaluation } from './evaluation.js';
import { toBoolean, toNumber, toText } from './expr/index.js';
import type { FormError } from './messages.js';
import { fromExprValue, MAX_REPEAT_INSTANCES } from './values.js';

/**
 * The live state of a form over its answers (ODK semantics): for every field instance, whether it applies,
 * whether it is required or read-only, its value (calculations recomputed), its choices after the choice
 * filter, a repeat's fixed count, and every current error. The device re-runs it on each keystroke; the server
 * runs the same code (validate) on each submission.
 */

export interface FieldInstanceState {
  /** `age`, `members[0].age`: repeats' instances 0-based, groups transparent. */
  path: string;
  field: FormField;
  /** The instance indices of the enclosing repeats, outermost first. */
  indices: readonly number[];
  /** False when its own `relevant` or any enclosing group's or repeat's is false. */
  relevant: boolean;
  required: boolean;
  readOnly: boolean;
  /** The calculation's result, or the answer given (null when not relevant). */
  value: FormValue;
  /** Selects: the choices offered now (after `choice_filter`). */
  choices?: readonly FormChoice[];
  /** Repeats: the number of instances `repeat_count` fixes (undefined when the user adds them freely). */
  repeatCount?: number;
  /** Repeats: the instances present in the answers. */
  instances?: readonly number[];
}

export interface FormState {
  /** Every field instance, in document order (a repeat before its instances' fields). */
  fields: ReadonlyMap<string, FieldInstanceState>;
  errors: FormError[];
}

export interface FormStateOptions {
  now: Date;
  /** The language of `jr:choice-name()` (default: the form's default language, else French). */
  locale?: string;
}

const coercions = { toText, toNumber, toBoolean };
const NEVER_ANSWERED = new Set(['group', 'note']);

export function formState(def: FormDefinition, answers: FormAnswers, opts: FormStateOptions): FormState {
  const form = compiledOrThrow(def);
  const ev = new Evaluation(form, answers, opts.now, opts.locale ?? def.defaultLanguage ?? 'fr');

  for (const cf of form.order)
    for (const tuple of ev.tuplesOf(cf)) {
      const parent = cf.parent;
      const parentRelevant = parent
        ? (ev.computed.get(
            parent.repeats.length ? ev.pathOf(parent, tuple.slice(0, parent.repeats.length)) : parent.name,
          )?.relevant ?? true)
        : true;
      const raw = ev.raw(cf, tuple);
      const relevant =
        parentRelevant && (cf.relevant ? toBoolean(ev.run(cf.relevant, cf, tuple, raw)) : true);
      let value: FormValue = null;
      if (relevant && !NEVER_ANSWERED.has(cf.field.type))
        value = cf.calculation
          ? fromExprValue(cf.field.type, ev.run(cf.calculation, cf, tuple, raw), coercions)
          : (raw ?? null);
      ev.computed.set(ev.pathOf(cf, tuple), { relevant, value });
    }

  const fields = new Map<string, FieldInstanceState>();
  const walk = (list: readonly CompiledField[], tuple: readonly number[]) => {
    for (const cf of list) {
      const path = ev.pathOf(cf, tuple);
      const computed = ev.computed.get(path);
      if (!computed) continue;
      const st = instanceState(ev, cf, tuple, path, computed.relevant, computed.value);
      fields.set(path, st);
      if (cf.field.type === 'group') walk(cf.children, tuple);
      else if (cf.field.type === 'repeat')
        for (const j of st.instances ?? []) walk(cf.children, [...tuple, j]);
    }
  };
  walk(form.roots, []);
  return { fields, errors: checkAnswers(ev, fields) };
}

function instanceState(
  ev: Evaluation,
  cf: CompiledField,
  tuple: readonly number[],
  path: string,
  relevant: boolean,
  value: FormValue,
): FieldInstanceState {
  const flag = (rule: CompiledField['required']): boolean => {
    if (rule === undefined || typeof rule === 'boolean') return rule === true;
    return toBoolean(ev.run(rule, cf, tuple, value));
  };
  const st: FieldInstanceState = {
    path,
    field: cf.field,
    indices: tuple,
    relevant,
    required: relevant && flag(cf.required),
    readOnly: cf.field.type === 'calculate' || cf.calculation !== undefined || flag(cf.readOnly),
    value,
  };
  if (cf.choices) st.choices = relevant ? ev.filterChoices(cf, tuple, value) : cf.choices;
  if (cf.field.type === 'repeat') {
    st.instances = relevant ? ev.instancesOf(cf, tuple) : [];
    if (cf.repeatCount && relevant) {
      const n = toNumber(ev.run(cf.repeatCount, cf, tuple, value));
      st.repeatCount = Number.isFinite(n) ? Math.min(MAX_REPEAT_INSTANCES, Math.max(0, Math.trunc(n))) : 0;
    }
  }
  return st;
}
