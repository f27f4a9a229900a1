import type { CycleStatus, CycleTemplate, Material, TemplateTask, UpdateTaskInput } from '@coso/domain';
import type { RequestContext } from '../../../context.js';
import type { Db } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import { generateInstances } from '../instances/generate.js';
import { claimMaterials, releaseMaterials } from './materials.js';
import { readTemplate } from './repo.js';

const TASK_COLUMNS = /* sql */ `
  t.id, t.position as "order", t.code, t.name, t.level, t.shared, t.form_id as "formId",
  t.prerequisites::text[] as prerequisites, t.attachment_slots as "attachmentSlots", t.materials, t.instructions`;

/** Whether `start`'s prerequisites lead back to it, following `edges` (task id → its prerequisites). */
function loopsBack(start: string, edges: Map<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === start) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  return false;
}

/** A cycle's own template: read it whole, edit one task (the one writer of dcc_tasks after creation). */
export function createDccTemplateService(deps: { db: Db; uploads: UploadService; files: FileStore }) {
  const { db } = deps;
  return {
    async get(cycleId: string): Promise<CycleTemplate> {
      const [cycle] = await db.query('select 1 from dcc_cycles where id = $1', [cycleId]);
      if (!cycle) throw new AppError('not_found');
      return readTemplate(db, cycleId);
    },

    /**
     * Name, instructions and level only while the cycle is a draft (409 dcc_task_locked after: its instances
     * were made for that level and its results name the task); nothing of a closed cycle. Prerequisites are
     * other tasks of the same cycle and may not loop; a form must be published. On an active cycle, any
     * instance this task lacks is created. Material uploads are claimed (materials.ts): `hooks` removes the
     * stored copies if the edit fails, and the uploads' bytes (and dropped files) once it committed.
     */
    async updateTask(
      ctx: RequestContext,
      taskId: string,
      input: UpdateTaskInput,
      hooks: FileHooks,
    ): Promise<TemplateTask> {
      return db.transaction(async (tx) => {
        const [task] = await tx.query<{ cycleId: string; status: CycleStatus; materials: Material[] }>(
          `select t.cycle_id as "cycleId", c.status, t.materials
             from dcc_tasks t join dcc_cycles c on c.id = t.cycle_id
            where t.id = $1 for update of t`,
          [taskId],
        );
        if (!task) throw new AppError('not_found');
        if (task.status === 'closed') throw new AppError('dcc_cycle_status', { from: 'closed' });
        const locked = (['name', 'instructions', 'level'] as const).filter((k) => input[k] !== undefined);
        if (task.status !== 'draft' && locked.length > 0)
          throw new AppError('dcc_task_locked', { fields: locked });
        if (input.prerequisites) {
          const wanted = [...new Set(input.prerequisites)];
          const rows = await tx.query<{ id: string; prerequisites: string[] }>(
            'select id, prerequisites::text[] as prerequisites from dcc_tasks where cycle_id = $1',
            [task.cycleId],
          );
          const edges = new Map(rows.map((r) => [r.id, r.prerequisites]));
          if (wanted.some((id) => id === taskId || !edges.has(id)))
            throw new AppError('dcc_prerequisite_invalid');
          edges.set(taskId, wanted);
          if (loopsBack(taskId, edges)) throw new AppError('dcc_prerequisite_invalid', { loop: true });
          input = { ...input, prerequisites: wanted };
        }
        if (input.formId) {
          const [form] = await tx.query('select 1 from forms where form_id = $1 limit 1', [input.formId]);
          if (!form) throw new AppError('dcc_form_unknown');
        }
        let materials: Material[] | undefined;
        if (input.materials) {
          if (!ctx.actor) throw new AppError('unauthenticated');
          materials = await claimMaterials(tx, deps, ctx.actor, task.materials, input.materials, hooks);
        }
        await tx.query(
          `update dcc_tasks set
             name = coalesce($2, name), instructions = coalesce($3, instructions), level = coalesce($4, level),
             shared = coalesce($5, shared),
             form_id = case when $6::boolean then $7 else form_id end,
             prerequisites = coalesce($8::uuid[], prerequisites),
             attachment_slots = coalesce($9::jsonb, attachment_slots), materials = coalesce($10::jsonb, materials)
           where id = $1`,
          [
            taskId,
            input.name ?? null,
            input.instructions ?? null,
            input.level ?? null,
            input.shared ?? null,
            input.formId !== undefined,
            input.formId ?? null,
            input.prerequisites ?? null,
            input.attachmentSlots ? JSON.stringify(input.attachmentSlots) : null,
            materials ? JSON.stringify(materials) : null,
          ],
        );
        if (materials) await releaseMaterials(tx, deps, task.materials, materials, hooks);
        if (task.status === 'active') await generateInstances(tx, task.cycleId, [taskId]);
        await appendAudit(tx, {
          actorId: ctx.actor?.id ?? null,
          entity: 'dcc_task',
          entityId: taskId,
          action: 'update',
          changes: materials ? { ...input, materials } : input,
          ip: ctx.ip,
        });
        const [updated] = await tx.query<TemplateTask>(
          `select ${TASK_COLUMNS} from dcc_tasks t where t.id = $1`,
          [taskId],
        );
        return updated!;
      });
    },
  };
}

export type DccTemplateService = ReturnType<typeof createDccTemplateService>;
