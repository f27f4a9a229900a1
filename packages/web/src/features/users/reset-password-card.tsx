import { resetPasswordSchema } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import { resetUserPassword } from '../../api/users';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../ui/errors';
import { TextField } from '../../ui/form-fields';

/** An administrator sets a new password for someone who lost theirs. */
export function ResetPasswordCard({ userId }: { userId: string }) {
  const { locale, t } = useI18n();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setError(null);
    const checked = validateWith(resetPasswordSchema, { password }, locale, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await resetUserPassword(userId, checked.data.password);
      setPassword('');
      setDone(true);
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('users.resetPassword')}>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        {done && <SuccessAlert>{t('users.passwordReset')}</SuccessAlert>}
        <TextField
          id="reset-password"
          type="password"
          label={t('users.newPassword')}
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={t('password.rules')}
          autoComplete="new-password"
        />
        <button type="submit" className="btn btn-warning" disabled={busy}>
          {t('users.resetPassword')}
        </button>
      </form>
    </Card>
  );
}
