import { randomUUID } from 'node:crypto';
import {
  type Actor,
  hasPermission,
  type PlanCreateRequest,
  type PlanListQuery,
  type PlanRecord,
  type PlanUpdate,
} from '@coso/domain';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { UploadService } from '../../../platform/sync/uploads.js';

/**
 * A facilitator's planning (issue #15): tasks or free activities put on dates for their units, then an outcome
 * (done / not done / something else) with a comment and a photo. One service for the REST routes and the sync
 * mutations dcc.plan.* (the mutation's transaction is this service's Db). Only the facilitator writes their
 * plans; a specialist (dcc.review) reads a facilitator's plans within their jurisdiction.
 */

export interface PlanRow {
  id: string;
  cycleId: string;
  facilitatorId: string;
  unitId: string;
  unitName: string | null;
  taskId: string | null;
  taskName: string | null;
  title: string | null;
  plannedOn: string;
  outcome: 'done' | 'not_done' | 'other' | null;
  comment: string | null;
  photoUploadId: string | null;
  version: number;
  updatedAt: Date;
}

/** What a write needs once the transaction ends: the mutation's hooks, or the service's own. */
export interface TxHooks {
  afterCommit(fn: () => Promise<void>): void;
  onRollback(fn: () => Promise<void>): void;
}

const SELECT = `select p.id, p.cycle_id as "cycleId", p.facilitator_id as "facilitatorId", p.unit_id as "unitId",
    coalesce(g.name, vg.name) as "unitName", p.task_id as "taskId", t.name as "taskName", p.title,
    p.planned_on::text as "plannedOn", p.outcome, p.comment, p.photo_upload_id as "photoUploadId", p.version,
    p.updated_at as "updatedAt"
  from dcc_plans p
  left join geo_units g on g.id = p.unit_id
  left join village_groups vg on vg.id = p.unit_id
  left join dcc_tasks t on t.id = p.task_id`;

/** The file store key of a plan's photo. */
export const planPhotoKey = (planId: string, uploadId: string) => `dcc/plans/${planId}/${uploadId}`;

export function createPlanService({
  db,
  files,
  uploads,
}: {
  db: Db;
  files: FileStore;
  uploads: UploadService;
}) {
  const one = async (q: Queryable, id: string) =>
    (await q.query<PlanRow>(`${SELECT} where p.id = $1`, [id]))[0];

  /** The unit is one of the actor's villages in the cycle, or a CVD or unit above one of them. */
  async function checkUnit(q: Queryable, actor: Actor, cycleId: string, unitId: string) {
    const [cycle] = await q.query<{ status: string }>('select status from dcc_cycles where id = $1', [
      cycleId,
    ]);
    if (!cycle) throw new AppError('not_found');
    if (cycle.status !== 'active') throw new AppError('dcc_cycle_status');
    const [held] = await q.query(
      `select 1 from dcc_assignments a join geo_units v on v.id = a.village_id
        where a.cycle_id = $1 and a.facilitator_id = $2 and a.active
          and (strpos(v.path, '/' || $3::text || '/') > 0
               or exists (select 1 from village_group_members m where m.group_id = $3::uuid and m.village_id = a.village_id))
        limit 1`,
      [cycleId, actor.id, unitId],
    );
    if (!held) throw new AppError('dcc_unit_not_assigned');
  }

  async function checkTask(q: Queryable, cycleId: string, taskId: string | null | undefined) {
    if (!taskId) return;
    const [task] = await q.query('select 1 from dcc_tasks where id = $1 and cycle_id = $2', [
      taskId,
      cycleId,
    ]);
    if (!task) throw validationError([{ path: 'taskId', message: 'not a task of this cycle' }]);
  }

  /** The actor's own plan at `baseVersion` (locked), else not_found / forbidden / version_conflict. */
  async function own(q: Queryable, actor: Actor, id: string, baseVersion: number | undefined) {
    const [row] = await q.query<{
      facilitatorId: string;
      cycleId: string;
      version: number;
      taskId: string | null;
      title: string | null;
    }>(
      `select facilitator_id as "facilitatorId", cycle_id as "cycleId", version, task_id as "taskId", title
         from dcc_plans where id = $1 for update`,
      [id],
    );
    if (!row) throw new AppError('not_found');
    if (row.facilitatorId !== actor.id) throw new AppError('forbidden');
    if (baseVersion !== undefined && baseVersion !== row.version) throw new AppError('version_conflict');
    return row;
  }

  /** Runs `fn` with hooks: the caller's (a sync mutation's transaction) or this service's own transaction. */
  async function inTx<T>(
    hooks: TxHooks | undefined,
    fn: (q: Queryable, h: TxHooks) => Promise<T>,
  ): Promise<T> {
    if (hooks) return fn(db, hooks);
    const commits: Array<() => Promise<void>> = [];
    const rollbacks: Array<() => Promise<void>> = [];
    const own: TxHooks = { afterCommit: (f) => commits.push(f), onRollback: (f) => rollbacks.push(f) };
    try {
      const result = await db.transaction((tx) => fn(tx, own));
      for (const f of commits) await f().catch(() => {});
      return result;
    } catch (error) {
      for (const f of rollbacks) await f().catch(() => {});
      throw error;
    }
  }

  async function applyUpdate(
    q: Queryable,
    actor: Actor,
    id: string,
    changes: PlanUpdate,
    baseVersion?: number,
  ) {
    const row = await own(q, actor, id, baseVersion);
    await checkTask(q, row.cycleId, changes.taskId);
    const taskId = 'taskId' in changes ? (changes.taskId ?? null) : row.taskId;
    const title = 'title' in changes ? (changes.title ?? null) : row.title;
    if (!taskId && !title) throw validationError([{ path: 'title', message: 'taskId or title' }]);
    await q.query(
      `update dcc_plans set planned_on = coalesce($2::date, planned_on), task_id = $3, title = $4,
          version = version + 1, updated_at = now()
        where id = $1`,
      [id, changes.plannedOn ?? null, taskId, title],
    );
  }

  async function applyRecord(
    q: Queryable,
    h: TxHooks,
    actor: Actor,
    id: string,
    input: PlanRecord,
    baseVersion: number | undefined,
  ) {
    await own(q, actor, id, baseVersion);
    const photo = input.photoUploadId;
    if (photo) {
      const { upload, content } = await uploads.takeComplete(q, actor, photo);
      if (upload.kind !== 'image') throw new AppError('unsupported_media_type');
      const key = planPhotoKey(id, upload.id);
      await files.put(key, content());
      h.onRollback(() => files.remove(key));
      await uploads.consume(q, upload.id);
      h.afterCommit(() => uploads.removeBytes(upload.id));
    }
    await q.query(
      `update dcc_plans set outcome = $2, comment = $3,
          photo_upload_id = case when $4 then $5::uuid else photo_upload_id end,
          version = version + 1, updated_at = now()
        where id = $1`,
      [id, input.outcome, input.comment ?? null, photo !== undefined, photo ?? null],
    );
  }

  return {
    get: (id: string) => one(db, id),

    /** The caller's plans (or, for dcc.review, a facilitator's within the caller's jurisdiction). */
    async list(actor: Actor, query: PlanListQuery): Promise<PlanRow[]> {
      const other = query.facilitatorId && query.facilitatorId !== actor.id;
      if (other && !hasPermission(actor, 'dcc.review')) throw new AppError('forbidden');
      const params: unknown[] = [query.facilitatorId ?? actor.id];
      const where = ['p.facilitator_id = $1'];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (query.from) add('p.planned_on >= ?::date', query.from);
      if (query.to) add('p.planned_on <= ?::date', query.to);
      if (query.cycleId) add('p.cycle_id = ?', query.cycleId);
      if (other) {
        add(
          `coalesce(g.path, (select c.path from geo_units c where c.id = vg.canton_id)) like any(?::text[])`,
          actor.jurisdictions.map((j) => `${j.path}%`),
        );
      }
      return db.query<PlanRow>(`${SELECT} where ${where.join(' and ')} order by p.planned_on, p.id`, params);
    },

    async create(actor: Actor, input: PlanCreateRequest): Promise<PlanRow> {
      if (!hasPermission(actor, 'dcc.fill')) throw new AppError('forbidden');
      const id = input.id ?? randomUUID();
      return inTx(undefined, async (q) => {
        await checkUnit(q, actor, input.cycleId, input.unitId);
        await checkTask(q, input.cycleId, input.taskId);
        const inserted = await q.query(
          `insert into dcc_plans (id, cycle_id, facilitator_id, unit_id, task_id, title, planned_on)
           values ($1, $2, $3, $4, $5, $6, $7::date) on conflict (id) do nothing returning id`,
          [
            id,
            input.cycleId,
            actor.id,
            input.unitId,
            input.taskId ?? null,
            input.title ?? null,
            input.plannedOn,
          ],
        );
        if (inserted.length === 0) throw new AppError('conflict');
        return (await one(q, id))!;
      });
    },

    update(actor: Actor, id: string, changes: PlanUpdate, baseVersion: number | undefined) {
      if (!hasPermission(actor, 'dcc.fill')) throw new AppError('forbidden');
      return inTx(undefined, async (q) => {
        await applyUpdate(q, actor, id, changes, baseVersion);
        return (await one(q, id))!;
      });
    },

    /** The outcome; a photo is a completed upload of the caller (an image), moved to the file store. */
    record(actor: Actor, id: string, input: PlanRecord, baseVersion: number | undefined, hooks?: TxHooks) {
      if (!hasPermission(actor, 'dcc.fill')) throw new AppError('forbidden');
      return inTx(hooks, async (q, h) => {
        await applyRecord(q, h, actor, id, input, baseVersion);
        return (await one(q, id))!;
      });
    },

    /** PATCH: changes and/or an outcome, in one transaction, checked against one version. */
    patch(
      actor: Actor,
      id: string,
      changes: PlanUpdate,
      outcome: PlanRecord | undefined,
      baseVersion: number,
    ) {
      if (!hasPermission(actor, 'dcc.fill')) throw new AppError('forbidden');
      if (Object.keys(changes).length === 0 && !outcome) {
        throw validationError([{ path: 'outcome', message: 'nothing to change' }]);
      }
      return inTx(undefined, async (q, h) => {
        let version: number | undefined = baseVersion;
        if (Object.keys(changes).length > 0) {
          await applyUpdate(q, actor, id, changes, version);
          version = undefined;
        }
        if (outcome) await applyRecord(q, h, actor, id, outcome, version);
        return (await one(q, id))!;
      });
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
