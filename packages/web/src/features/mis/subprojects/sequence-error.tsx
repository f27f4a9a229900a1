import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n-context';
import { lookup } from '../../../i18n/translate';
import { errorText } from '../../../ui/errors';
import type { MisReference } from './mis-api';
import { sequenceProblem } from './presenters';

/**
 * An error of the event forms: a refused sequence (409 step_sequence_invalid) says which rule refused it,
 * naming the steps still missing; anything else is the usual translated error.
 */
export function EventError({ error, steps }: { error: unknown; steps: MisReference['steps'] }) {
  const { t, locale } = useI18n();
  if (!error) return null;
  let text = errorText(error, locale, t);
  if (error instanceof ApiError && error.code === 'step_sequence_invalid') {
    const problem = sequenceProblem(error.details, steps, locale);
    const specific = problem && lookup(locale, `mis.sequence.${problem.reason}`);
    if (problem && specific) text = specific.replace('{steps}', problem.steps);
  }
  return (
    <div className="alert alert-danger mb-3" role="alert" data-testid="event-error">
      {text}
    </div>
  );
}
