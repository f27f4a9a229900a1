import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CreateAllocationInput,
  type CreateDisbursementInput,
  type CreateDisbursementRequestInput,
  type CreatePaymentInput,
  type CreateTransferInput,
  checkCeiling,
  type DecideDisbursementRequestInput,
  inJurisdiction,
  type ReverseFinanceLineInput,
} from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import type { Ctx } from '../../../platform/sync/mutations.js';
import type { MisLists } from '../reference.js';
import { subprojectReadScope } from '../visibility.js';
import { claimLineFiles, type FinanceFileDeps } from './files.js';
import { getLine, type LineKind } from './queries.js';
import * as repo from './repo.js';
import { allocationReadScope } from './scope.js';

const numbered = (fragment: { sql: string; params: unknown[] }) => {
  const c = new Conditions();
  return { text: c.text(fragment), params: c.params };
};

/** The columns a reversal copies from the line it cancels (its amount too: it counts negatively). */
const REVERSAL_COPIES: Record<Exclude<LineKind, 'disbursement-requests'>, string[]> = {
  allocations: ['canton_id', 'cvd_id', 'area_path', 'component', 'cycle_id', 'allocated_on'],
  transfers: ['allocation_id', 'transferred_on', 'bank_reference'],
  disbursements: ['allocation_id', 'request_id', 'disbursed_on', 'reference'],
  payments: ['contract_id', 'paid_on', 'reference'],
};
export const REVERSIBLE_KINDS = Object.keys(REVERSAL_COPIES) as Array<keyof typeof REVERSAL_COPIES>;
export type ReversibleKind = keyof typeof REVERSAL_COPIES;

const TABLES: Record<LineKind, repo.LineTable> = {
  allocations: 'mis_allocations',
  transfers: 'mis_transfers',
  'disbursement-requests': 'mis_disbursement_requests',
  disbursements: 'mis_disbursements',
  payments: 'mis_payments',
};

/**
 * The one writer of the finance lines (migration 0029). Every line past a ceiling — a transfer or a
 * disbursement beyond what is left of its allocation, a payment beyond what is left of its contract — is
 * refused (409 mis_ceiling_exceeded with `{ available }`) unless an override gives its reason, kept on the
 * line and in the audit log. Each check runs under a row lock on the allocation or contract, so concurrent
 * lines see each other. Lines are never changed: a reversal cancels one.
 */
export function createFinanceService(deps: FinanceFileDeps & { db: Db; lists: MisLists }) {
  const { db, clock } = deps;

  async function lockAllocationOr404(tx: Queryable, actor: Actor, id: string) {
    const a = await repo.lockAllocation(tx, id, numbered(allocationReadScope(actor)));
    if (!a) throw new AppError('not_found', { field: 'allocationId' });
    return a;
  }

  /** Refuses an amount past the ceiling unless overridden; whether the override was needed. */
  function checkOrOverride(ceiling: number, used: number, amount: number, override?: { reason: string }) {
    const { available, exceeds } = checkCeiling(ceiling, used, amount);
    if (exceeds && !override)
      throw new AppError('mis_ceiling_exceeded', { available: Math.max(available, 0) });
    return exceeds;
  }

  /** Appends the line, its documents and its audit entry; answers the line as the lists show it. */
  async function record(
    tx: Queryable,
    ctx: Ctx,
    kind: LineKind,
    row: Record<string, unknown>,
    audit: { input: Record<string, unknown>; overridden?: boolean },
    fileIds: readonly string[] | undefined,
    hooks: FileHooks,
  ) {
    const id = randomUUID();
    const table = TABLES[kind];
    await repo.insertRow(tx, table, { id, ...row, recorded_by: ctx.actor.id, recorded_at: clock.now() });
    if (fileIds?.length) await claimLineFiles(tx, deps, ctx, { table, id }, fileIds, hooks);
    const { fileIds: _files, ...changes } = audit.input;
    await appendAudit(tx, {
      actorId: ctx.actor.id,
      entity: table,
      entityId: id,
      action: audit.overridden ? 'create_over_ceiling' : 'create',
      changes: { ...changes, ...(fileIds?.length ? { files: fileIds.length } : {}) },
      ip: ctx.ip,
    });
    return getLine(tx, kind, id);
  }

  const overrideColumns = (ctx: Ctx, overridden: boolean, override?: { reason: string }) =>
    overridden ? { override_reason: override!.reason, override_by: ctx.actor.id } : {};

  return {
    async createAllocation(ctx: Ctx, input: CreateAllocationInput, hooks: FileHooks) {
      if (!deps.lists.components.some((c) => c.code === input.component))
        throw new AppError('mis_reference_unknown', { field: 'component' });
      return db.transaction(async (tx) => {
        const unit = await repo.findAllocationUnit(tx, input.unitId);
        if (!unit) throw new AppError('not_found', { field: 'unitId' });
        if (unit.level !== 'canton') throw new AppError('mis_allocation_unit');
        if (ctx.actor && !inJurisdiction(ctx.actor, unit.path)) throw new AppError('outside_jurisdiction');
        if (input.cycleId) {
          const [cycle] = await tx.query('select 1 from dcc_cycles where id = $1', [input.cycleId]);
          if (!cycle) throw new AppError('not_found', { field: 'cycleId' });
        }
        const row = {
          canton_id: unit.cantonId,
          cvd_id: unit.cvdId,
          area_path: unit.path,
          component: input.component,
          cycle_id: input.cycleId ?? null,
          amount: input.amount,
          allocated_on: input.date,
          note: input.note ?? '',
        };
        return record(tx, ctx, 'allocations', row, { input }, input.fileIds, hooks);
      });
    },

    async createTransfer(ctx: Ctx, input: CreateTransferInput, hooks: FileHooks) {
      return db.transaction(async (tx) => {
        const a = await lockAllocationOr404(tx, ctx.actor, input.allocationId);
        const usage = await repo.allocationUsage(tx, a.id);
        const over = checkOrOverride(a.live ? a.amount : 0, usage.transferred, input.amount, input.override);
        const row = {
          allocation_id: a.id,
          amount: input.amount,
          transferred_on: input.date,
          bank_reference: input.bankReference,
          note: input.note ?? '',
          ...overrideColumns(ctx, over, input.override),
        };
        return record(tx, ctx, 'transfers', row, { input, overridden: over }, input.fileIds, hooks);
      });
    },

    async createRequest(ctx: Ctx, input: CreateDisbursementRequestInput, hooks: FileHooks) {
      return db.transaction(async (tx) => {
        const a = await lockAllocationOr404(tx, ctx.actor, input.allocationId);
        const usage = await repo.allocationUsage(tx, a.id);
        // A request may ask for what is left of the allocation once disbursed and pending requests are counted.
        checkOrOverride(a.live ? a.amount : 0, usage.disbursed + usage.requested, input.amount);
        const row = {
          allocation_id: a.id,
          amount: input.amount,
          requested_on: input.date,
          note: input.note ?? '',
        };
        return record(tx, ctx, 'disbursement-requests', row, { input }, input.fileIds, hooks);
      });
    },

    async decideRequest(ctx: Ctx, id: string, input: DecideDisbursementRequestInput) {
      return db.transaction(async (tx) => {
        const found = await repo.lockRequest(tx, id);
        if (!found) throw new AppError('not_found');
        await lockAllocationOr404(tx, ctx.actor, found.allocationId);
        if (found.status !== 'pending') throw new AppError('mis_request_state', { status: found.status });
        await tx.query(
          `update mis_disbursement_requests set status = $2, decided_by = $3, decided_at = $4,
                  decision_note = $5 where id = $1`,
          [id, input.decision, ctx.actor.id, clock.now(), input.note ?? ''],
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'mis_disbursement_requests',
          entityId: id,
          action: input.decision,
          changes: { note: input.note ?? '' },
          ip: ctx.ip,
        });
        return getLine(tx, 'disbursement-requests', id);
      });
    },

    async createDisbursement(ctx: Ctx, input: CreateDisbursementInput, hooks: FileHooks) {
      return db.transaction(async (tx) => {
        const a = await lockAllocationOr404(tx, ctx.actor, input.allocationId);
        if (input.requestId) {
          const request = await repo.lockRequest(tx, input.requestId);
          if (!request || request.allocationId !== a.id)
            throw new AppError('not_found', { field: 'requestId' });
          if (request.status !== 'approved' || (await repo.requestSettled(tx, request.id)))
            throw new AppError('mis_request_state', { status: request.status });
        }
        const usage = await repo.allocationUsage(tx, a.id);
        const over = checkOrOverride(a.live ? a.amount : 0, usage.disbursed, input.amount, input.override);
        const row = {
          allocation_id: a.id,
          request_id: input.requestId ?? null,
          amount: input.amount,
          disbursed_on: input.date,
          reference: input.reference ?? '',
          note: input.note ?? '',
          ...overrideColumns(ctx, over, input.override),
        };
        return record(tx, ctx, 'disbursements', row, { input, overridden: over }, input.fileIds, hooks);
      });
    },

    async createPayment(ctx: Ctx, input: CreatePaymentInput, hooks: FileHooks) {
      return db.transaction(async (tx) => {
        const k = await repo.lockContract(tx, input.contractId, numbered(subprojectReadScope(ctx.actor)));
        if (!k) throw new AppError('not_found', { field: 'contractId' });
        const over = checkOrOverride(k.amount, k.paid, input.amount, input.override);
        const row = {
          contract_id: k.id,
          amount: input.amount,
          paid_on: input.date,
          reference: input.reference ?? '',
          note: input.note ?? '',
          ...overrideColumns(ctx, over, input.override),
        };
        return record(tx, ctx, 'payments', row, { input, overridden: over }, input.fileIds, hooks);
      });
    },

    /**
     * Cancels a line with a reversal (same amount, counted negatively). The line's allocation or contract is
     * locked first, as for a new line. An allocation with live lines on it cannot be reversed (reverse them
     * first); a line already reversed, or a reversal, cannot be reversed again.
     */
    async reverse(ctx: Ctx, kind: ReversibleKind, id: string, input: ReverseFinanceLineInput) {
      const table = TABLES[kind];
      return db.transaction(async (tx) => {
        const line = await repo.findLine(tx, table, id);
        if (!line) throw new AppError('not_found');
        if (kind === 'payments') {
          const k = await repo.lockContract(
            tx,
            line.contract_id as string,
            numbered(subprojectReadScope(ctx.actor)),
          );
          if (!k) throw new AppError('not_found');
        } else {
          const allocationId = kind === 'allocations' ? id : (line.allocation_id as string);
          await lockAllocationOr404(tx, ctx.actor, allocationId);
        }
        if (line.reverses !== null || (await repo.isReversed(tx, table, id)))
          throw new AppError('mis_line_already_reversed');
        if (kind === 'allocations' && (await repo.allocationInUse(tx, id)))
          throw new AppError('mis_allocation_in_use');
        const reversalId = randomUUID();
        const copies = REVERSAL_COPIES[kind].join(', ');
        await tx.query(
          `insert into ${table} (id, reverses, amount, note, recorded_by, recorded_at, ${copies})
           select $1, id, amount, $3, $4, $5, ${copies} from ${table} where id = $2`,
          [reversalId, id, input.reason, ctx.actor.id, clock.now()],
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: table,
          entityId: id,
          action: 'reverse',
          changes: { reason: input.reason, reversalId },
          ip: ctx.ip,
        });
        return getLine(tx, kind, reversalId);
      });
    },
  };
}

export type FinanceService = ReturnType<typeof createFinanceService>;
