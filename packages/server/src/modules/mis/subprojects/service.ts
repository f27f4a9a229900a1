import { randomUUID } from 'node:crypto';
import {
  type AddSubprojectFilesInput,
  type CreateContractInput,
  type CreateSubprojectEventInput,
  type CreateSubprojectInput,
  FIRST_STEP,
  type SubprojectListQuery,
  togoDate,
  type UpdateSubprojectInput,
} from '@coso/domain';
import type { AuthUser } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import { appendAudit, diffFields } from '../../../platform/audit/repo.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import type { MisLists } from '../reference.js';
import { subprojectReadScope } from '../visibility.js';
import {
  checkBeneficiaryVillages,
  checkClassification,
  checkCycle,
  checkPoint,
  resolveUnit,
  unitFacts,
} from './checks.js';
import { getDetail, listContracts } from './detail.js';
import { type Ctx, recordEvent } from './events.js';
import { claimFiles, findFile } from './files.js';
import { inScope, listSubprojects } from './queries.js';
import * as repo from './repo.js';

/**
 * The one writer of sub-projects (issue #16): every write checks the caller's scope (a sub-project out of it
 * is a 404, as on reads), the reference codes, the unit and its beneficiary villages, and writes its audit
 * entry in the same transaction. Progress is events.ts's.
 */

export interface SubprojectServiceDeps {
  db: Db;
  clock: Clock;
  lists: MisLists;
  uploads: UploadService;
  files: FileStore;
}

const ENTITY = 'mis_subproject';

export function createSubprojectService(deps: SubprojectServiceDeps) {
  const { db, clock, lists } = deps;

  const audit = (tx: Queryable, ctx: Ctx, id: string, action: string, changes: Record<string, unknown>) =>
    appendAudit(tx, { actorId: ctx.actor.id, entity: ENTITY, entityId: id, action, changes, ip: ctx.ip });

  async function mustSee(actor: AuthUser, id: string) {
    if (!(await inScope(db, subprojectReadScope(actor), id))) throw new AppError('not_found');
  }

  /** The sub-project locked for a write, in the caller's scope (404 otherwise). */
  async function lockInScope(tx: Queryable, ctx: Ctx, id: string) {
    const scope = subprojectReadScope(ctx.actor);
    const row = await repo.lockSubproject(tx, id);
    if (!row) throw new AppError('not_found');
    if (!(await inScope(tx, scope, id))) throw new AppError('not_found');
    return row;
  }

  return {
    list: (actor: AuthUser, query: SubprojectListQuery) =>
      listSubprojects(db, subprojectReadScope(actor), query),

    get: (actor: AuthUser, id: string, q: Queryable = db) =>
      getDetail(q, lists, subprojectReadScope(actor), id),

    async create(ctx: Ctx, input: CreateSubprojectInput) {
      const id = randomUUID();
      const write: repo.SubprojectWrite = {
        title: input.title,
        component: input.component,
        sector: input.sector,
        type: input.type,
        estimatedCost: input.estimatedCost,
        cycleId: input.cycleId ?? null,
        beneficiaries: input.beneficiaries ?? {},
        attributes: input.attributes ?? {},
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        description: input.description ?? '',
        priorityId: input.priorityId ?? null,
        arbitrationId: input.arbitrationId ?? null,
      };
      checkClassification(lists, write);
      return db.transaction(async (tx) => {
        const unit = await resolveUnit(tx, ctx.actor, input);
        await checkCycle(tx, write.cycleId);
        const villages = await checkBeneficiaryVillages(
          tx,
          unit,
          input.beneficiaryVillageIds ?? (unit.level === 'village' ? [unit.id] : []),
        );
        const at = clock.now();
        const code = await repo.insertSubproject(tx, {
          ...write,
          id,
          unitId: unit.id,
          areaPath: unit.path,
          cvdId: unit.cvdId,
          createdBy: ctx.actor.id,
          at,
        });
        await repo.setVillages(tx, id, villages);
        await repo.insertEvent(tx, {
          id: randomUUID(),
          subprojectId: id,
          event: { id: '', kind: 'step', step: FIRST_STEP, date: input.identifiedOn ?? togoDate(at) },
          note: '',
          authorId: ctx.actor.id,
          at,
        });
        await audit(tx, ctx, id, 'create', {
          code,
          ...write,
          unitId: unit.id,
          beneficiaryVillageIds: villages,
        });
        return getDetail(tx, lists, subprojectReadScope(ctx.actor), id);
      });
    },

    update(ctx: Ctx, id: string, input: UpdateSubprojectInput) {
      return db.transaction(async (tx) => {
        const row = await lockInScope(tx, ctx, id);
        if (row.version !== input.baseVersion)
          throw new AppError('version_conflict', { currentVersion: row.version });
        const { baseVersion: _, beneficiaryVillageIds, ...fields } = input;
        const before: repo.SubprojectWrite = {
          title: row.title,
          component: row.component,
          sector: row.sector,
          type: row.type,
          estimatedCost: row.estimatedCost,
          cycleId: row.cycleId,
          beneficiaries: row.beneficiaries,
          attributes: row.attributes,
          latitude: row.latitude,
          longitude: row.longitude,
          description: row.description,
          priorityId: row.priorityId,
          arbitrationId: row.arbitrationId,
        };
        const next = { ...before, ...(fields as Partial<repo.SubprojectWrite>) };
        checkClassification(lists, next);
        checkPoint(next.latitude, next.longitude);
        if (fields.cycleId !== undefined) await checkCycle(tx, next.cycleId);
        const changes: Record<string, unknown> = diffFields(before, next);
        if (beneficiaryVillageIds !== undefined) {
          const unit = await unitFacts(tx, { id: row.unitId, level: row.level, path: row.areaPath });
          const villages = await checkBeneficiaryVillages(tx, unit, beneficiaryVillageIds);
          await repo.setVillages(tx, id, villages);
          changes.beneficiaryVillageIds = { to: villages };
        }
        await repo.updateSubproject(tx, id, next, clock.now());
        await audit(tx, ctx, id, 'update', changes);
        return getDetail(tx, lists, subprojectReadScope(ctx.actor), id);
      });
    },

    recordEvent: (ctx: Ctx, id: string, input: CreateSubprojectEventInput, hooks: FileHooks) =>
      db.transaction(async (tx) => {
        const row = await lockInScope(tx, ctx, id);
        return recordEvent(tx, { ...deps, audit }, ctx, row, input, hooks);
      }),

    async contracts(actor: AuthUser, id: string) {
      await mustSee(actor, id);
      return { items: await listContracts(db, id) };
    },

    addContract(ctx: Ctx, id: string, input: CreateContractInput) {
      return db.transaction(async (tx) => {
        await lockInScope(tx, ctx, id);
        const contractId = randomUUID();
        const at = clock.now();
        await tx.query(
          `insert into mis_contracts (id, subproject_id, kind, company, reference, amount, signed_on, starts_on,
             ends_on, created_by, created_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            contractId,
            id,
            input.kind,
            input.company,
            input.reference ?? '',
            input.amount,
            input.signedOn ?? null,
            input.startsOn ?? null,
            input.endsOn ?? null,
            ctx.actor.id,
            at,
          ],
        );
        await repo.touch(tx, id, at);
        await audit(tx, ctx, id, 'contract_create', { contractId, ...input });
        return (await listContracts(tx, id)).find((c) => c.id === contractId)!;
      });
    },

    addFiles(ctx: Ctx, id: string, input: AddSubprojectFilesInput, hooks: FileHooks) {
      return db.transaction(async (tx) => {
        await lockInScope(tx, ctx, id);
        const claimed = await claimFiles(
          tx,
          deps,
          ctx.actor,
          id,
          input.uploadIds,
          { eventId: null, kind: input.kind, caption: input.caption, takenOn: input.takenOn },
          hooks,
        );
        await repo.touch(tx, id, clock.now());
        await audit(tx, ctx, id, 'files_add', { uploadIds: claimed, kind: input.kind ?? null });
        const detail = await getDetail(tx, lists, subprojectReadScope(ctx.actor), id);
        return { items: detail.files.filter((f) => claimed.includes(f.id)) };
      });
    },

    /** A file of a sub-project in the caller's scope, for its download. */
    async file(actor: AuthUser, id: string, fileId: string) {
      await mustSee(actor, id);
      return findFile(db, id, fileId);
    },
  };
}

export type SubprojectService = ReturnType<typeof createSubprojectService>;
