import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/i18n';
import { type FieldSession, LoginError, login } from '../session';
import { FieldError } from '../ui/fields';
import { LanguageSwitch } from '../ui/layout';

/** Why the login screen shows: first time, after logout, the token expired (data kept), or refused for good. */
export type LoginReason = 'fresh' | 'loggedOut' | 'expired' | 'revoked';

/**
 * Logging in needs the network once; afterwards the app opens offline. After an expired session the same
 * person logs in again (the phone still holds their unsent work); someone else must "change user" first.
 */
export function LoginScreen(props: {
  reason: LoginReason;
  /** The user whose data is still on the phone (expired session). */
  previous?: FieldSession['user'];
  onLoggedIn: (session: FieldSession) => void;
  onSwitchUser?: () => void;
}) {
  const { t, locale } = useT();
  const [username, setUsername] = useState(props.previous?.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    if (!navigator.onLine) {
      setError(t('login.offline'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await login(username, password, locale);
      if (props.previous && session.user.id !== props.previous.id) {
        setError(t('login.otherUser', { name: props.previous.displayName }));
        setBusy(false);
        return;
      }
      props.onLoggedIn(session);
    } catch (err) {
      if (err instanceof LoginError && err.code === 'network') setError(t('login.network'));
      else if (err instanceof LoginError && err.code === 'too_many_attempts' && err.retryAfter !== null) {
        setError(t('login.tooManyAttempts', { minutes: Math.max(1, Math.ceil(err.retryAfter / 60)) }));
      } else setError(err instanceof Error && err.message ? err.message : t('error.unknown'));
      setBusy(false);
    }
  }

  const notice =
    props.reason === 'expired'
      ? t('login.expired')
      : props.reason === 'revoked'
        ? t('login.revoked')
        : props.reason === 'loggedOut'
          ? t('login.loggedOut')
          : null;

  return (
    <main className="field-login">
      <h1 className="h3 mb-3">{t('app.title')}</h1>
      <div className="mb-3">
        <LanguageSwitch />
      </div>
      {notice && (
        <div className={`alert ${props.reason === 'revoked' ? 'alert-danger' : 'alert-info'}`} role="status">
          {notice}
        </div>
      )}
      <p>{t('login.intro')}</p>
      <form onSubmit={submit} noValidate>
        <h2 className="h5">{t('login.title')}</h2>
        <div className="mb-3">
          <label htmlFor="login-username" className="field-label">
            {t('login.username')}
          </label>
          <input
            id="login-username"
            className="form-control form-control-lg"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            readOnly={Boolean(props.previous)}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="mb-3">
          <label htmlFor="login-password" className="field-label">
            {t('login.password')}
          </label>
          <input
            id="login-password"
            type="password"
            className="form-control form-control-lg"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <FieldError id="login-error" text={error ?? undefined} />
        <button type="submit" className="btn btn-primary btn-lg w-100 mt-2" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      {props.onSwitchUser && (
        <button type="button" className="btn btn-link btn-lg w-100 mt-3" onClick={props.onSwitchUser}>
          {t('login.switchUser')}
        </button>
      )}
    </main>
  );
}
