import {
  type Actor,
  hasPermission,
  isEditable,
  type TaskInstanceDetail,
  type TaskInstanceListQuery,
  type TaskInstancePage,
  taskActionsFrom,
} from '@coso/domain';
import { z } from 'zod';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { assignmentScope, fillScope, reviewScope, taskScope } from '../scope.js';

/**
 * Reads of task instances for the API: the scoped list (the review queue when status=submitted, oldest first)
 * and one instance with its task, files, history and the unit's earlier results of the same task.
 */

const person = (id: string, name: string) =>
  `case when ${id} is null then null else json_build_object('id', ${id}, 'displayName', ${name}) end`;

/**
 * The columns of a list row over `ti` (instance), `t` (task), `a` (activity), `ph` (phase), `fv` (form). The
 * facilitator is the village's assigned one; a CVD's, canton's or commune's instance has none: its submitter.
 */
const ITEM_COLUMNS = `
  ti.id, ti.cycle_id as "cycleId", ti.task_id as "taskId", t.code as "taskCode", t.name as "taskName",
  t.level, ph.id as "phaseId", ph.name as "phaseName", a.name as "activityName",
  ti.unit_id as "unitId", ti.unit_kind as "unitKind",
  case ti.unit_kind when 'cvd' then (select vg.name from village_groups vg where vg.id = ti.unit_id)
                    else (select g.name from geo_units g where g.id = ti.unit_id) end as "unitName",
  ti.status, ti.version, ti.form_version_id as "formVersionId", fv.version as "formVersion",
  ti.updated_at as "updatedAt", ti.submitted_at as "submittedAt",
  ${person('ti.submitted_by', '(select u.display_name from users u where u.id = ti.submitted_by)')} as "submittedBy",
  coalesce((select json_build_object('id', fu.id, 'displayName', fu.display_name)
              from dcc_assignments fa join users fu on fu.id = fa.facilitator_id
             where ti.unit_kind = 'geo' and fa.village_id = ti.unit_id and fa.cycle_id = ti.cycle_id and fa.active),
           ${person('ti.submitted_by', '(select u.display_name from users u where u.id = ti.submitted_by)')}) as facilitator`;

const FROM = `
  from dcc_task_instances ti
  join dcc_tasks t on t.id = ti.task_id
  join dcc_activities a on a.id = t.activity_id
  join dcc_phases ph on ph.id = a.phase_id
  left join forms fv on fv.id = ti.form_version_id`;

/** Keyset cursor: base64url JSON of the last row's id, and its submitted_at in the review queue. */
const cursorSchema = z.object({ id: z.uuid(), at: z.iso.datetime({ offset: true }).optional() });

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {}
  throw new AppError('invalid_cursor');
}

const encodeCursor = (value: { id: string; at?: string }) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export async function listInstances(q: Queryable, actor: Actor, query: TaskInstanceListQuery) {
  const c = new Conditions();
  c.add(c.text(taskScope(actor)));
  if (query.cycleId) c.add('ti.cycle_id = ?', query.cycleId);
  if (query.unitId) c.add('ti.unit_id = ?', query.unitId);
  if (query.status) c.add('ti.status = ?', query.status);
  if (query.taskId) c.add('ti.task_id = ?', query.taskId);
  if (query.phaseId) c.add('ph.id = ?', query.phaseId);
  if (query.areaId)
    c.add("ti.scope_path like (select g.path from geo_units g where g.id = ?) || '%'", query.areaId);
  if (query.facilitatorId) c.add(c.text(assignmentScope(query.facilitatorId)));
  if (query.submittedBefore) c.add('ti.submitted_at <= ?', query.submittedBefore);
  // The review queue reads oldest submissions first; any other list goes by id (stable, indexed).
  const queue = query.status === 'submitted';
  const after = decodeCursor(query.cursor);
  if (after && queue) {
    if (!after.at) throw new AppError('invalid_cursor');
    c.add('(ti.submitted_at, ti.id) > (?::timestamptz, ?::uuid)', after.at, after.id);
  } else if (after) c.add('ti.id > ?::uuid', after.id);
  const limit = c.param(query.limit + 1);
  const rows = await q.query<TaskInstancePage['items'][number]>(
    `select ${ITEM_COLUMNS} ${FROM} ${c.where}
      order by ${queue ? 'ti.submitted_at, ti.id' : 'ti.id'} limit ${limit}`,
    c.params,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(queue ? { id: last.id, at: iso(last.submittedAt) } : { id: last.id })
        : null,
  };
}

/** Whether `scope` covers the instance (used for the actions the caller may take). */
async function covers(q: Queryable, id: string, scope: { sql: string; params: unknown[] }) {
  const c = new Conditions().add('ti.id = ?', id);
  c.add(c.text(scope));
  return (await q.query(`select 1 from dcc_task_instances ti ${c.where}`, c.params)).length > 0;
}

export async function getInstance(q: Queryable, actor: Actor, id: string): Promise<TaskInstanceDetail> {
  const c = new Conditions().add('ti.id = ?', id);
  c.add(c.text(taskScope(actor)));
  const [row] = await q.query<Record<string, unknown> & { status: TaskInstanceDetail['status'] }>(
    `select ${ITEM_COLUMNS}, ti.answers, ti.return_comment as "returnComment",
            ${person('ti.updated_by', '(select u.display_name from users u where u.id = ti.updated_by)')} as "updatedBy",
            ti.reviewed_at as "reviewedAt",
            ${person('ti.reviewed_by', '(select u.display_name from users u where u.id = ti.reviewed_by)')} as "reviewedBy",
            json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'instructions', t.instructions,
              'level', t.level, 'shared', t.shared, 'formId', t.form_id, 'prerequisites', to_json(t.prerequisites),
              'attachmentSlots', t.attachment_slots, 'materials', t.materials) as task
       ${FROM} ${c.where}`,
    c.params,
  );
  if (!row) throw new AppError('not_found');
  const files = await q.query(
    `select f.slot, f.upload_id as "uploadId", f.kind, f.filename, f.size_bytes::int as "sizeBytes",
            ${person('f.added_by', 'u.display_name')} as "addedBy", f.added_at as "addedAt"
       from dcc_task_files f left join users u on u.id = f.added_by
      where f.instance_id = $1 order by f.added_at, f.upload_id`,
    [id],
  );
  const events = await q.query(
    `select e.id::text as id, e.kind, e.version, ${person('e.actor_id', 'u.display_name')} as actor,
            e.comment, e.at
       from dcc_task_events e left join users u on u.id = e.actor_id
      where e.instance_id = $1 order by e.id`,
    [id],
  );
  // The same unit's results of the task (by its stable code) in the other cycles, newest cycle first.
  const earlier = await q.query(
    `select o.id, o.cycle_id as "cycleId", cy.name as "cycleName", cy.year, o.status,
            o.form_version_id as "formVersionId", o.answers, o.submitted_at as "submittedAt",
            o.reviewed_at as "reviewedAt"
       from dcc_task_instances ti
       join dcc_tasks t on t.id = ti.task_id
       join dcc_task_instances o on o.unit_id = ti.unit_id and o.cycle_id <> ti.cycle_id
       join dcc_tasks ot on ot.id = o.task_id and ot.code = t.code
       join dcc_cycles cy on cy.id = o.cycle_id
      where ti.id = $1 order by cy.year desc, cy.starts_on desc`,
    [id],
  );
  const actions: TaskInstanceDetail['actions'] = [];
  const fills = hasPermission(actor, 'dcc.fill') && (await covers(q, id, fillScope(actor)));
  const reviews = hasPermission(actor, 'dcc.review') && (await covers(q, id, reviewScope(actor)));
  for (const action of taskActionsFrom(row.status)) {
    const byFiller = action === 'save_draft' || action === 'submit';
    if (byFiller ? fills : reviews) actions.push(action);
  }
  if (fills && isEditable(row.status)) actions.push('attach_file');
  return { ...row, files, events, earlier, actions } as never;
}

/** The stored file of an instance the actor sees, by its upload id; 404 otherwise. */
export async function findFile(q: Queryable, actor: Actor, id: string, uploadId: string) {
  const c = new Conditions().add('f.instance_id = ?', id).add('f.upload_id = ?', uploadId);
  c.add(c.text(taskScope(actor)));
  const [row] = await q.query<{ storageKey: string; sizeBytes: string }>(
    `select f.storage_key as "storageKey", f.size_bytes as "sizeBytes"
       from dcc_task_files f join dcc_task_instances ti on ti.id = f.instance_id ${c.where}`,
    c.params,
  );
  if (!row) throw new AppError('not_found');
  return row;
}
