import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { EnvBanner } from '../../ui/env-banner';
import { TextField } from '../../ui/form-fields';
import { LanguageSwitch } from '../../ui/language-switch';
import { useAuth } from './auth-context';

/** The page to open after login, from ?next=; only paths of this site are accepted. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useI18n();
  const { login, bootError } = useAuth();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(bootError);
  const [missing, setMissing] = useState<{ login?: string; password?: string }>({});

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      login: name.trim() ? undefined : t('validation.required'),
      password: password ? undefined : t('validation.required'),
    };
    setMissing(problems);
    if (problems.login || problems.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(name.trim(), password);
      navigate(safeNext(search), { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="login-page d-flex flex-column">
      <EnvBanner />
      <div className="d-flex justify-content-end p-2">
        <LanguageSwitch />
      </div>
      <main className="flex-grow-1 d-flex align-items-start justify-content-center px-3 pt-5">
        <div className="login-box">
          <p className="text-center fs-2 mb-3">
            <b>COSO</b> {t('auth.platform')}
          </p>
          <div className="card card-outline card-primary">
            <div className="card-body">
              <h1 className="h5 text-center mb-3">{t('auth.title')}</h1>
              <ErrorAlert error={error} />
              <form onSubmit={submit} noValidate>
                <TextField
                  id="login"
                  label={t('auth.login')}
                  value={name}
                  onChange={setName}
                  autoComplete="username"
                  error={missing.login}
                  required
                  autoFocus
                />
                <TextField
                  id="password"
                  label={t('auth.password')}
                  type="password"
                  value={password}
                  onChange={setPassword}
                  autoComplete="current-password"
                  error={missing.password}
                  required
                />
                <button type="submit" className="btn btn-primary w-100" disabled={busy}>
                  {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
                  {t('auth.submit')}
                </button>
              </form>
            </div>
          </div>
          <p className="text-center mt-3">
            <Link href="/public">{t('public.loginLink')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
