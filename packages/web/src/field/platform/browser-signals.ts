/**
 * The browser's hints that a sync is worth trying now, fed to the sync scheduler: the connection came back
 * (`online`), the app came back to the foreground (`visibilitychange` → visible, a phone often resumes a PWA
 * after hours), or the app was reopened from the system's page cache (`pageshow` persisted). `offline` tells
 * the scheduler not to bother until one of those happens.
 */
export interface SyncSignals {
  /** Something suggests the network may work now: sync soon, resetting any backoff. */
  wake(): void;
  /** The browser says there is no network. */
  sleep?(): void;
}

export interface SignalSources {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  navigator: Pick<Navigator, 'onLine'>;
}

/** Listens until the returned function is called. */
export function listenForSyncSignals(signals: SyncSignals, sources: SignalSources): () => void {
  const online = () => signals.wake();
  const offline = () => signals.sleep?.();
  const visible = () => {
    if (sources.document.visibilityState === 'visible' && sources.navigator.onLine) signals.wake();
  };
  const restored = (event: Event) => {
    if ((event as PageTransitionEvent).persisted && sources.navigator.onLine) signals.wake();
  };
  sources.window.addEventListener('online', online);
  sources.window.addEventListener('offline', offline);
  sources.window.addEventListener('pageshow', restored);
  sources.document.addEventListener('visibilitychange', visible);
  return () => {
    sources.window.removeEventListener('online', online);
    sources.window.removeEventListener('offline', offline);
    sources.window.removeEventListener('pageshow', restored);
    sources.document.removeEventListener('visibilitychange', visible);
  };
}
