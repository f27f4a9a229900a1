import { type CompiledField, compiledOrThrow } from './compile.js';
import type { FormAnswers, FormDefinition, FormValue } from './definition.js';
import { answerOf } from './evaluation.js';
import { evaluate, toBoolean, toNumber, toText } from './expr/index.js';
import type { ExprContext } from './expr/types.js';
import type { FormError } from './messages.js';
import { type FormState, formState } from './state.js';
import { fromExprValue, isEmpty } from './values.js';

/**
 * The one check of a submission, the same on the device, in the web app and on the server
 * (docs/decisions/0021-forms-as-data.md): `validate` lists the errors, `normalizeAnswers` gives what is
 * stored — calculations recomputed, answers to questions that do not apply and unknown keys dropped.
 */

export function validate(def: FormDefinition, answers: FormAnswers, opts?: { now?: Date }): FormError[] {
  return formState(def, answers, { now: opts?.now ?? new Date() }).errors;
}

/** validate and normalizeAnswers from one run of the engine (what the server does with each submission). */
export function checkSubmission(
  def: FormDefinition,
  answers: FormAnswers,
  opts?: { now?: Date },
): { errors: FormError[]; answers: FormAnswers } {
  const state = formState(def, answers, { now: opts?.now ?? new Date() });
  return { errors: state.errors, answers: normalizeAnswers(def, answers, { state }) };
}

export function normalizeAnswers(
  def: FormDefinition,
  answers: FormAnswers,
  opts: { now?: Date; state?: FormState } = {},
): FormAnswers {
  const form = compiledOrThrow(def);
  const state = opts.state ?? formState(def, answers, { now: opts.now ?? new Date() });
  const level = (
    list: readonly CompiledField[],
    source: FormAnswers | undefined,
    prefix: string,
    out: FormAnswers,
  ) => {
    for (const cf of list) {
      const { field } = cf;
      if (field.type === 'group') {
        level(cf.children, source, prefix, out);
        continue;
      }
      const path = prefix + cf.name;
      const st = state.fields.get(path);
      if (!st?.relevant || field.type === 'note') continue;
      if (field.type === 'repeat') {
        const list = answerOf(source, cf.name);
        if (!Array.isArray(list)) continue;
        out[cf.name] = (st.instances ?? []).map((j) => {
          const instance: FormAnswers = {};
          level(cf.children, list[j] as FormAnswers, `${path}[${j}].`, instance);
          return instance;
        });
        continue;
      }
      if (!isEmpty(st.value)) out[cf.name] = st.value;
      const other = answerOf(source, `${cf.name}_other`);
      const choseOther =
        st.value === 'other' || (Array.isArray(st.value) && st.value.includes('other' as never));
      if (field.orOther && choseOther && !isEmpty(other)) out[`${cf.name}_other`] = other as FormValue;
    }
  };
  const out: FormAnswers = {};
  level(form.roots, answers, '', out);
  return out;
}

/**
 * The answers a new form (or, with `repeat`, a new instance of that repeat) starts with: XLSForm's `default`
 * column, literal or dynamic (`today()`), for the fields directly at that level.
 */
export function defaultAnswers(def: FormDefinition, opts: { now: Date; repeat?: string }): FormAnswers {
  const form = compiledOrThrow(def);
  const parent = opts.repeat ? form.fields.get(opts.repeat) : undefined;
  const out: FormAnswers = {};
  const ctx: ExprContext = {
    resolve: () => '',
    current: () => '',
    position: () => 1,
    indexedRepeat: () => '',
    choiceLabel: () => '',
    now: () => opts.now,
  };
  const visit = (list: readonly CompiledField[]) => {
    for (const cf of list) {
      if (cf.field.type === 'group') visit(cf.children);
      const d = cf.defaultValue;
      if (!d) continue;
      out[cf.name] =
        'literal' in d
          ? d.literal
          : fromExprValue(cf.field.type, evaluate(d.expression, ctx), { toText, toNumber, toBoolean });
    }
  };
  visit(parent ? parent.children : form.roots);
  return out;
}
