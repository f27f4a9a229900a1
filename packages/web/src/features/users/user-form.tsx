import { createUserSchema, LOCALES, type Locale, ROLES, type Role, updateUserSchema } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import type { GeoRef, User, UserCreateBody, UserUpdateBody } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../ui/errors';
import { CheckboxField, FieldSet, SelectField, TextField } from '../../ui/form-fields';
import { JurisdictionPicker } from './jurisdiction-picker';

export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

interface Values {
  username: string;
  displayName: string;
  email: string;
  phone: string;
  locale: Locale;
  roles: Role[];
  jurisdictions: GeoRef[];
  password: string;
  trainingAccount: boolean;
}

function initialValues(user?: User): Values {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    locale: user?.locale ?? 'fr',
    roles: user?.roles ?? [],
    jurisdictions: user?.jurisdictions ?? [],
    password: '',
    trainingAccount: user?.trainingAccount ?? false,
  };
}

type UserFormProps =
  | { mode: 'create'; onSubmit: (body: UserCreateBody) => Promise<void> }
  | { mode: 'edit'; user: User; onSubmit: (body: UserUpdateBody) => Promise<void> };

/** Create or edit a user; checked with the same domain schema as the server, then by the server. */
export function UserForm(props: UserFormProps) {
  const { locale, t } = useI18n();
  const [values, setValues] = useState<Values>(() =>
    initialValues(props.mode === 'edit' ? props.user : undefined),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(false);
  };

  function toggleRole(role: Role, on: boolean) {
    set(
      'roles',
      on
        ? ROLES.filter((r) => r === role || values.roles.includes(r))
        : values.roles.filter((r) => r !== role),
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const common = {
      displayName: values.displayName,
      locale: values.locale,
      roles: values.roles,
      jurisdictionIds: values.jurisdictions.map((j) => j.id),
      trainingAccount: values.trainingAccount,
    };
    const checked =
      props.mode === 'create'
        ? validateWith(
            createUserSchema,
            {
              ...common,
              username: values.username,
              password: values.password,
              email: values.email.trim() || undefined,
              phone: values.phone.trim() || undefined,
            },
            locale,
            t,
          )
        : validateWith(
            updateUserSchema,
            { ...common, email: values.email.trim() || null, phone: values.phone.trim() || null },
            locale,
            t,
          );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (props.mode === 'create') await props.onSubmit(checked.data as UserCreateBody);
      else await props.onSubmit(checked.data as UserUpdateBody);
      if (props.mode === 'edit') setSaved(true);
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      {saved && (
        <div className="alert alert-success" role="status">
          {t('users.saved')}
        </div>
      )}
      <div className="row">
        <div className="col-md-6">
          {props.mode === 'create' ? (
            <TextField
              id="username"
              label={t('users.username')}
              value={values.username}
              onChange={(v) => set('username', v)}
              error={errors.username}
              hint={t('users.usernameHint')}
              autoComplete="off"
              required
            />
          ) : (
            <TextField
              id="username"
              label={t('users.username')}
              value={values.username}
              onChange={() => {}}
              disabled
            />
          )}
        </div>
        <div className="col-md-6">
          <TextField
            id="displayName"
            label={t('users.displayName')}
            value={values.displayName}
            onChange={(v) => set('displayName', v)}
            error={errors.displayName}
            required
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="email"
            type="email"
            label={t('users.email')}
            value={values.email}
            onChange={(v) => set('email', v)}
            error={errors.email}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="phone"
            type="tel"
            label={t('users.phone')}
            value={values.phone}
            onChange={(v) => set('phone', v)}
            error={errors.phone}
            hint={t('users.phoneHint')}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="locale"
            label={t('users.locale')}
            value={values.locale}
            onChange={(v) => set('locale', v as Locale)}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
            error={errors.locale}
          />
        </div>
        {props.mode === 'create' && (
          <div className="col-md-6">
            <TextField
              id="password"
              type="password"
              label={t('users.password')}
              value={values.password}
              onChange={(v) => set('password', v)}
              error={errors.password}
              hint={t('password.rules')}
              autoComplete="new-password"
              required
            />
          </div>
        )}
      </div>
      <FieldSet id="roles" legend={t('users.roles')} error={errors.roles}>
        <div className="row">
          {ROLES.map((r) => (
            <div key={r} className="col-md-6">
              <CheckboxField
                id={`role-${r}`}
                label={t(`role.${r}`)}
                checked={values.roles.includes(r)}
                onChange={(on) => toggleRole(r, on)}
                className="mb-1"
              />
            </div>
          ))}
        </div>
      </FieldSet>
      <JurisdictionPicker
        id="jurisdictionIds"
        label={t('users.jurisdictions')}
        value={values.jurisdictions}
        onChange={(v) => set('jurisdictions', v)}
        error={errors.jurisdictionIds}
        hint={t('users.jurisdictionsHint')}
      />
      <CheckboxField
        id="trainingAccount"
        label={t('users.trainingAccount')}
        hint={t('users.trainingAccountHint')}
        checked={values.trainingAccount}
        onChange={(on) => set('trainingAccount', on)}
        className="mb-3"
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
        {props.mode === 'create' ? t('users.create') : t('common.save')}
      </button>
    </form>
  );
}
