import {
  type ErrorCode,
  errorMessage,
  type Locale,
  type Mutation,
  type MutationResult,
  mutationSchema,
  type PushResponse,
} from '@coso/domain';
import type { FastifyBaseLogger } from 'fastify';
import { ZodError } from 'zod';
import type { AuthUser } from '../../context.js';
import type { Db } from '../../db/driver.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, type FieldIssue } from '../../http/app-error.js';
import type { Ctx, MutationDefinition } from './mutations.js';
import * as repo from './push-repo.js';
import { joinTransaction, servicesFor, type TxServiceDeps } from './push-tx.js';
import type { SyncRegistry } from './registry.js';

export type SyncPushService = ReturnType<typeof createSyncPushService>;
type Log = Pick<FastifyBaseLogger, 'warn' | 'error'>;

const issuesOf = (error: ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

const readableId = (raw: unknown): string | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && mutationSchema.shape.id.safeParse(id).success ? id : null;
};

/**
 * Applies a batch of device mutations (POST /api/v1/sync/push), each on its own: validated, then applied in
 * its own transaction through the domain services, with its id recorded in that transaction. The answer for
 * each is `applied`, `duplicate` (the id was applied before: its original result, nothing changes),
 * `rejected` (an error code of ERRORS, final unless RETRYABLE_REJECT_CODES) or `conflict` (stale baseVersion;
 * the current server row). Rejections and conflicts are not recorded: the same id may apply later, once the
 * cause is gone (an upload completed).
 */
export function createSyncPushService({
  db,
  registry,
  deps,
}: {
  db: Db;
  /** The mutation types and the synced tables (a conflict's current row). */
  registry: SyncRegistry;
  deps: TxServiceDeps;
}) {
  const reject = (id: string | null, code: ErrorCode, locale: Locale, details?: unknown): MutationResult => ({
    id,
    status: 'rejected',
    code,
    message: errorMessage(code, locale),
    ...(details === undefined ? {} : { details }),
  });

  /** The answer for an id found already applied. */
  function known(found: repo.AppliedMutation, actor: AuthUser, m: Mutation, locale: Locale): MutationResult {
    if (found.userId !== actor.id || found.type !== m.type) return reject(m.id, 'mutation_id_taken', locale);
    return { id: m.id, status: 'duplicate', result: found.result };
  }

  async function run<P>(ctx: Ctx, m: Mutation, definition: MutationDefinition<P>, payload: P, log?: Log) {
    const after: Array<() => Promise<void>> = [];
    const undo: Array<() => Promise<void>> = [];
    try {
      const result = await db.transaction(async (tx) => {
        await repo.claimMutation(tx, {
          id: m.id,
          userId: ctx.actor.id,
          type: m.type,
          clientTime: m.clientTime,
        });
        const scoped = joinTransaction(tx, db.kind);
        const scope = {
          db: scoped,
          services: servicesFor(scoped, deps),
          ctx,
          mutation: m,
          afterCommit: (fn: () => Promise<void>) => void after.push(fn),
          onRollback: (fn: () => Promise<void>) => void undo.push(fn),
        };
        const output = await definition.apply(scope, payload, m.baseVersion);
        await repo.recordResult(tx, m.id, output);
        return output;
      });
      for (const fn of after) await fn().catch((err) => log?.warn({ err, mutation: m.id }, 'after commit'));
      return result;
    } catch (error) {
      for (const fn of undo) await fn().catch((err) => log?.warn({ err, mutation: m.id }, 'rollback'));
      throw error;
    }
  }

  async function applyOne(ctx: Ctx, raw: unknown, locale: Locale, log?: Log): Promise<MutationResult> {
    const envelope = mutationSchema.safeParse(raw);
    if (!envelope.success) {
      return reject(readableId(raw), 'validation_error', locale, issuesOf(envelope.error));
    }
    const m = envelope.data;
    const definition = registry.mutations.get(m.type);
    if (!definition) return reject(m.id, 'unknown_mutation_type', locale, { type: m.type });
    const payload = definition.payload.safeParse(m.payload);
    if (!payload.success) return reject(m.id, 'validation_error', locale, issuesOf(payload.error));
    const found = await repo.findMutation(db, m.id);
    if (found) return known(found, ctx.actor, m, locale);
    try {
      return { id: m.id, status: 'applied', result: await run(ctx, m, definition, payload.data, log) };
    } catch (error) {
      if (isUniqueViolation(error, 'sync_mutations_pkey')) {
        const raced = await repo.findMutation(db, m.id);
        if (raced) return known(raced, ctx.actor, m, locale);
      }
      if (error instanceof AppError && error.code === 'version_conflict') {
        const row = definition.conflictRow?.(payload.data);
        const current = row && (await registry.current(db, ctx.actor, row.table, row.id));
        return {
          id: m.id,
          status: 'conflict',
          code: error.code,
          message: errorMessage(error.code, locale),
          ...(current ? { current } : {}),
        };
      }
      if (error instanceof AppError) return reject(m.id, error.code, locale, error.details);
      if (error instanceof ZodError) return reject(m.id, 'validation_error', locale, issuesOf(error));
      // A bug or an outage, not the device's fault: the device keeps the mutation and sends it again.
      log?.error({ err: error, mutation: m.id, type: m.type }, 'sync mutation failed');
      return reject(m.id, 'service_unavailable', locale);
    }
  }

  return {
    registry,
    /** Applies the mutations in order; one's failure never stops the next. */
    async push(ctx: Ctx, mutations: unknown[], locale: Locale, log?: Log): Promise<PushResponse> {
      const results: MutationResult[] = [];
      for (const raw of mutations) results.push(await applyOne(ctx, raw, locale, log));
      return { results };
    },
  };
}
