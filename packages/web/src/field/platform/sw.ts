/**
 * The field app's service worker (/terrain/sw.js, scope /terrain/), built by build/field-sw.ts which fills
 * in the precache list: field.html, every chunk and stylesheet the field entry can load (lazy ones too, so a
 * screen never fails to open offline), the manifest and the icons, named in one version.
 *
 * - Installing a version downloads its files in the background; it waits (the running page keeps its own
 *   files) and takes over at the next app start, or at once when the page asks (`SKIP_WAITING`, sent when
 *   the user taps "Mettre à jour" and no sync is running). Unsynced work lives in IndexedDB, not here.
 * - Navigations under /terrain/ answer the cached field.html (cache first: on 2G the network is the slow
 *   path; updates arrive through a new worker version).
 * - /api/ is never cached nor answered here: data goes through the sync engine only. The one exception is
 *   the DCC supporting material the facilitator downloaded (field/dcc/material-cache.ts puts it in its own
 *   cache): /api/v1/dcc/materials/* answers from that cache first. A file id names bytes that never change
 *   (a new file gets a new id), so a kept copy is never stale, and on 2G the network is the slow path; a file
 *   not kept goes to the network and is not stored (only the explicit download spends the phone's space).
 *
 * Self-contained on purpose (no imports): it is emitted as a single classic script.
 */

interface Precache {
  version: string;
  /** Absolute paths; the first is the app shell (field.html). */
  files: string[];
}

interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwMessageEvent extends SwExtendableEvent {
  data: unknown;
}
interface SwScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: SwMessageEvent) => void): void;
}

const sw = self as unknown as SwScope;
// The build replaces the placeholder with the JSON of the precache list (build/field-sw.ts).
const PRECACHE: Precache = JSON.parse('__COSO_FIELD_PRECACHE__');
const PREFIX = 'coso-field-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const SHELL = PRECACHE.files[0]!;
const SCOPE = '/terrain/';
const PRECACHED = new Set(PRECACHE.files);
/** The same name as MATERIALS_CACHE in field/dcc/material-cache.ts (this script imports nothing). */
const MATERIALS_CACHE = 'coso-dcc-materials';
const MATERIALS_PATH = '/api/v1/dcc/materials/';

/** Hashed files never change under one name: an older version's copy is reused instead of downloaded. */
async function fetchForCache(path: string): Promise<Response> {
  if (path.startsWith('/assets/')) {
    const previous = await caches.match(path);
    if (previous) return previous;
  }
  const response = await fetch(new Request(path, { cache: 'no-cache', credentials: 'same-origin' }));
  if (!response.ok) throw new Error(`Precache of ${path} failed: HTTP ${response.status}`);
  return response;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing: a version with a missing file never installs (the next update check retries).
      const responses = await Promise.all(PRECACHE.files.map(fetchForCache));
      await Promise.all(PRECACHE.files.map((path, i) => cache.put(path, responses[i]!)));
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      // The very first install controls the open page at once, so it works offline without a reload.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

async function cacheFirst(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  return hit ?? fetch(request);
}

async function keptMaterial(path: string, request: Request): Promise<Response> {
  const kept = await (await caches.open(MATERIALS_CACHE)).match(path, { ignoreVary: true });
  return kept ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin === sw.location.origin && url.pathname.startsWith(MATERIALS_PATH)) {
    event.respondWith(keptMaterial(url.pathname, request));
    return;
  }
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith(SCOPE)) event.respondWith(cacheFirst(SHELL, request));
    return;
  }
  if (PRECACHED.has(url.pathname)) event.respondWith(cacheFirst(url.pathname, request));
});

export type { Precache };
