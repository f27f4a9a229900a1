import pg from 'pg';
import { type Db, type Queryable, TYPE_OIDS } from './driver.js';

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
export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max, types: types as pg.CustomTypesConfig });
  // An idle connection the server ends (restart, administrator, dropped database) is discarded by the pool;
  // without a listener that event would crash the process. The next query opens a new connection.
  pool.on('error', () => undefined);
  // Fail at boot, with the server's own message, rather than on the first request.
  await pool.query('select 1');
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
    close: () => pool.end(),
  };
}
