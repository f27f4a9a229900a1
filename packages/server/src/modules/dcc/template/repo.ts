import { randomUUID } from 'node:crypto';
import type { AttachmentSlot, CycleTemplate, Material, TaskLevel, TemplateTask } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

/**
 * A template tree as it is copied into a cycle: the COSO seed (domain data) or another cycle's own copy.
 * Prerequisites name task codes, since the copy gets new ids.
 */
export interface TemplateTaskSource {
  code: string;
  name: string;
  instructions?: string;
  level: TaskLevel;
  shared?: boolean;
  formId?: string | null;
  prerequisites?: readonly string[];
  attachmentSlots?: readonly AttachmentSlot[];
  materials?: readonly Material[];
}
export interface TemplateSource {
  phases: ReadonlyArray<{
    name: string;
    activities: ReadonlyArray<{ name: string; tasks: readonly TemplateTaskSource[] }>;
  }>;
}

/**
 * Writes `source` as the template of `cycleId`, every row with a new id and the prerequisites remapped from
 * codes to the new ids: three INSERTs, whatever the size of the tree. A code named as a prerequisite that no
 * task of the tree has is a bug of the source (the seed's tests check it), not a user error.
 */
export async function insertTemplate(q: Queryable, cycleId: string, source: TemplateSource): Promise<number> {
  const phases: object[] = [];
  const activities: object[] = [];
  const tasks: Array<Record<string, unknown> & { prerequisiteCodes: readonly string[] }> = [];
  const idByCode = new Map<string, string>();
  source.phases.forEach((phase, p) => {
    const phaseId = randomUUID();
    phases.push({ id: phaseId, position: p + 1, name: phase.name });
    phase.activities.forEach((activity, a) => {
      const activityId = randomUUID();
      activities.push({ id: activityId, phase_id: phaseId, position: a + 1, name: activity.name });
      activity.tasks.forEach((task, t) => {
        const id = randomUUID();
        if (idByCode.has(task.code)) throw new Error(`template: task code ${task.code} twice`);
        idByCode.set(task.code, id);
        tasks.push({
          id,
          activity_id: activityId,
          position: t + 1,
          code: task.code,
          name: task.name,
          instructions: task.instructions ?? '',
          level: task.level,
          shared: task.shared ?? false,
          form_id: task.formId ?? null,
          attachment_slots: task.attachmentSlots ?? [],
          materials: task.materials ?? [],
          prerequisiteCodes: task.prerequisites ?? [],
        });
      });
    });
  });
  const taskRows = tasks.map(({ prerequisiteCodes, ...row }) => ({
    ...row,
    prerequisites: prerequisiteCodes.map((code) => {
      const id = idByCode.get(code);
      if (!id) throw new Error(`template: unknown prerequisite ${code}`);
      return id;
    }),
  }));
  await q.query(
    `insert into dcc_phases (id, cycle_id, position, name)
     select x.id, $1, x.position, x.name
       from jsonb_to_recordset($2::jsonb) as x(id uuid, position int, name text)`,
    [cycleId, JSON.stringify(phases)],
  );
  await q.query(
    `insert into dcc_activities (id, phase_id, position, name)
     select x.id, x.phase_id, x.position, x.name
       from jsonb_to_recordset($1::jsonb) as x(id uuid, phase_id uuid, position int, name text)`,
    [JSON.stringify(activities)],
  );
  await q.query(
    `insert into dcc_tasks (id, cycle_id, activity_id, position, code, name, instructions, level, shared,
                            form_id, prerequisites, attachment_slots, materials)
     select x.id, $1, x.activity_id, x.position, x.code, x.name, x.instructions, x.level, x.shared, x.form_id,
            array(select jsonb_array_elements_text(x.prerequisites)::uuid), x.attachment_slots, x.materials
       from jsonb_to_recordset($2::jsonb) as x(id uuid, activity_id uuid, position int, code text, name text,
            instructions text, level text, shared boolean, form_id text, prerequisites jsonb,
            attachment_slots jsonb, materials jsonb)`,
    [cycleId, JSON.stringify(taskRows)],
  );
  return taskRows.length;
}

/** A cycle's template tree, ordered; empty phases and activities included. */
export async function readTemplate(q: Queryable, cycleId: string): Promise<CycleTemplate> {
  const [phases, activities, tasks] = await Promise.all([
    q.query<{ id: string; order: number; name: string }>(
      'select id, position as "order", name from dcc_phases where cycle_id = $1 order by position',
      [cycleId],
    ),
    q.query<{ id: string; phaseId: string; order: number; name: string }>(
      `select a.id, a.phase_id as "phaseId", a.position as "order", a.name
         from dcc_activities a join dcc_phases p on p.id = a.phase_id
        where p.cycle_id = $1 order by a.position`,
      [cycleId],
    ),
    q.query<TemplateTask & { activityId: string }>(
      `select id, activity_id as "activityId", position as "order", code, name, level, shared,
              form_id as "formId", prerequisites::text[] as prerequisites,
              attachment_slots as "attachmentSlots", materials, instructions
         from dcc_tasks where cycle_id = $1 order by position`,
      [cycleId],
    ),
  ]);
  return {
    phases: phases.map((phase) => ({
      ...phase,
      activities: activities
        .filter((a) => a.phaseId === phase.id)
        .map(({ phaseId: _, ...activity }) => ({
          ...activity,
          tasks: tasks.filter((t) => t.activityId === activity.id).map(({ activityId: __, ...task }) => task),
        })),
    })),
  };
}

/** A cycle's tree as a source for another cycle: prerequisites by code. */
export function templateAsSource(template: CycleTemplate): TemplateSource {
  const codeById = new Map<string, string>();
  for (const p of template.phases)
    for (const a of p.activities) for (const t of a.tasks) codeById.set(t.id, t.code);
  return {
    phases: template.phases.map((p) => ({
      name: p.name,
      activities: p.activities.map((a) => ({
        name: a.name,
        tasks: a.tasks.map((t) => ({
          ...t,
          prerequisites: t.prerequisites.flatMap((id) => codeById.get(id) ?? []),
        })),
      })),
    })),
  };
}
