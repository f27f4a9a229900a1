import type { SyncEngine, SyncReport, SyncStatus } from '@coso/domain';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { IdbStore } from './platform/idb-store';
import type { FieldSession } from './session';

/** What every screen of a logged-in user reaches: the session, the sync engine and the device store. */
export interface FieldContext {
  session: FieldSession;
  engine: SyncEngine;
  store: IdbStore;
  /** Runs one sync pass on demand and reports it (auth / revoked answers are handled by the app). */
  syncNow: () => Promise<SyncReport>;
  /** Opens the logout dialog (warns about unsent work first). */
  requestLogout: () => void;
}

const Context = createContext<FieldContext | null>(null);

export function FieldContextProvider({ value, children }: { value: FieldContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useField(): FieldContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useField must be used inside FieldContextProvider');
  return ctx;
}

/**
 * Every engine.sync() — the auto-sync's and the button's — goes through here, so that an 'auth' or 'revoked'
 * answer reaches the app whoever started the pass.
 */
export function withReportHandler(engine: SyncEngine, onReport: (report: SyncReport) => void): SyncEngine {
  return {
    ...engine,
    sync: async () => {
      const report = await engine.sync();
      onReport(report);
      return report;
    },
  };
}

export interface Live<T> {
  data: T | undefined;
  error: unknown;
  /** True until the first answer. */
  loading: boolean;
}

/**
 * Reads the device's data and reads it again after every local change or sync step (engine.subscribe),
 * so a screen shows a queued action or a pulled case without being told.
 */
export function useLive<T>(load: (engine: SyncEngine) => Promise<T>, deps: readonly unknown[]): Live<T> {
  const { engine } = useField();
  const [state, setState] = useState<Live<T>>({ data: undefined, error: null, loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;

  // The caller's deps decide when to reload (the loader itself is read through a ref).
  useEffect(() => {
    let current = true;
    let running = false;
    let again = false;
    const run = async () => {
      // Changes arrive in bursts during a sync: one read at a time, plus one after the burst.
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          try {
            const data = await loadRef.current(engine);
            if (current) setState({ data, error: null, loading: false });
          } catch (error) {
            if (current) setState((s) => ({ ...s, error, loading: false }));
          }
        } while (again && current);
      } finally {
        running = false;
      }
    };
    void run();
    const unsubscribe = engine.subscribe(() => void run());
    return () => {
      current = false;
      unsubscribe();
    };
  }, [engine, ...deps]);
  return state;
}

export function useSyncStatus(): SyncStatus | undefined {
  return useLive((engine) => engine.status(), []).data;
}

/** navigator.onLine, kept up to date: the header's offline indicator. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
