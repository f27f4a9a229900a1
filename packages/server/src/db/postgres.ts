import pg from 'pg';
import { type Queryable, type RootDb, TYPE_OIDS } from './driver.js';

const parsers: Record<number, (v: string) => unknown> = {
  [TYPE_OIDS.int8]: Number,
  [TYPE_OIDS.date]: (v) => v,
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

/** A connection pool to a real PostgreSQL server. */
export async function openPostgres(connectionString: string, max = 10): Promise<RootDb> {
  const pool = new pg.Pool({ connectionString, max, types: types as pg.CustomTypesConfig });
  // An idle connection the server ends (restart, administrator, dropped database) is discarded by the pool;
  // without a listener that event would crash the process. The next query opens a new connection.
  pool.on('error', () => undefined);
  // Fail at boot, with the server's own message, rather than on the first request.
  await pool.query('select 1');
  // Session advisory locks (exclusive) live on one connection of their own, outside the pool and outside any
  // transaction: it waits "idle", never "idle in transaction", and taking a lock never costs a pool slot
  // that the locked work itself needs (a pool of holders waiting for the pool would deadlock). Should that
  // connection drop, the server frees its locks; the next exclusive() opens a new one.
  const held = new Set<string>();
  let session: Promise<pg.Client> | undefined;
  const lockSession = () => {
    session ??= (async () => {
      const client = new pg.Client({ connectionString });
      client.on('error', () => void dropLockSession());
      await client.connect();
      return client;
    })().catch((err) => {
      session = undefined;
      throw err;
    });
    return session;
  };
  // One statement at a time on that connection (pg would queue them too, but deprecates doing so).
  let queue: Promise<unknown> = Promise.resolve();
  const onLockSession = (text: string, key: readonly [number, number]) => {
    const next = queue.then(async () => (await lockSession()).query<{ ok: boolean }>(text, [...key]));
    queue = next.catch(() => undefined);
    return next;
  };
  const dropLockSession = async () => {
    const current = session;
    session = undefined;
    await (await current?.catch(() => undefined))?.end().catch(() => undefined);
  };
  const query = async <T>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[] = []) =>
    (await client.query(text, params as unknown[])).rows as T[];
  return {
    kind: 'postgres',
    query: (text, params) => query(pool, text, params),
    exec: async (script) => void (await pool.query(script)),
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = {
        query: (text, params) => query(client, text, params),
        exec: async (script) => void (await client.query(script)),
      };
      try {
        await client.query('begin');
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exclusive(key, fn) {
      const name = key.join(':');
      if (held.has(name)) return false; // a session lock is re-entrant: the process checks its own runs
      held.add(name);
      try {
        const { rows } = await onLockSession('select pg_try_advisory_lock($1, $2) as ok', key);
        if (rows[0]?.ok !== true) return false;
        try {
          await fn();
        } finally {
          await onLockSession('select pg_advisory_unlock($1, $2)', key).catch(() => dropLockSession());
        }
        return true;
      } finally {
        held.delete(name);
      }
    },
    async close() {
      await dropLockSession();
      await pool.end();
    },
  };
}
