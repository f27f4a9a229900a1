import { changePasswordSchema } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import { changeMyPassword } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../ui/errors';
import { TextField } from '../../ui/form-fields';

export function PasswordCard() {
  const { locale, t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setError(null);
    const checked = validateWith(changePasswordSchema, { currentPassword, newPassword }, locale, t);
    const problems: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (newPassword && confirm !== newPassword) problems.confirmPassword = t('validation.passwordsDiffer');
    if (!checked.ok || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await changeMyPassword(currentPassword, newPassword);
      setCurrent('');
      setNew('');
      setConfirm('');
      setDone(true);
    } catch (err) {
      setError(err);
      const fields = apiFieldErrors(err, locale);
      // A wrong current password is about that field, whatever code the server chose for it.
      if (err instanceof ApiError && (err.code === 'invalid_credentials' || err.code === 'wrong_password')) {
        fields.currentPassword = t('account.wrongCurrentPassword');
      }
      setErrors(fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('account.changePassword')}>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        {done && <SuccessAlert>{t('account.passwordChanged')}</SuccessAlert>}
        <TextField
          id="currentPassword"
          type="password"
          label={t('account.currentPassword')}
          value={currentPassword}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          id="newPassword"
          type="password"
          label={t('account.newPassword')}
          value={newPassword}
          onChange={setNew}
          error={errors.newPassword}
          hint={t('password.rules')}
          autoComplete="new-password"
          required
        />
        <TextField
          id="confirmPassword"
          type="password"
          label={t('account.confirmPassword')}
          value={confirm}
          onChange={setConfirm}
          error={errors.confirmPassword}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('account.changePassword')}
        </button>
      </form>
    </Card>
  );
}
