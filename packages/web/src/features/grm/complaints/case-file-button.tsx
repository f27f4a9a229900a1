import { useState } from 'react';
import type { Complaint } from '../../../api/complaint-types';
import { useI18n } from '../../../i18n/i18n-context';
import { FormDialog } from '../../../ui/form-dialog';
import { CheckboxField, FieldSet, TextAreaField } from '../../../ui/form-fields';
import { Icon } from '../../../ui/icons';
import {
  type CaseFileChoice,
  caseFileReasonError,
  caseFileUrl,
  downloadCaseFile,
  offersIdentityChoice,
} from './case-file';

const BUTTON_CLASS = 'btn btn-outline-secondary d-inline-flex align-items-center gap-1';

/**
 * The printable case file (PDF), downloaded with the session cookie. Without the complainant's identity by
 * default; users who may reveal it can choose to print it, with a reason the server audits as a reveal.
 */
export function CaseFileButton({ complaint }: { complaint: Complaint }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  if (!offersIdentityChoice(complaint.complainant)) {
    return (
      <a href={caseFileUrl(complaint.id, locale)} download className={BUTTON_CLASS}>
        <Icon name="printer" size={16} />
        {t('caseFile.download')}
      </a>
    );
  }
  return (
    <>
      <button type="button" className={BUTTON_CLASS} onClick={() => setOpen(true)}>
        <Icon name="printer" size={16} />
        {t('caseFile.download')}
      </button>
      {open && <CaseFileDialog complaintId={complaint.id} onClose={() => setOpen(false)} />}
    </>
  );
}

function CaseFileDialog({ complaintId, onClose }: { complaintId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState<CaseFileChoice>('without');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const invalid = caseFileReasonError(choice, reason);
    setReasonError(invalid && t(invalid));
    if (invalid) return;
    setError(null);
    setBusy(true);
    try {
      await downloadCaseFile(
        caseFileUrl(complaintId, locale, choice === 'with' ? reason : undefined),
        locale,
      );
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      title={t('caseFile.title')}
      submitLabel={t('caseFile.submit')}
      variant={choice === 'with' ? 'warning' : 'primary'}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onClose}
    >
      <FieldSet id="case-file-identity" legend={t('caseFile.identity')}>
        {(['without', 'with'] as const).map((option) => (
          <CheckboxField
            key={option}
            type="radio"
            name="case-file-identity"
            id={`case-file-identity-${option}`}
            label={t(option === 'with' ? 'caseFile.withIdentity' : 'caseFile.withoutIdentity')}
            checked={choice === option}
            onChange={() => setChoice(option)}
            className="mb-1"
          />
        ))}
      </FieldSet>
      {choice === 'with' && (
        <>
          <p className="small text-secondary">{t('caseFile.auditNote')}</p>
          <TextAreaField
            id="case-file-reason"
            label={t('reveal.reason')}
            required
            value={reason}
            onChange={setReason}
            rows={3}
            hint={t('reveal.reasonHint')}
            error={reasonError}
          />
        </>
      )}
    </FormDialog>
  );
}
