import {
  type FormAnswers,
  type FormDefinition,
  type FormField,
  type FormState,
  type FormValue,
  formState,
} from '@coso/domain';
import { getAt, setAt } from '../../../forms/answers';
import type { RenderState } from './render-context';

/** The renderer's view of the engine's state: answers not in the state (an `_other` text) read from answers. */
export function renderState(
  state: FormState,
  answers: FormAnswers,
  show: (value: FormValue, field: FormField) => string,
): RenderState {
  return {
    view(path: string) {
      const st = state.fields.get(path);
      if (!st) {
        return { relevant: true, required: false, readOnly: false, value: getAt(answers, path), choices: [] };
      }
      // The state holds null for an unanswered field; the inputs want the typed answer (raw text included).
      const value = st.field.calculation !== undefined ? st.value : (getAt(answers, path) ?? st.value);
      return {
        relevant: st.relevant,
        required: st.required,
        readOnly: st.readOnly,
        value,
        choices: st.choices ?? [],
      };
    },
    fixedCount: (path) => state.fields.get(path)?.repeatCount,
    instances: (path) => state.fields.get(path)?.instances ?? [],
    shown(path) {
      const st = state.fields.get(path);
      return st ? show(st.value, st.field) : undefined;
    },
  };
}

export function computeState(def: FormDefinition, answers: FormAnswers, now: Date, locale: string) {
  return formState(def, answers, { now, locale });
}

/**
 * Answers with every relevant repeat whose repeat_count is fixed holding exactly that many instances (the
 * extra ones dropped, as ODK does); the same object when nothing changes, so an effect can settle.
 */
export function fitRepeatCounts(state: FormState, answers: FormAnswers): FormAnswers {
  let next = answers;
  for (const st of state.fields.values()) {
    if (st.field.type !== 'repeat' || st.repeatCount === undefined || !st.relevant) continue;
    const current = getAt(next, st.path);
    const list = Array.isArray(current) ? (current as FormAnswers[]) : [];
    if (list.length === st.repeatCount) continue;
    const fitted: FormValue = Array.from({ length: st.repeatCount }, (_, i) => list[i] ?? {});
    next = setAt(next, st.path, fitted);
  }
  return next;
}
