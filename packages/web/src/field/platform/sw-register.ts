/**
 * Registers the field app's service worker (/terrain/sw.js) and drives its updates:
 * - a new version installs in the background and waits; the page is told (`onUpdate`) so it can offer
 *   "Mettre à jour"; `apply()` waits until no sync is running (`isBusy`), then lets the new worker take over
 *   and reloads the page on its new files;
 * - a version left waiting by an earlier session takes over when the app starts (nothing runs yet then);
 *   one found during this session waits for the next start or for `apply()`;
 * - the very first install takes control without a reload.
 * Unsynced work is in IndexedDB, which an update never touches.
 */

export interface PendingUpdate {
  /** Activates the waiting version as soon as no sync is running, then reloads the page. */
  apply(): Promise<void>;
}

export interface RegisterOptions {
  /** True while a sync pass runs, e.g. `async () => (await engine.status()).syncing`. */
  isBusy?: () => boolean | Promise<boolean>;
  /** Minimum time between two update checks made when the app comes back to the foreground. */
  checkEveryMs?: number;
  busyPollMs?: number;
  url?: string;
  scope?: string;
  /** Test seams. */
  container?: ServiceWorkerContainer;
  reload?: () => void;
}

export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function registerServiceWorker(
  onUpdate: (update: PendingUpdate) => void,
  options: RegisterOptions = {},
): Promise<ServiceWorkerRegistration | undefined> {
  const container =
    options.container ??
    // The development server has no service worker: its files change on every edit.
    (import.meta.env.DEV || typeof navigator === 'undefined' ? undefined : navigator.serviceWorker);
  if (!container) return undefined;
  const isBusy = options.isBusy ?? (() => false);
  const reload = options.reload ?? (() => window.location.reload());

  const hadController = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // The first install takes over a page already running the current files: nothing to reload.
    if (!hadController || reloading) return;
    reloading = true;
    reload();
  });

  const activate = async (worker: ServiceWorker) => {
    while (await isBusy()) await sleep(options.busyPollMs ?? 1000);
    worker.postMessage(SKIP_WAITING);
  };

  const scope = options.scope ?? '/terrain/';
  // A version that was already waiting before this start (found during an earlier session) takes over now.
  const previous = await container.getRegistration(scope);
  const atStart = previous?.waiting ?? null;
  if (atStart) void activate(atStart);

  const registration = await container.register(options.url ?? '/terrain/sw.js', {
    scope,
    updateViaCache: 'none',
  });
  const offered = new WeakSet<ServiceWorker>();
  const watch = (worker: ServiceWorker | null) => {
    if (!worker || worker === atStart) return;
    const offer = () => {
      // Installed while an older version controls the page: an update, not the first install.
      if (worker.state !== 'installed' || !container.controller || offered.has(worker)) return;
      offered.add(worker);
      onUpdate({ apply: () => activate(worker) });
    };
    offer();
    worker.addEventListener('statechange', offer);
  };
  // The check made by register() may have found (or even installed) a new version already.
  watch(registration.waiting);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));

  // Browsers look for a new sw.js on navigation; a field app stays open for days, so look on resume too.
  if (typeof document !== 'undefined') {
    let lastCheck = Date.now();
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - lastCheck < (options.checkEveryMs ?? 30 * 60_000)) return;
      lastCheck = Date.now();
      registration.update().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', check);
    window.addEventListener('online', check);
  }
  return registration;
}
