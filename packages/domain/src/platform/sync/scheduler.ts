import type { DeviceEngine } from './engine-api.js';

export interface AutoSyncOptions<H> {
  /** Between two passes when all goes well. */
  intervalMs: number;
  setTimeout: (run: () => void, ms: number) => H;
  clearTimeout: (handle: H) => void;
  /** First delay after a failure; doubles with each failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** In [0, 1): spreads retries so that phones coming back online together do not hit the server at once. */
  random?: () => number;
  /** Milliseconds now, on the same clock as setTimeout (to keep a server's Retry-After across triggers). */
  now?: () => number;
}

export interface AutoSync {
  /**
   * Runs a pass now (connection back, app in the foreground); a running pass is followed by another one. Not
   * before the time an overloaded server asked for (Retry-After).
   */
  trigger(): void;
  stop(): void;
}

/**
 * Automatic sync: a pass at once, then every `intervalMs`; after a failed pass (offline, server error) the
 * next one comes sooner at first and then ever later (exponential backoff with jitter, capped). When the
 * server wants a new login or has revoked the device, it waits for an explicit trigger. A server that answers
 * 503 or 429 with Retry-After is not called again sooner, whatever wakes the scheduler.
 */
export function createAutoSync<H>(engine: Pick<DeviceEngine, 'sync'>, options: AutoSyncOptions<H>): AutoSync {
  const { intervalMs, backoffMs = 5_000, maxBackoffMs = 10 * 60_000, random = Math.random } = options;
  const now = options.now ?? Date.now;
  /** The earliest time the server accepts another pass (its last Retry-After); 0 when it did not say. */
  let notBefore = 0;
  const soonest = () => Math.max(0, notBefore - now());
  let timer: H | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  let failures = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== undefined) options.clearTimeout(timer);
    timer = options.setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
  };

  async function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let next: number | undefined = intervalMs;
    try {
      const report = await engine.sync();
      const retryAfter = report.error?.retryAfterMs;
      if (report.ok) failures = 0;
      else if (report.error?.kind === 'auth' || report.error?.kind === 'revoked') next = undefined;
      else next = retryDelay(++failures);
      if (retryAfter !== undefined && retryAfter > 0) {
        notBefore = now() + retryAfter;
        next = Math.max(next ?? 0, retryAfter);
      }
    } catch {
      next = retryDelay(++failures);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      schedule(soonest());
    } else if (next !== undefined) schedule(next);
  }

  function retryDelay(n: number) {
    const ceiling = Math.min(maxBackoffMs, backoffMs * 2 ** (n - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  schedule(0);
  return {
    trigger() {
      failures = 0;
      if (running) again = true;
      else schedule(soonest());
    },
    stop() {
      stopped = true;
      if (timer !== undefined) options.clearTimeout(timer);
      timer = undefined;
    },
  };
}
