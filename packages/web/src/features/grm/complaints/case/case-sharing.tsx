import { useState } from 'react';
import { accessCandidates, grantAccess, listAccess, revokeAccess } from '../../../../api/case-access';
import type { Complaint } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert } from '../../../../ui/alerts';
import { Card } from '../../../../ui/card';
import { ConfirmButton } from '../../../../ui/confirm-dialog';
import { SelectField, TextField } from '../../../../ui/form-fields';
import { useAsync } from '../../../../ui/use-async';

/** People added to a sensitive case by its focal point: they read and comment, nothing more. */
export function CaseSharing({ complaint }: { complaint: Complaint }) {
  const { t, formatDate } = useI18n();
  const [version, setVersion] = useState(0);
  // Only a sensitive case has named people: the server answers 422 for any other, so do not ask.
  const access = useAsync(
    () => (complaint.sensitive ? listAccess(complaint.id) : Promise.resolve([])),
    [complaint.id, complaint.sensitive, version],
  );
  const candidates = useAsync(
    () =>
      complaint.sensitive && complaint.canShare ? accessCandidates(complaint.id, '') : Promise.resolve([]),
    [complaint.id, complaint.sensitive, complaint.canShare, version],
  );
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!complaint.sensitive) return null;

  async function add() {
    setError(null);
    try {
      await grantAccess(complaint.id, userId, reason.trim());
      setUserId('');
      setReason('');
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Card title={t('sharing.title')}>
      <ErrorAlert error={access.error ?? error} />
      {(access.data ?? []).length === 0 && <p className="small text-secondary">{t('sharing.empty')}</p>}
      <ul className="list-unstyled">
        {(access.data ?? []).map((a) => (
          <li key={a.user.id} className="d-flex align-items-start gap-2 mb-2">
            <div className="me-auto">
              <div className="fw-semibold">{a.user.displayName}</div>
              <div className="small text-secondary">
                {t('sharing.addedBy', { name: a.addedBy.displayName, date: formatDate(a.addedAt) })} —{' '}
                {a.reason}
              </div>
            </div>
            {complaint.canShare && (
              <ConfirmButton
                label={t('sharing.remove')}
                title={t('sharing.remove')}
                message={t('sharing.removeMessage', { name: a.user.displayName })}
                className="btn btn-sm btn-outline-danger"
                onConfirm={async () => {
                  await revokeAccess(complaint.id, a.user.id);
                  setVersion((v) => v + 1);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {complaint.canShare && (
        <div className="border-top pt-2">
          <SelectField
            id="sharing-user"
            label={t('sharing.person')}
            value={userId}
            onChange={setUserId}
            options={[
              { value: '', label: '—' },
              ...(candidates.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName} (${u.username})`,
              })),
            ]}
          />
          <TextField id="sharing-reason" label={t('sharing.reason')} value={reason} onChange={setReason} />
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={!userId || reason.trim().length < 5}
            onClick={add}
          >
            {t('sharing.add')}
          </button>
        </div>
      )}
    </Card>
  );
}
