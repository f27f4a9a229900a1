import { useState } from 'react';
import { FieldI18nProvider } from './i18n/i18n';
import { FieldRuntime } from './runtime';
import { type LoginReason, LoginScreen } from './screens/login-screen';
import { clearSession, type FieldSession, loadSession, saveSession } from './session';
import { UpdateBanner } from './ui/update-banner';

/**
 * The field app: the saved session opens the app offline; without one, the login screen. What happens
 * when the server stops accepting the device (expired: log in again; revoked: wiped) is decided here.
 */
export function FieldApp() {
  return (
    <FieldI18nProvider>
      <UpdateBanner />
      <SessionGate />
    </FieldI18nProvider>
  );
}

function SessionGate() {
  const [session, setSession] = useState<FieldSession | null>(loadSession);
  const [reason, setReason] = useState<LoginReason>('fresh');

  const start = (next: FieldSession) => {
    saveSession(next);
    setSession(next);
  };
  const end = (why: LoginReason) => {
    clearSession();
    setReason(why);
    setSession(null);
  };

  if (!session) return <LoginScreen reason={reason} onLoggedIn={start} />;
  return (
    <FieldRuntime
      // A new login (new token) gets a fresh engine; the same user's data stays in their database.
      key={`${session.user.id}:${session.token}`}
      session={session}
      onRelogin={start}
      onExpired={() => start({ ...session, expired: true })}
      onEnded={end}
    />
  );
}
