import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { apiFieldErrors } from '../../../ui/errors';
import { CheckboxField, FieldSet, TextAreaField, TextField } from '../../../ui/form-fields';
import { type Decision, type PublicAnswer, type PublicTracking, publicApi } from './api';

const DECISIONS = [
  ['accept', 'public.accept'],
  ['reject', 'public.reject'],
  ['appeal', 'public.appeal'],
] as const;

/**
 * The citizen's answer to the proposed solution (or their rating of a closed case), after proving the case
 * is theirs with the last 4 digits of their phone or a code sent by SMS.
 */
export function AnswerForm({
  tracking,
  onDone,
}: {
  tracking: PublicTracking;
  onDone: (t: PublicTracking) => void;
}) {
  const { t, locale } = useI18n();
  const [useOtp, setUseOtp] = useState(false);
  const [otpSent, setOtpSent] = useState(false);
  const [secret, setSecret] = useState('');
  const [decision, setDecision] = useState<Decision>(tracking.canAnswer ? 'accept' : 'rate');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function sendOtp() {
    setFailure(null);
    try {
      await publicApi.requestOtp(tracking.trackingCode);
      setUseOtp(true);
      setOtpSent(true);
      setSecret('');
    } catch (err) {
      setFailure(err);
    }
  }

  function body(): PublicAnswer {
    const proof = useOtp ? { otp: secret.trim() } : { last4: secret.trim() };
    const text = comment.trim() || undefined;
    if (decision === 'appeal') return { decision, reason: comment.trim(), ...proof };
    return {
      decision,
      ...proof,
      ...(satisfaction ? { satisfaction } : {}),
      ...(text ? { comment: text } : {}),
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^\d+$/.test(secret.trim())) problems.proof = t('validation.required');
    if (decision === 'appeal' && comment.trim().length < 3) problems.comment = t('validation.required');
    if (decision === 'rate' && !satisfaction) problems.satisfaction = t('validation.required');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setFailure(null);
    try {
      onDone(await publicApi.answer(tracking.trackingCode, body()));
    } catch (err) {
      setFailure(err);
      const fields = apiFieldErrors(err, locale);
      setErrors({ proof: fields.last4 ?? fields.otp ?? '', comment: fields.reason ?? fields.comment ?? '' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate>
      <div className="card-body">
        <h2 className="h5">{tracking.canAnswer ? t('public.answerTitle') : t('public.rateTitle')}</h2>
        <ErrorAlert error={failure} />
        <h3 className="h6 mt-3">{t('public.proveTitle')}</h3>
        {otpSent && <p className="small text-success">{t('public.otpSent')}</p>}
        <TextField
          id="public-proof"
          label={useOtp ? t('public.otp') : t('public.last4')}
          value={secret}
          onChange={setSecret}
          inputMode="numeric"
          autoComplete={useOtp ? 'one-time-code' : 'off'}
          maxLength={useOtp ? 6 : 4}
          required
          error={errors.proof || undefined}
        />
        <div className="d-flex flex-wrap gap-2 mb-3">
          <button type="button" className="btn btn-outline-secondary" onClick={sendOtp}>
            {t('public.useOtp')}
          </button>
          {useOtp && (
            <button type="button" className="btn btn-link" onClick={() => setUseOtp(false)}>
              {t('public.useLast4')}
            </button>
          )}
        </div>
        {tracking.canAnswer && (
          <FieldSet legend={t('public.decision')} id="public-decision">
            {DECISIONS.map(([value, key]) => (
              <CheckboxField
                key={value}
                id={`public-decision-${value}`}
                name="public-decision"
                type="radio"
                label={t(key)}
                checked={decision === value}
                onChange={() => setDecision(value)}
              />
            ))}
          </FieldSet>
        )}
        {decision !== 'appeal' && (
          <FieldSet legend={t('public.satisfaction')} id="public-satisfaction" error={errors.satisfaction}>
            <div className="public-rating d-flex gap-2">
              {[1, 2, 3, 4, 5].map((n) => (
                <button
                  key={n}
                  type="button"
                  className={`btn ${satisfaction === n ? 'btn-primary' : 'btn-outline-primary'}`}
                  aria-pressed={satisfaction === n}
                  onClick={() => setSatisfaction(n)}
                >
                  {n}
                </button>
              ))}
            </div>
            {errors.satisfaction && <div className="invalid-feedback d-block">{errors.satisfaction}</div>}
          </FieldSet>
        )}
        <TextAreaField
          id="public-comment"
          label={decision === 'appeal' ? t('public.reason') : t('public.comment')}
          value={comment}
          onChange={setComment}
          required={decision === 'appeal'}
          error={errors.comment || undefined}
        />
        <button type="submit" className="btn btn-primary w-100" disabled={busy}>
          {tracking.canAnswer ? t('public.submitAnswer') : t('public.submitRating')}
        </button>
      </div>
    </form>
  );
}
