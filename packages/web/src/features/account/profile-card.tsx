import { LOCALES, type Locale } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import { updateMe } from '../../api/auth';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { apiFieldErrors, type FieldErrors } from '../../ui/errors';
import { SelectField, TextField } from '../../ui/form-fields';
import { RoleBadges } from '../../ui/role-badges';
import { useAuth, useMe } from '../auth/auth-context';
import { useGeoLevels } from '../geo/use-geo-levels';
import { LOCALE_NAMES } from '../users/user-form';

export function ProfileCard() {
  const { locale, setLocale, t } = useI18n();
  const me = useMe();
  const { setMe } = useAuth();
  const { refLabel } = useGeoLevels();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [language, setLanguage] = useState<Locale>(me.locale);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    if (!displayName.trim()) {
      setErrors({ displayName: t('validation.required') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await updateMe({ displayName: displayName.trim(), locale: language });
      setMe({ ...updated, csrfToken: updated.csrfToken || me.csrfToken });
      setLocale(updated.locale);
      setSaved(true);
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('account.profile')} outline="primary">
      <dl className="row small">
        <dt className="col-sm-4">{t('users.username')}</dt>
        <dd className="col-sm-8">{me.username}</dd>
        <dt className="col-sm-4">{t('users.email')}</dt>
        <dd className="col-sm-8">{me.email ?? '—'}</dd>
        <dt className="col-sm-4">{t('users.roles')}</dt>
        <dd className="col-sm-8">
          <RoleBadges roles={me.roles} />
        </dd>
        <dt className="col-sm-4">{t('users.jurisdictions')}</dt>
        <dd className="col-sm-8 mb-0">{me.jurisdictions.map((j) => refLabel(j)).join(', ') || '—'}</dd>
      </dl>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        {saved && <SuccessAlert>{t('account.saved')}</SuccessAlert>}
        <TextField
          id="displayName"
          label={t('users.displayName')}
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
          autoComplete="name"
          required
        />
        <SelectField
          id="account-locale"
          label={t('users.locale')}
          value={language}
          onChange={(v) => setLanguage(v as Locale)}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          error={errors.locale}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </Card>
  );
}
