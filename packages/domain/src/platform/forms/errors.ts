import type { CompiledField, CompiledForm } from './compile.js';
import type { FormAnswers, FormValue } from './definition.js';
import { answerOf, type Evaluation } from './evaluation.js';
import { toBoolean } from './expr/index.js';
import { type FormError, type FormErrorCode, formErrorMessage } from './messages.js';
import type { FieldInstanceState } from './state.js';
import { checkValue, isEmpty, MAX_REPEAT_INSTANCES, MAX_TEXT } from './values.js';

/**
 * Every error of a set of answers, in document order, with ODK's rules: a field that does not apply is not
 * checked (an answer to it is `not_relevant`), constraints run only on non-empty answers of the right type,
 * a calculation's submitted value is never an error (normalizeAnswers replaces it), unknown keys are refused.
 */

/** Per answers object (the form's: '', a repeat instance's: the repeat's name), the keys it may hold. */
const allowedKeysCache = new WeakMap<CompiledForm, Map<string, Set<string>>>();
function allowedKeys(form: CompiledForm, level: string): Set<string> {
  let byLevel = allowedKeysCache.get(form);
  if (!byLevel) {
    byLevel = new Map();
    for (const cf of form.fields.values()) {
      if (cf.field.type === 'group') continue;
      const key = cf.repeats.at(-1) ?? '';
      let set = byLevel.get(key);
      if (!set) {
        set = new Set();
        byLevel.set(key, set);
      }
      set.add(cf.name);
      if (cf.field.orOther) set.add(`${cf.name}_other`);
    }
    allowedKeysCache.set(form, byLevel);
  }
  return byLevel.get(level) ?? new Set();
}

const chose = (value: FormValue | undefined, name: string) =>
  value === name || (Array.isArray(value) && (value as unknown[]).includes(name));

export function checkAnswers(ev: Evaluation, fields: ReadonlyMap<string, FieldInstanceState>): FormError[] {
  const def = ev.form.definition;
  const errors: FormError[] = [];
  const push = (field: string, code: FormErrorCode, own?: Parameters<typeof formErrorMessage>[2]) =>
    errors.push({ field, code, message: formErrorMessage(def, code, own) });
  const unknownKeys = (obj: FormAnswers, level: string, prefix: string) => {
    const allowed = allowedKeys(ev.form, level);
    for (const key of Object.keys(obj)) if (!allowed.has(key)) push(prefix + key, 'unknown_field');
  };

  if (ev.answers !== ev.given) push('', 'invalid_type');
  unknownKeys(ev.answers, '', '');
  for (const st of fields.values()) {
    const cf = ev.form.fields.get(st.field.name)!;
    const { field } = cf;
    if (field.type === 'group' || field.type === 'note') continue;
    const raw = ev.raw(cf, st.indices);
    const otherPath = `${st.path}_other`;
    const otherRaw = field.orOther
      ? answerOf(ev.objectAt(cf.repeats, st.indices), `${cf.name}_other`)
      : undefined;
    // A repeat that does not apply is reported alone: its instances are not walked (no state for them).
    if (!st.relevant) {
      if (!isEmpty(raw) && !cf.calculation) push(st.path, 'not_relevant');
      if (!isEmpty(otherRaw)) push(otherPath, 'not_relevant');
      continue;
    }
    if (field.type === 'repeat') {
      checkRepeat(st, raw, push, unknownKeys, cf);
      continue;
    }
    if (cf.calculation) continue;
    if (isEmpty(raw)) {
      if (st.required) push(st.path, 'required', field.requiredMessage);
      if (!isEmpty(otherRaw)) push(otherPath, 'not_relevant');
      continue;
    }
    const allowed = st.choices && cf.choiceFilter ? new Set(st.choices.map((c) => c.name)) : cf.choiceNames;
    const problem = checkValue(field, raw!, allowed);
    if (problem) push(st.path, problem);
    else if (cf.constraint && !toBoolean(ev.run(cf.constraint, cf, st.indices, raw)))
      push(st.path, 'constraint', field.constraintMessage);
    if (field.orOther) {
      if (!chose(raw, 'other')) {
        if (!isEmpty(otherRaw)) push(otherPath, 'not_relevant');
      } else if (isEmpty(otherRaw)) push(otherPath, 'required', field.requiredMessage);
      else if (typeof otherRaw !== 'string') push(otherPath, 'invalid_type');
      else if (otherRaw.length > MAX_TEXT) push(otherPath, 'too_long');
    }
  }
  return errors;
}

function checkRepeat(
  st: FieldInstanceState,
  raw: FormValue | undefined,
  push: (field: string, code: FormErrorCode) => void,
  unknownKeys: (obj: FormAnswers, level: string, prefix: string) => void,
  cf: CompiledField,
) {
  if (raw === undefined || raw === null) {
    if (st.repeatCount) push(st.path, 'repeat_count');
    else if (st.required) push(st.path, 'required');
    return;
  }
  if (!Array.isArray(raw)) return push(st.path, 'invalid_type');
  if (raw.length > MAX_REPEAT_INSTANCES) return push(st.path, 'out_of_range');
  if (st.repeatCount !== undefined && raw.length !== st.repeatCount) push(st.path, 'repeat_count');
  else if (st.required && raw.length === 0) push(st.path, 'required');
  raw.forEach((instance, j) => {
    if (typeof instance !== 'object' || instance === null || Array.isArray(instance))
      push(`${st.path}[${j}]`, 'invalid_type');
    else unknownKeys(instance as FormAnswers, cf.name, `${st.path}[${j}].`);
  });
}
