import type { Db, Queryable } from '../../db/driver.js';
import {
  buildModuleServices,
  type ModuleDefinition,
  type ModuleServices,
  type PlatformDeps,
  type PlatformServices,
  platformContext,
} from '../module.js';

/**
 * One open transaction seen as a Db, so that the domain services (which open their own transactions) run
 * inside a mutation's transaction: theirs become savepoints, which keeps their own retry-on-conflict logic
 * (a tracking-code collision in intake) working, and the mutation's record commits with their effect.
 *
 * Every query of a mutation must go through it: on PGlite, a query on the root Db would wait for the open
 * transaction to end, for ever.
 */
export function joinTransaction(tx: Queryable, kind: Db['kind']): Db {
  let savepoints = 0;
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    exec: (script) => tx.exec(script),
    async transaction(fn) {
      const name = `sync_sp_${++savepoints}`;
      await tx.query(`savepoint ${name}`);
      try {
        const result = await fn(tx);
        await tx.query(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await tx.query(`rollback to savepoint ${name}`);
        throw error;
      }
    },
    close: () => Promise.reject(new Error('a joined transaction is closed by its owner')),
  };
}

export interface TxServiceDeps {
  /** What the root services were built from (main.ts/app.ts); only their db is replaced. */
  platform: PlatformDeps;
  /** The module list (modules/index.ts), handed over by the composition root. */
  modules: readonly ModuleDefinition[];
}

/**
 * The same services the REST API uses, built over a mutation's transaction through the same factories
 * (platform/module.ts): the platform's, then every module's `services(ctx)`. Cheap: closures only. The
 * upload service is the root one (it keeps the writes in progress; its calls take the Db to use).
 */
export function servicesFor(db: Db, { platform, modules }: TxServiceDeps): TxServices {
  const ctx = platformContext({ ...platform, db });
  return { ...ctx.platform, ...buildModuleServices(ctx, modules) };
}

/** The platform's services and every module's (each module adds its own to ModuleServices). */
export type TxServices = PlatformServices & ModuleServices;
