import { useState } from 'react';
import {
  createReferral,
  listReferrals,
  REFERRAL_SERVICES,
  type Referral,
  type ReferralService,
  recordOutcome,
} from '../../../../api/case-access';
import type { Complaint } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert } from '../../../../ui/alerts';
import { Card } from '../../../../ui/card';
import { apiFieldErrors, type FieldErrors } from '../../../../ui/errors';
import { SelectField, TextField } from '../../../../ui/form-fields';
import { useAsync } from '../../../../ui/use-async';

const today = () => new Date().toISOString().slice(0, 10);

/** Referrals of the complainant to services (health, psycho-social, legal, police), with date and outcome. */
export function CaseReferrals({ complaint }: { complaint: Complaint }) {
  const { t, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const referrals = useAsync(() => listReferrals(complaint.id), [complaint.id, version]);
  const [service, setService] = useState<ReferralService>('health');
  const [provider, setProvider] = useState('');
  const [referredOn, setReferredOn] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  if (!complaint.canRefer && !complaint.sensitive) return null;

  async function add() {
    setError(null);
    try {
      await createReferral(complaint.id, {
        service,
        referredOn,
        ...(provider.trim() ? { provider: provider.trim() } : {}),
      });
      setProvider('');
      setErrors({});
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    }
  }

  return (
    <Card title={t('referrals.title')}>
      <ErrorAlert error={referrals.error ?? error} />
      {(referrals.data ?? []).length === 0 && <p className="small text-secondary">{t('referrals.empty')}</p>}
      <ul className="list-unstyled">
        {(referrals.data ?? []).map((r) => (
          <ReferralItem
            key={r.id}
            complaintId={complaint.id}
            referral={r}
            canEdit={complaint.canRefer}
            onSaved={() => setVersion((v) => v + 1)}
          />
        ))}
      </ul>
      {complaint.canRefer && (
        <div className="border-top pt-2">
          <SelectField
            id="referral-service"
            label={t('referrals.service')}
            value={service}
            onChange={(v) => setService(v as ReferralService)}
            options={REFERRAL_SERVICES.map((s) => ({ value: s, label: t(`referrals.service.${s}`) }))}
          />
          <TextField
            id="referral-provider"
            label={t('referrals.provider')}
            value={provider}
            onChange={setProvider}
            error={errors.provider}
          />
          <TextField
            id="referral-date"
            type="date"
            label={t('referrals.referredOn')}
            value={referredOn}
            onChange={setReferredOn}
            max={today()}
            error={errors.referredOn}
          />
          <button type="button" className="btn btn-outline-primary" onClick={add}>
            {t('referrals.add')}
          </button>
        </div>
      )}
    </Card>
  );
}

function ReferralItem(props: {
  complaintId: string;
  referral: Referral;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t, formatDate, locale } = useI18n();
  const r = props.referral;
  const [outcome, setOutcome] = useState('');
  const [outcomeOn, setOutcomeOn] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, true);

  async function save() {
    try {
      await recordOutcome(props.complaintId, r.id, { outcome: outcome.trim(), outcomeOn });
      props.onSaved();
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    }
  }

  return (
    <li className="mb-3">
      <div className="fw-semibold">
        {t(`referrals.service.${r.service}`)}
        {r.provider && ` — ${r.provider}`}
      </div>
      <div className="small text-secondary">{t('referrals.on', { date: day(r.referredOn) })}</div>
      {r.outcome ? (
        <div className="small">
          {t('referrals.outcomeOn', { outcome: r.outcome, date: r.outcomeOn ? day(r.outcomeOn) : '—' })}
        </div>
      ) : (
        props.canEdit && (
          <div className="mt-1">
            <ErrorAlert error={error} />
            <TextField
              id={`outcome-${r.id}`}
              label={t('referrals.outcome')}
              value={outcome}
              onChange={setOutcome}
              error={errors.outcome}
            />
            <TextField
              id={`outcome-on-${r.id}`}
              type="date"
              label={t('referrals.outcomeDate')}
              value={outcomeOn}
              onChange={setOutcomeOn}
              max={today()}
              error={errors.outcomeOn}
            />
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              disabled={!outcome.trim()}
              onClick={save}
            >
              {t('referrals.saveOutcome')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
