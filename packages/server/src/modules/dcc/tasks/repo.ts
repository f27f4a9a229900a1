import type { AttachmentSlot, FormAnswers, TaskStatus } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import type { Fragment } from '../../../platform/visibility/sql.js';

/** SQL of task instances (dcc_task_instances and their files and events): the service is its only writer. */

export interface InstanceRow {
  id: string;
  cycleId: string;
  taskId: string;
  unitId: string;
  unitKind: 'geo' | 'cvd';
  scopePath: string;
  status: TaskStatus;
  version: number;
  formVersionId: string | null;
  answers: FormAnswers | null;
  submittedBy: string | null;
  taskCode: string;
  taskFormId: string | null;
  prerequisites: string[];
  attachmentSlots: AttachmentSlot[];
}

/** Numbers `?` placeholders from `$start` on (db/conditions.ts does the same for lists). */
function numbered(fragment: Fragment, start: number): string {
  let n = start;
  return fragment.sql.replace(/\?/g, () => `$${n++}`);
}

/** The instance locked for update when the caller's `scope` covers it; undefined otherwise (404 to the caller). */
export async function lockInScope(
  q: Queryable,
  id: string,
  scope: Fragment,
): Promise<InstanceRow | undefined> {
  const [row] = await q.query<InstanceRow>(
    `select ti.id, ti.cycle_id as "cycleId", ti.task_id as "taskId", ti.unit_id as "unitId",
            ti.unit_kind as "unitKind", ti.scope_path as "scopePath", ti.status, ti.version,
            ti.form_version_id as "formVersionId", ti.answers, ti.submitted_by as "submittedBy",
            t.code as "taskCode", t.form_id as "taskFormId", t.prerequisites::text[] as prerequisites,
            t.attachment_slots as "attachmentSlots"
       from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
      where ti.id = $1 and ${numbered(scope, 2)}
      for update of ti`,
    [id, ...scope.params],
  );
  return row;
}

export async function exists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('select 1 from dcc_task_instances where id = $1', [id])).length > 0;
}

export interface InstanceChange {
  status: TaskStatus;
  answers?: FormAnswers | null;
  formVersionId?: string | null;
  returnComment?: string | null;
  submitted?: boolean;
  reviewed?: boolean;
}

/** Writes an accepted action: the new status (and answers), version + 1, who and when. */
export async function applyChange(
  q: Queryable,
  id: string,
  actorId: string,
  at: Date,
  change: InstanceChange,
): Promise<number> {
  const [row] = await q.query<{ version: number }>(
    `update dcc_task_instances set
        status = $3,
        answers = case when $4::boolean then $5::jsonb else answers end,
        form_version_id = case when $6::boolean then $7::uuid else form_version_id end,
        return_comment = case when $8::boolean then $9 else return_comment end,
        submitted_by = case when $10::boolean then $2 else submitted_by end,
        submitted_at = case when $10::boolean then $11 else submitted_at end,
        reviewed_by = case when $12::boolean then $2 else reviewed_by end,
        reviewed_at = case when $12::boolean then $11 else reviewed_at end,
        updated_by = $2, updated_at = $11, version = version + 1
      where id = $1 returning version`,
    [
      id,
      actorId,
      change.status,
      change.answers !== undefined,
      change.answers === undefined ? null : JSON.stringify(change.answers),
      change.formVersionId !== undefined,
      change.formVersionId ?? null,
      change.returnComment !== undefined,
      change.returnComment ?? null,
      change.submitted ?? false,
      at,
      change.reviewed ?? false,
    ],
  );
  return row!.version;
}

/** Stamps the instance as changed (a file added) without a new version: the sync feed sees it again. */
export async function touch(q: Queryable, id: string, actorId: string, at: Date) {
  await q.query('update dcc_task_instances set updated_by = $2, updated_at = $3 where id = $1', [
    id,
    actorId,
    at,
  ]);
}

export async function insertEvent(
  q: Queryable,
  e: {
    instanceId: string;
    kind: string;
    version: number;
    actorId: string;
    comment?: string | null;
    at: Date;
  },
) {
  await q.query(
    `insert into dcc_task_events (instance_id, kind, version, actor_id, comment, at)
     values ($1, $2, $3, $4, $5, $6)`,
    [e.instanceId, e.kind, e.version, e.actorId, e.comment ?? null, e.at],
  );
}

export async function insertFile(
  q: Queryable,
  f: {
    instanceId: string;
    slot: string;
    uploadId: string;
    storageKey: string;
    kind: string | null;
    filename: string | null;
    sizeBytes: number;
    addedBy: string;
    at: Date;
  },
) {
  await q.query(
    `insert into dcc_task_files
       (instance_id, slot, upload_id, storage_key, kind, filename, size_bytes, added_by, added_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [f.instanceId, f.slot, f.uploadId, f.storageKey, f.kind, f.filename, f.sizeBytes, f.addedBy, f.at],
  );
}

/** The files of the instance in one slot (`slot`), with where their bytes are. */
export async function filesInSlot(q: Queryable, instanceId: string, slot: string) {
  return q.query<{ uploadId: string; storageKey: string }>(
    `select upload_id as "uploadId", storage_key as "storageKey" from dcc_task_files
      where instance_id = $1 and slot = $2`,
    [instanceId, slot],
  );
}

export async function deleteFile(q: Queryable, instanceId: string, uploadId: string) {
  await q.query('delete from dcc_task_files where instance_id = $1 and upload_id = $2', [
    instanceId,
    uploadId,
  ]);
}

/** The slots holding at least one file. */
export async function filledSlots(q: Queryable, instanceId: string): Promise<Set<string>> {
  const rows = await q.query<{ slot: string }>(
    'select distinct slot from dcc_task_files where instance_id = $1',
    [instanceId],
  );
  return new Set(rows.map((r) => r.slot));
}

/** A form version's id, form_id and definition. */
export async function findFormVersion(q: Queryable, id: string) {
  const [row] = await q.query<{ id: string; formId: string; definition: unknown }>(
    'select id, form_id as "formId", definition from forms where id = $1',
    [id],
  );
  return row;
}

/** The latest published version of an XLSForm form_id. */
export async function latestFormVersion(q: Queryable, formId: string) {
  const [row] = await q.query<{ id: string }>(
    'select id from forms where form_id = $1 order by created_at desc, id desc limit 1',
    [formId],
  );
  return row?.id;
}

/**
 * The prerequisite tasks not yet done (submitted or validated) for this instance's unit: a prerequisite's
 * instances related to the unit — the same unit, one containing it (its CVD, canton, commune) or one it contains
 * (its villages, for a CVD- or canton-level task) — must all be done, and at least one must exist.
 */
export async function missingPrerequisites(q: Queryable, i: InstanceRow) {
  if (i.prerequisites.length === 0) return [];
  const related = `p.task_id = t.id and p.cycle_id = $2 and (
      p.unit_id = $3
      or ($4::text = 'geo' and p.unit_kind = 'geo' and (p.scope_path like $5::text || '%' or $5::text like p.scope_path || '%'))
      or ($4::text = 'geo' and p.unit_kind = 'cvd' and (p.scope_path like $5::text || '%' or exists (
            select 1 from village_group_members m where m.group_id = p.unit_id and m.village_id = $3 and m.kind = 'cvd')))
      or ($4::text = 'cvd' and p.unit_kind = 'geo' and ($5::text like p.scope_path || '%' or exists (
            select 1 from village_group_members m where m.group_id = $3 and m.village_id = p.unit_id and m.kind = 'cvd'))))`;
  return q.query<{ taskId: string; code: string; name: string }>(
    `select t.id as "taskId", t.code, t.name from dcc_tasks t
      where t.id = any($1::uuid[])
        and (not exists (select 1 from dcc_task_instances p where ${related})
             or exists (select 1 from dcc_task_instances p where ${related}
                         and p.status not in ('submitted', 'validated')))
      order by t.code`,
    [i.prerequisites, i.cycleId, i.unitId, i.unitKind, i.scopePath],
  );
}

/** What a notification about the instance carries: codes and names of places, never a person's. */
export async function notificationFacts(q: Queryable, id: string) {
  const [row] = await q.query<{ taskCode: string; taskName: string; unitName: string | null; cycle: string }>(
    `select t.code as "taskCode", t.name as "taskName", c.name as cycle,
            coalesce(g.name, vg.name) as "unitName"
       from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id join dcc_cycles c on c.id = ti.cycle_id
       left join geo_units g on ti.unit_kind = 'geo' and g.id = ti.unit_id
       left join village_groups vg on ti.unit_kind = 'cvd' and vg.id = ti.unit_id
      where ti.id = $1`,
    [id],
  );
  return row!;
}
