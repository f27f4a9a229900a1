/**
 * Supporting material kept on the phone for offline reading (issue #15): each downloaded file is one entry of
 * a Cache Storage cache of its own, under the same address the service worker answers offline
 * (/api/v1/dcc/materials/<fileId>, see platform/sw.ts, which repeats the cache's name). Only an explicit
 * "Télécharger" stores a file, so what a phone keeps is the facilitator's choice; "Supprimer" drops it.
 */
export const MATERIALS_CACHE = 'coso-dcc-materials';

export const materialPath = (fileId: string) => `/api/v1/dcc/materials/${encodeURIComponent(fileId)}`;

/** Cache Storage exists only in secure contexts (https, localhost) and recent browsers. */
const storage = (): CacheStorage | undefined => (typeof caches === 'undefined' ? undefined : caches);

/** Those of `fileIds` whose file is on the phone. */
export async function savedMaterials(fileIds: readonly string[]): Promise<Set<string>> {
  const cacheStorage = storage();
  const saved = new Set<string>();
  if (!cacheStorage) return saved;
  const cache = await cacheStorage.open(MATERIALS_CACHE);
  for (const id of fileIds) {
    if (id && (await cache.match(materialPath(id), { ignoreVary: true }))) saved.add(id);
  }
  return saved;
}

/** Downloads one file with the device's token and keeps it; throws the HTTP status when refused. */
export async function saveMaterial(fileId: string, token: string): Promise<void> {
  const cacheStorage = storage();
  if (!cacheStorage) throw new Error('cache_unavailable');
  const response = await fetch(materialPath(fileId), { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const cache = await cacheStorage.open(MATERIALS_CACHE);
  await cache.put(materialPath(fileId), response);
}

export async function removeMaterial(fileId: string): Promise<void> {
  await (await storage()?.open(MATERIALS_CACHE))?.delete(materialPath(fileId), { ignoreVary: true });
}

/** The kept file's bytes, read from the cache (no network, no service worker needed). */
export async function readMaterial(fileId: string): Promise<Blob | undefined> {
  const cached = await (await storage()?.open(MATERIALS_CACHE))?.match(materialPath(fileId), {
    ignoreVary: true,
  });
  return cached ? cached.blob() : undefined;
}
