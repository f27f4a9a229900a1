import { type AttachmentSlot, attachmentSlotSchema } from '@coso/domain';
import type { CycleTemplate, TaskPatch, TemplateTask } from './dcc-api';

/** The template with one task replaced by what the server answered (its place in the tree unchanged). */
export function replaceTask(template: CycleTemplate, task: TemplateTask): CycleTemplate {
  return {
    phases: template.phases.map((p) => ({
      ...p,
      activities: p.activities.map((a) => ({
        ...a,
        tasks: a.tasks.map((x) => (x.id === task.id ? { ...x, ...task } : x)),
      })),
    })),
  };
}

export type SlotProblem = { index: number; field: 'key' | 'label'; problem: 'invalid' | 'duplicate' };

/** Slot rows the server would refuse: a key that is not snake_case, a key used twice, an empty label. */
export function slotProblems(slots: readonly AttachmentSlot[]): SlotProblem[] {
  const problems: SlotProblem[] = [];
  const seen = new Set<string>();
  slots.forEach((slot, index) => {
    const parsed = attachmentSlotSchema.safeParse(slot);
    const bad = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
    if (bad.has('key')) problems.push({ index, field: 'key', problem: 'invalid' });
    else if (seen.has(slot.key)) problems.push({ index, field: 'key', problem: 'duplicate' });
    if (bad.has('label')) problems.push({ index, field: 'label', problem: 'invalid' });
    seen.add(slot.key);
  });
  return problems;
}

/** A slot key from its label ("Procès-verbal (PV)" → "proces_verbal_pv"), for a new row. */
export function slotKey(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[0-9_]+/, '')
    .slice(0, 60);
  return key || 'piece';
}

/** Only what changed, so an edit of an active cycle never resends fields it may no longer change. */
export function taskPatch(before: TemplateTask, after: TemplateTask, draft: boolean): TaskPatch {
  const patch: TaskPatch = {};
  if (draft && after.name.trim() !== before.name) patch.name = after.name.trim();
  if (draft && after.level !== before.level) patch.level = after.level;
  if (draft && (after.instructions ?? '') !== (before.instructions ?? ''))
    patch.instructions = after.instructions ?? '';
  if (after.shared !== before.shared) patch.shared = after.shared;
  const formId = after.formId?.trim() || null;
  if (formId !== before.formId) patch.formId = formId;
  if (JSON.stringify(after.prerequisites) !== JSON.stringify(before.prerequisites))
    patch.prerequisites = after.prerequisites;
  if (JSON.stringify(after.attachmentSlots) !== JSON.stringify(before.attachmentSlots))
    patch.attachmentSlots = after.attachmentSlots;
  return patch;
}
