import type { Mutation, SyncTable } from '@coso/domain';
import type { z } from 'zod';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db } from '../../db/driver.js';
import type { TxServices } from './push-tx.js';

/**
 * The registry of mutation types a device may push. Each type names its payload schema (from the domain's
 * MUTATION_PAYLOADS, shared with the device) and how to apply it through the domain services. Each module
 * contributes its types to the sync registry (registry.ts); this map is built from them at start.
 */

export type Ctx = RequestContext & { actor: AuthUser };

/** What `apply` gets: everything runs inside the mutation's own transaction. */
export interface MutationScope {
  /** The mutation's transaction, as a Db: services' own transactions become savepoints inside it. */
  db: Db;
  /** The domain services (complaints, attachments…) bound to that transaction. */
  services: TxServices;
  ctx: Ctx;
  mutation: Mutation;
  /** Runs after the transaction committed (e.g. deleting a consumed upload's bytes). */
  afterCommit(fn: () => Promise<void>): void;
  /** Runs when the transaction rolled back (e.g. removing files stored before the failure). */
  onRollback(fn: () => Promise<void>): void;
}

export interface MutationDefinition<P> {
  payload: z.ZodType<P>;
  /** Applies the mutation; throws AppError to reject it. The result is stored and returned on duplicates. */
  apply(scope: MutationScope, payload: P, baseVersion: number | undefined): Promise<Record<string, unknown>>;
  /**
   * On `version_conflict`: the synced row the mutation is about. The answer's `current` is that row as a pull
   * would send it to this user, read after the rollback through the sync registry; none when this actor may
   * not hold it on a device (the answer is then a bare conflict).
   */
  conflictRow?(payload: P): { table: SyncTable; id: string };
}

export type MutationRegistry = ReturnType<typeof createMutationRegistry>;

export function createMutationRegistry() {
  // biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own payload type behind the map
  const types = new Map<string, MutationDefinition<any>>();
  return {
    register<P>(type: string, definition: MutationDefinition<P>) {
      if (types.has(type)) throw new Error(`mutation type registered twice: ${type}`);
      types.set(type, definition);
    },
    get: (type: string) => types.get(type),
    types: () => [...types.keys()],
  };
}
