import { useState } from 'react';
import type { RevealedIdentity } from '../../../../api/complaint-types';
import { revealIdentity } from '../../../../api/complaints';
import { useI18n } from '../../../../i18n/i18n-context';
import { FormDialog } from '../../../../ui/form-dialog';
import { TextAreaField } from '../../../../ui/form-fields';

const REASON_MIN = 10;
const REASON_MAX = 500;

/**
 * "Reveal identity": asks for a reason (audited by the server), then hands the identity to the caller, which
 * keeps it in component state only (never stored, gone on reload).
 */
export function RevealIdentityButton({
  complaintId,
  onRevealed,
}: {
  complaintId: string;
  onRevealed: (identity: RevealedIdentity) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function start() {
    setReason('');
    setReasonError(undefined);
    setError(null);
    setOpen(true);
  }

  async function submit() {
    const trimmed = reason.trim();
    if (trimmed.length < REASON_MIN || trimmed.length > REASON_MAX) {
      setReasonError(t('reveal.reasonLength'));
      return;
    }
    setReasonError(undefined);
    setError(null);
    setBusy(true);
    try {
      const identity = await revealIdentity(complaintId, trimmed);
      setOpen(false);
      onRevealed(identity);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="btn btn-sm btn-outline-dark mt-2" onClick={start}>
        {t('reveal.button')}
      </button>
      <FormDialog
        open={open}
        title={t('reveal.title')}
        submitLabel={t('reveal.submit')}
        variant="warning"
        busy={busy}
        error={error}
        onSubmit={submit}
        onCancel={() => setOpen(false)}
      >
        <p className="small text-secondary">{t('reveal.auditNote')}</p>
        <TextAreaField
          id="reveal-reason"
          label={t('reveal.reason')}
          required
          value={reason}
          onChange={setReason}
          rows={4}
          hint={t('reveal.reasonHint')}
          error={reasonError}
        />
      </FormDialog>
    </>
  );
}
