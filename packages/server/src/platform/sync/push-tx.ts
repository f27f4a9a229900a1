import type { Db, Queryable } from '../../db/driver.js';
import type { Clock } from '../../lib/clock.js';
import type { FileStore } from '../../lib/file-store.js';
import { createAttachmentService } from '../../modules/grm/complaints/attachments/service.js';
import { createComplaintService } from '../../modules/grm/complaints/service.js';
import { createDeadlineService } from '../../modules/grm/deadlines/service.js';
import type { Vault } from '../../vault/vault.js';
import { createReferenceService } from '../reference/service.js';

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
  vault: Vault;
  /** Where attachments are stored (the same store as the REST API's). */
  files: FileStore;
  clock?: Clock;
  /** PROJECT_START_DATE (intake's date bounds). */
  projectStart?: string;
}

/** The same services the REST API uses, built over a mutation's transaction. Cheap: closures only. */
export function servicesFor(db: Db, { vault, files, clock, projectStart }: TxServiceDeps) {
  const reference = createReferenceService({ db });
  const deadlines = createDeadlineService({ db, ...(clock ? { clock } : {}) });
  return {
    reference,
    deadlines,
    complaints: createComplaintService({
      db,
      reference,
      vault,
      deadlines,
      ...(projectStart ? { projectStart } : {}),
    }),
    attachments: createAttachmentService({ db, files }),
  };
}

export type TxServices = ReturnType<typeof servicesFor>;
