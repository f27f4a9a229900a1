import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Queryable, RootDb } from './driver.js';

/** Shared buffers of the embedded database (PostgreSQL's own default is 128MB). */
export const SHARED_BUFFERS = '32MB';

/** Embedded PostgreSQL (WebAssembly): in memory when `dataDir` is undefined, else persisted in that folder. */
export async function openPglite(dataDir?: string): Promise<RootDb> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    // Trigram indexes (migration 0013) for reference fragments in the case lists.
    extensions: { pg_trgm },
    parsers: { [types.DATE]: (v: string) => v, [types.NUMERIC]: (v: string) => v },
    // PostgreSQL's default 128 MB of shared buffers lives inside the WebAssembly heap, which never shrinks:
    // 32 MB takes about 100 MB off the idle process (docs/maintainer-guide.md, "Memory"). The WebAssembly
    // heap cannot start below PGlite's 128 MB (initialMemory), and pg_trgm costs ≈ 7 MB: both stay.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  });
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await q.exec(script);
    },
  });
  const root = wrap(pg);
  // One process owns the data folder, so an in-process set of held keys is the whole lock.
  const held = new Set<string>();
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async exclusive(key, fn) {
      const name = key.join(':');
      if (held.has(name)) return false;
      held.add(name);
      try {
        await fn();
        return true;
      } finally {
        held.delete(name);
      }
    },
    close: () => pg.close(),
  };
}
