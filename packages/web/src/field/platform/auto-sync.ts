import { createAutoSync, type SyncEngine } from '@coso/domain';
import { listenForSyncSignals, type SignalSources } from './browser-signals';

/**
 * Automatic sync in the browser: the domain scheduler (packages/domain/src/platform/sync/scheduler.ts: periodic
 * passes, exponential backoff with jitter after failures) on the page's timers, woken by the browser's hints
 * (connection back, app in the foreground again). Returns the function that stops it all.
 */
export interface BrowserAutoSyncOptions {
  /** Time between two passes when all goes well. */
  intervalMs?: number;
  sources?: SignalSources;
}

export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;

export function startBrowserAutoSync(engine: SyncEngine, options: BrowserAutoSyncOptions = {}): () => void {
  const scheduler = createAutoSync(engine, {
    intervalMs: options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
    setTimeout: (run: () => void, ms: number) => globalThis.setTimeout(run, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => globalThis.clearTimeout(id),
  });
  const sources = options.sources ?? { window, document, navigator };
  const stopListening = listenForSyncSignals({ wake: () => scheduler.trigger() }, sources);
  return () => {
    stopListening();
    scheduler.stop();
  };
}
