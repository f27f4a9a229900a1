import type { Actor, VillageFile, VillageFileQuery } from '@coso/domain';
import { z } from 'zod';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { decodeCursor, page } from '../../../http/cursor.js';
import { jurisdictionScope, readsByArea, taskScope } from '../scope.js';

/**
 * A village's full file (issue #15 "Progress", docs/api.md "DCC › Village file"), across cycles. Which
 * instances concern the village is the sync's rule (migration 0025, dcc_village_instances: its own, its CVD's,
 * those of the units on its path); which of them the caller sees is the DCC rule (../scope.ts). The village
 * itself is visible to whoever sees one of its own instances, and to an area reader whose jurisdiction holds it
 * (a village without instances yet); anyone else gets 404, as for an instance.
 */

const person = (id: string, name: string) =>
  `case when ${id} is null then null else json_build_object('id', ${id}, 'displayName', ${name}) end`;

const cursorSchema = z.object({ id: z.string().regex(/^\d{1,19}$/) });

interface VillageRow {
  id: string;
  name: string;
  path: string;
}

async function findVisibleVillage(q: Queryable, actor: Actor, id: string): Promise<VillageRow> {
  const c = new Conditions();
  const village = c.param(id);
  const own = c.text(taskScope(actor));
  const area = readsByArea(actor) ? c.text(jurisdictionScope(actor, 'g')) : 'false';
  const [row] = await q.query<VillageRow & { visible: boolean }>(
    `select v.id, v.name, v.path,
            exists (select 1 from dcc_task_instances ti where ti.unit_id = v.id and ${own})
            or exists (select 1 from (select v.path as scope_path) g where ${area}) as visible
       from geo_units v where v.id = ${village} and v.level = 'village'`,
    c.params,
  );
  if (!row?.visible) throw new AppError('not_found');
  return row;
}

/** The instances of every cycle that concern the village and that the actor sees, newest cycle first. */
async function visibleTasks(q: Queryable, actor: Actor, villageId: string) {
  const c = new Conditions();
  const village = c.param(villageId);
  c.add(c.text(taskScope(actor)));
  return q.query<Omit<VillageFile['cycles'][number]['tasks'][number], 'files'> & { cycleId: string }>(
    `select ti.id, ti.cycle_id as "cycleId", ti.task_id as "taskId", t.code as "taskCode", t.name as "taskName",
            t.level, ph.name as "phaseName", a.name as "activityName", ti.unit_id as "unitId",
            ti.unit_kind as "unitKind", coalesce(g.name, vg.name) as "unitName", ti.status, ti.version,
            case when jsonb_typeof(ti.answers) = 'object'
                 then (select count(*)::int from jsonb_object_keys(ti.answers)) else 0 end as "answerCount",
            ti.updated_at as "updatedAt", ti.submitted_at as "submittedAt",
            ${person('ti.submitted_by', 'su.display_name')} as "submittedBy",
            ti.reviewed_at as "reviewedAt", ${person('ti.reviewed_by', 'ru.display_name')} as "reviewedBy"
       from dcc_cycles cy
       cross join lateral dcc_village_instances(cy.id, ${village}) vi(id)
       join dcc_task_instances ti on ti.id = vi.id
       join dcc_tasks t on t.id = ti.task_id
       join dcc_activities a on a.id = t.activity_id
       join dcc_phases ph on ph.id = a.phase_id
       left join geo_units g on ti.unit_kind = 'geo' and g.id = ti.unit_id
       left join village_groups vg on ti.unit_kind = 'cvd' and vg.id = ti.unit_id
       left join users su on su.id = ti.submitted_by
       left join users ru on ru.id = ti.reviewed_by
      ${c.where}
      order by cy.year desc, cy.starts_on desc, cy.id, ph.position, a.position, t.position`,
    c.params,
  );
}

export async function villageFile(
  q: Queryable,
  actor: Actor,
  id: string,
  query: VillageFileQuery,
): Promise<VillageFile> {
  const village = await findVisibleVillage(q, actor, id);
  const after = decodeCursor(query.cursor, cursorSchema);
  const ancestors = village.path.split('/').filter(Boolean).slice(0, -1);
  const path = await q.query<{ id: string; name: string; level: string }>(
    `select g.id, g.name, g.level from geo_units g where g.id = any($1::uuid[]) and g.level <> 'country'
      order by length(g.path)`,
    [ancestors],
  );
  const [cvd] = await q.query<{ id: string; name: string }>(
    `select vg.id, vg.name from village_group_members m join village_groups vg on vg.id = m.group_id
      where m.village_id = $1 and m.kind = 'cvd' order by vg.name limit 1`,
    [id],
  );
  const tasks = await visibleTasks(q, actor, id);
  const ids = tasks.map((t) => t.id);
  const cycleIds = [...new Set(tasks.map((t) => t.cycleId))];
  const files = await q.query<
    VillageFile['cycles'][number]['tasks'][number]['files'][number] & { instanceId: string }
  >(
    `select f.instance_id as "instanceId", f.slot, f.upload_id as "uploadId", f.kind, f.filename,
            f.size_bytes::int as "sizeBytes", ${person('f.added_by', 'u.display_name')} as "addedBy",
            f.added_at as "addedAt",
            '/api/v1/dcc/task-instances/' || f.instance_id || '/files/' || f.upload_id as url
       from dcc_task_files f left join users u on u.id = f.added_by
      where f.instance_id = any($1::uuid[]) order by f.added_at, f.upload_id`,
    [ids],
  );
  const cycles = await q.query<Omit<VillageFile['cycles'][number], 'assignments' | 'tasks'>>(
    `select id, name, year, status from dcc_cycles where id = any($1::uuid[])
      order by year desc, starts_on desc, id`,
    [cycleIds],
  );
  const assignments = await q.query<
    VillageFile['cycles'][number]['assignments'][number] & { cycleId: string }
  >(
    `select s.id, s.cycle_id as "cycleId", json_build_object('id', s.facilitator_id, 'displayName', u.display_name)
            as facilitator, s.active, s.assigned_at as "assignedAt", s.ended_at as "endedAt"
       from dcc_assignments s join users u on u.id = s.facilitator_id
      where s.village_id = $1 and s.cycle_id = any($2::uuid[]) order by s.assigned_at desc, s.id`,
    [id, cycleIds],
  );
  const events = await q.query<VillageFile['timeline']['items'][number]>(
    `select e.id::text as id, e.kind, e.version, ${person('e.actor_id', 'u.display_name')} as actor, e.comment,
            e.at, e.instance_id as "instanceId", ti.cycle_id as "cycleId", t.code as "taskCode",
            t.name as "taskName"
       from dcc_task_events e join dcc_task_instances ti on ti.id = e.instance_id
       join dcc_tasks t on t.id = ti.task_id left join users u on u.id = e.actor_id
      where e.instance_id = any($1::uuid[]) and ($2::bigint is null or e.id < $2::bigint)
      order by e.id desc limit $3`,
    [ids, after?.id ?? null, query.limit + 1],
  );
  return {
    village: { id: village.id, name: village.name, path, cvd: cvd ?? null },
    cycles: cycles.map((cycle) => ({
      ...cycle,
      assignments: assignments.filter((s) => s.cycleId === cycle.id),
      tasks: tasks
        .filter((t) => t.cycleId === cycle.id)
        .map((t) => ({ ...t, files: files.filter((f) => f.instanceId === t.id) })),
    })),
    timeline: page(events, query.limit, (e) => ({ id: e.id })),
  };
}
