import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { FormDialog } from '../../../ui/form-dialog';
import { TextAreaField } from '../../../ui/form-fields';
import { type MisReference, misApi } from './mis-api';
import type { EventRow } from './presenters';
import { EventError } from './sequence-error';

/** "Annuler cet événement": a correction event with its reason; the cancelled event stays, struck through. */
export function VoidDialog(props: {
  subprojectId: string;
  version: number;
  row: EventRow;
  steps: MisReference['steps'];
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (note.trim().length < 3) {
      setError(note.trim() ? t('validation.tooShort', { min: 3 }) : t('validation.required'));
      return;
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      await misApi.recordEvent(props.subprojectId, {
        kind: 'correction',
        voids: props.row.id,
        note: note.trim(),
        baseVersion: props.version,
      });
      props.onDone();
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      variant="danger"
      title={t('mis.events.voidTitle', {
        step: props.row.stepLabel,
        date: props.row.date ? formatDate(props.row.date, true) : '—',
      })}
      submitLabel={t('mis.events.voidSubmit')}
      busy={busy}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <EventError error={failure} steps={props.steps} />
      <TextAreaField
        id="void-note"
        label={t('mis.events.voidReason')}
        value={note}
        onChange={setNote}
        required
        hint={t('mis.events.voidHint')}
        error={error}
      />
    </FormDialog>
  );
}
