import type { Db, Queryable } from '../../../../db/driver.js';

/**
 * A Db over an open transaction whose `transaction()` is a savepoint. Services that own their transaction
 * (recordComplaint) can then run many times inside one larger unit of work: each call stays all-or-nothing,
 * and the whole can still be rolled back. Everything must go through this object: on PGlite a query on the
 * root connection would wait for the enclosing transaction forever.
 */
export function savepointDb(tx: Queryable, kind: Db['kind']): Db {
  let depth = 0;
  const db: Db = {
    kind,
    query: <T>(text: string, params?: readonly unknown[]) => tx.query<T>(text, params),
    exec: (script) => tx.exec(script),
    async transaction(fn) {
      depth += 1;
      const name = `nested_${depth}`;
      await tx.query(`savepoint ${name}`);
      try {
        const result = await fn(db);
        await tx.query(`release savepoint ${name}`);
        return result;
      } catch (err) {
        await tx.query(`rollback to savepoint ${name}`);
        throw err;
      } finally {
        depth -= 1;
      }
    },
    close: () => Promise.reject(new Error('a savepoint database belongs to its enclosing transaction')),
  };
  return db;
}
