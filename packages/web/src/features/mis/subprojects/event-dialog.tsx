import { type CreateSubprojectEventInput, formatFcfa, togoDate } from '@coso/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { FormDialog } from '../../../ui/form-dialog';
import { SelectField, TextAreaField, TextField } from '../../../ui/form-fields';
import { type MisReference, misApi, type SubprojectDetail } from './mis-api';
import { readFcfa } from './presenters';
import { useProofUploads } from './proof-uploads';
import { EventError } from './sequence-error';

/**
 * "Enregistrer une étape": only the steps the rule accepts next (`nextSteps`), with its date, the physical %
 * (asked for works in progress only), the FCFA spent, a note and proof photos or reports.
 */
export function EventDialog(props: {
  detail: SubprojectDetail;
  steps: MisReference['steps'];
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { detail, steps } = props;
  const offered = steps.filter((s) => detail.nextSteps.includes(s.code));
  // A step forward by default, never a closing one (not approved, abandoned) picked by accident.
  const [step, setStep] = useState((offered.find((s) => s.kind === 'main') ?? offered[0])?.code ?? '');
  const [date, setDate] = useState(togoDate());
  const [percent, setPercent] = useState('');
  const [spent, setSpent] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const uploads = useProofUploads('event-files', t('mis.event.files'));
  const def = steps.find((s) => s.code === step);

  async function submit() {
    const problems: Record<string, string> = {};
    const amount = readFcfa(spent);
    if (amount === 'invalid') problems.amountSpent = t('mis.form.fcfaInvalid');
    const pct = percent.trim();
    if (def?.levels && !/^(100|\d{1,2})$/.test(pct))
      problems.progressPercent = pct ? t('mis.event.percentInvalid') : t('validation.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.date = t('validation.required');
    if (uploads.busy) problems.files = t('mis.event.waitUploads');
    setErrors(problems);
    if (Object.keys(problems).length > 0 || amount === 'invalid') return;
    const body: CreateSubprojectEventInput = { step, date, baseVersion: detail.version };
    if (def?.levels) body.progressPercent = Number(pct);
    if (amount !== null) body.amountSpent = amount;
    if (note.trim()) body.note = note.trim();
    if (uploads.ids.length > 0) body.fileIds = uploads.ids;
    setBusy(true);
    setFailure(null);
    try {
      await misApi.recordEvent(detail.id, body);
      props.onDone();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      wide
      title={t('mis.events.record')}
      submitLabel={t('common.save')}
      busy={busy}
      submitDisabled={offered.length === 0}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <EventError error={failure} steps={steps} />
      {offered.length === 0 ? (
        <p className="mb-0">{t('mis.event.noNext')}</p>
      ) : (
        <>
          <SelectField
            id="event-step"
            label={t('mis.event.step')}
            value={step}
            onChange={setStep}
            options={offered.map((s) => ({ value: s.code, label: s.labels[locale] }))}
            required
          />
          <TextField
            id="event-date"
            type="date"
            label={t('mis.event.date')}
            value={date}
            onChange={setDate}
            max={togoDate()}
            required
            error={errors.date}
          />
          {def?.levels && (
            <TextField
              id="event-percent"
              label={t('mis.event.percent')}
              value={percent}
              onChange={setPercent}
              inputMode="numeric"
              required
              hint={t('mis.event.percentHint', { percent: detail.progressPercent })}
              error={errors.progressPercent}
            />
          )}
          <TextField
            id="event-spent"
            label={t('mis.event.spent')}
            value={spent}
            onChange={setSpent}
            inputMode="numeric"
            hint={t('mis.event.spentSoFar', { amount: formatFcfa(detail.amountSpent, locale) })}
            error={errors.amountSpent}
          />
          <TextAreaField id="event-note" label={t('mis.event.note')} value={note} onChange={setNote} />
          {uploads.field}
          {errors.files && <p className="text-danger small">{errors.files}</p>}
        </>
      )}
    </FormDialog>
  );
}
