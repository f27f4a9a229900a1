import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { TextField } from '../../../ui/form-fields';
import { publicApi } from './api';

/**
 * Shown under a 404 for a mistyped code: the server no longer says which real code a typo stands for (that let
 * anyone harvest codes), so the complainant proves the case is theirs with the end of their phone number and
 * is then taken to their code.
 */
export function CodeRecovery({ typed }: { typed: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [last4, setLast4] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    if (!/^\d{4}$/.test(last4.trim())) return setError(t('validation.last4_digits'));
    setError(undefined);
    setBusy(true);
    try {
      const { trackingCode } = await publicApi.recover(typed, last4.trim());
      navigate(`/public/suivi?code=${encodeURIComponent(trackingCode)}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_found') setError(t('public.recoverNoMatch'));
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="mt-2" data-testid="public-recover">
      <p className="mb-2">{t('public.mistyped')}</p>
      <ErrorAlert error={failure} />
      <TextField
        id="public-recover-last4"
        label={t('public.last4')}
        value={last4}
        onChange={setLast4}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        error={error}
        className="mb-2"
      />
      <button type="submit" className="btn btn-outline-primary" disabled={busy}>
        {t('public.recoverSubmit')}
      </button>
    </form>
  );
}
