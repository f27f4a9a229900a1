import {
  createDeviceEngine,
  DCC_DEVICE_ENTITIES,
  type DeviceEntity,
  deviceSchema,
  FORMS_DEVICE_ENTITIES,
  GRM_DEVICE_ENTITIES,
  grmDevice,
  type SyncEngine,
  type SyncReport,
} from '@coso/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FieldContextProvider, withReportHandler } from './engine-context';
import { useT } from './i18n/i18n';
import { startBrowserAutoSync } from './platform/auto-sync';
import { createHttpTransport } from './platform/http-transport';
import { type IdbStore, openIdbStore } from './platform/idb-store';
import { FieldRoutes } from './routes';
import { type LoginReason, LoginScreen } from './screens/login-screen';
import { type FieldSession, revokeToken } from './session';
import { LogoutDialog } from './ui/logout-dialog';
import { setBusyProbe } from './ui/update-banner';

/**
 * The synced entities this app keeps on the phone (the platform's reference tables come with any list): the
 * engine and the IndexedDB store both read this one list.
 */
const FIELD_ENTITIES: readonly DeviceEntity[] = [
  ...GRM_DEVICE_ENTITIES,
  ...FORMS_DEVICE_ENTITIES,
  ...DCC_DEVICE_ENTITIES,
];
const FIELD_SCHEMA = deviceSchema(FIELD_ENTITIES);

interface Running {
  store: IdbStore;
  engine: SyncEngine;
}

/**
 * One logged-in user on this phone: their IndexedDB store, the sync engine over it, automatic sync, and
 * the screens. A sync answered 'auth' asks for the password again (data kept); 'revoked' wipes the phone.
 */
export function FieldRuntime(props: {
  session: FieldSession;
  onRelogin: (session: FieldSession) => void;
  onExpired: () => void;
  onEnded: (reason: LoginReason) => void;
}) {
  const { t, locale } = useT();
  const { session } = props;
  const [running, setRunning] = useState<Running | null>(null);
  const [failure, setFailure] = useState(false);
  const [logout, setLogout] = useState(false);
  // The latest callbacks, read by the engine's report handler created once below.
  const handlers = useRef(props);
  handlers.current = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: one engine per mount (the parent keys on the token)
  useEffect(() => {
    let closed = false;
    let opened: IdbStore | null = null;
    openIdbStore(session.user.id, FIELD_SCHEMA).then(
      (store) => {
        if (closed) return store.close();
        opened = store;
        const transport = createHttpTransport({ token: session.token, files: store, language: locale });
        const device = createDeviceEngine({ store, transport, entities: FIELD_ENTITIES });
        const engine: SyncEngine = withReportHandler({ ...device, ...grmDevice(device) }, (report) =>
          onReport(engine, report),
        );
        setRunning({ store, engine });
      },
      () => setFailure(true),
    );
    return () => {
      closed = true;
      opened?.close();
    };
  }, []);

  function onReport(engine: SyncEngine, report: SyncReport) {
    const kind = report.error?.kind;
    if (kind === 'auth') handlers.current.onExpired();
    if (kind === 'revoked') void engine.wipe().finally(() => handlers.current.onEnded('revoked'));
  }

  // Automatic sync (connection back, interval, app resumed) only while the token is accepted.
  useEffect(() => {
    if (!running || session.expired) return;
    setBusyProbe(async () => (await running.engine.status()).syncing);
    const stop = startBrowserAutoSync(running.engine);
    return () => {
      setBusyProbe(null);
      stop();
    };
  }, [running, session.expired]);

  const context = useMemo(
    () =>
      running && {
        session,
        engine: running.engine,
        store: running.store,
        syncNow: () => running.engine.sync(),
        requestLogout: () => setLogout(true),
      },
    [running, session],
  );

  async function confirmLogout() {
    if (!running) return;
    if (navigator.onLine && !session.expired) await revokeToken(session);
    await running.engine.wipe();
    props.onEnded('loggedOut');
  }

  if (failure) {
    return (
      <main className="field-login">
        <div className="alert alert-danger" role="alert">
          {t('error.storage')}
        </div>
      </main>
    );
  }
  if (!context)
    return (
      <p role="status" className="p-3">
        {t('common.loading')}
      </p>
    );
  return (
    <FieldContextProvider value={context}>
      {session.expired ? (
        <LoginScreen
          reason="expired"
          previous={session.user}
          onLoggedIn={props.onRelogin}
          onSwitchUser={() => setLogout(true)}
        />
      ) : (
        <FieldRoutes />
      )}
      {logout && <LogoutDialog onCancel={() => setLogout(false)} onConfirm={confirmLogout} />}
    </FieldContextProvider>
  );
}
