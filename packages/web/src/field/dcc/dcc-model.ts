import { type FormAnswers, type FormDefinition, isEditable, type TaskStatus, validate } from '@coso/domain';
import type { GeoNode } from '../geo';
import type { DccActivity, DccAssignment, DccCycle, DccInstance, DccPhase, DccTask } from './dcc-rows';

/**
 * The facilitator's DCC work on the phone, computed from the pulled rows only (pure, so it is tested without
 * a browser): my villages grouped by canton and CVD, a village's phases → activities → tasks with the
 * instance that applies to it, progress, the next task, and what blocks "Marquer comme terminé".
 */

export interface DccData {
  cycles: DccCycle[];
  phases: DccPhase[];
  activities: DccActivity[];
  tasks: DccTask[];
  assignments: DccAssignment[];
  instances: DccInstance[];
}

/** A prerequisite counts as done once submitted or validated, as the server counts it (tasks/repo.ts). */
const PREREQUISITE_DONE: readonly TaskStatus[] = ['submitted', 'validated'];

const segments = (path: string) => path.split('/').filter(Boolean);

/** The village's geo path: its pulled unit's, its assignment's, else the scope of its own instances. */
function villagePath(data: DccData, geo: ReadonlyMap<string, GeoNode>, villageId: string): string {
  return (
    geo.get(villageId)?.path ||
    data.assignments.find((a) => a.villageId === villageId && a.villagePath)?.villagePath ||
    data.instances.find((i) => i.unitId === villageId && i.scopePath)?.scopePath ||
    `/${villageId}/`
  );
}

/**
 * The one instance of `task` a village sees: its own (village level), its canton's or commune's (one of the
 * ancestors on its path), or its CVD's (named by the instance's villages or the assignment; failing both, the
 * only CVD instance of the task in the village's canton, or the only one on the phone — the pull sends a
 * facilitator the CVD instances of their own villages only).
 */
export function instanceFor(
  data: DccData,
  geo: ReadonlyMap<string, GeoNode>,
  villageId: string,
  task: DccTask,
): DccInstance | undefined {
  const candidates = data.instances.filter((i) => i.taskId === task.id);
  if (task.level === 'village') return candidates.find((i) => i.unitId === villageId);
  const path = villagePath(data, geo, villageId);
  if (task.level !== 'cvd') {
    const ancestors = new Set(segments(path));
    return candidates.find((i) => i.unitKind === 'geo' && ancestors.has(i.unitId));
  }
  const cvds = candidates.filter((i) => i.unitKind === 'cvd');
  const named = cvds.find((i) => i.villageIds?.includes(villageId));
  if (named) return named;
  const assigned = data.assignments.find((a) => a.villageId === villageId && a.cvdId)?.cvdId;
  if (assigned) return cvds.find((i) => i.unitId === assigned);
  const near = cvds.filter((i) => !i.villageIds && i.scopePath && path.startsWith(i.scopePath));
  if (near.length === 1) return near[0];
  return cvds.length === 1 && !cvds[0]?.villageIds ? cvds[0] : undefined;
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

export interface TaskNode {
  task: DccTask;
  instance: DccInstance | undefined;
}
export interface ActivityNode {
  activity: DccActivity;
  tasks: TaskNode[];
}
export interface PhaseNode {
  phase: DccPhase;
  activities: ActivityNode[];
  validated: number;
  total: number;
}

/** The cycle's template as the village sees it; tasks without an instance for it (another level's area) left out. */
export function villageTree(
  data: DccData,
  geo: ReadonlyMap<string, GeoNode>,
  villageId: string,
  cycleId: string,
): PhaseNode[] {
  return data.phases
    .filter((p) => p.cycleId === cycleId)
    .sort(byPosition)
    .map((phase) => {
      const activities = data.activities
        .filter((a) => a.phaseId === phase.id)
        .sort(byPosition)
        .map((activity) => ({
          activity,
          tasks: data.tasks
            .filter((t) => t.activityId === activity.id)
            .sort(byPosition)
            .map((task) => ({ task, instance: instanceFor(data, geo, villageId, task) }))
            .filter((n) => n.instance !== undefined),
        }))
        .filter((a) => a.tasks.length > 0);
      const nodes = activities.flatMap((a) => a.tasks);
      const validated = nodes.filter((n) => n.instance?.status === 'validated').length;
      return { phase, activities, validated, total: nodes.length };
    })
    .filter((p) => p.total > 0);
}

/** A returned task first (the specialist is waiting), else the first task still to do in the cycle's order. */
export function nextTask(tree: readonly PhaseNode[]): TaskNode | undefined {
  const all = tree.flatMap((p) => p.activities.flatMap((a) => a.tasks));
  return (
    all.find((n) => n.instance?.status === 'returned') ??
    all.find((n) => n.instance && isEditable(n.instance.status))
  );
}

export interface VillageView {
  villageId: string;
  name: string;
  cycleId: string;
  cantonId: string | null;
  cantonName: string;
  cvdId: string | null;
  cvdName: string | null;
  validated: number;
  total: number;
  next: TaskNode | undefined;
}

function ancestorAt(geo: ReadonlyMap<string, GeoNode>, path: string, level: string): GeoNode | undefined {
  for (const id of segments(path)) {
    const unit = geo.get(id);
    if (unit?.level === level) return unit;
  }
  return undefined;
}

/** The villages this facilitator is assigned in the cycles on the phone, with progress and next task. */
export function myVillages(data: DccData, geo: ReadonlyMap<string, GeoNode>, userId: string): VillageView[] {
  const cycles = new Set(data.cycles.filter((c) => c.status !== 'closed').map((c) => c.id));
  return data.assignments
    .filter((a) => a.active && a.facilitatorId === userId && cycles.has(a.cycleId))
    .map((a) => {
      const tree = villageTree(data, geo, a.villageId, a.cycleId);
      const path = villagePath(data, geo, a.villageId);
      const canton = ancestorAt(geo, path, 'canton');
      const cvd = tree
        .flatMap((p) => p.activities.flatMap((x) => x.tasks))
        .find((n) => n.instance?.unitKind === 'cvd')?.instance;
      return {
        villageId: a.villageId,
        name: geo.get(a.villageId)?.name ?? a.villageName ?? a.villageId,
        cycleId: a.cycleId,
        cantonId: canton?.id ?? null,
        cantonName: canton?.name ?? '',
        cvdId: a.cvdId ?? cvd?.unitId ?? null,
        cvdName: a.cvdName ?? cvd?.unitName ?? null,
        validated: tree.reduce((n, p) => n + p.validated, 0),
        total: tree.reduce((n, p) => n + p.total, 0),
        next: nextTask(tree),
      };
    });
}

export interface VillageGroup {
  key: string;
  cantonName: string;
  cvdName: string | null;
  villages: VillageView[];
}

/** Canton, then CVD, then village, each in French alphabetical order. */
export function groupVillages(villages: readonly VillageView[]): VillageGroup[] {
  const groups = new Map<string, VillageGroup>();
  for (const v of villages) {
    const key = `${v.cantonId ?? ''}|${v.cvdId ?? ''}`;
    const group = groups.get(key) ?? { key, cantonName: v.cantonName, cvdName: v.cvdName, villages: [] };
    group.villages.push(v);
    groups.set(key, group);
  }
  const fr = (a: string, b: string) => a.localeCompare(b, 'fr');
  for (const g of groups.values()) g.villages.sort((a, b) => fr(a.name, b.name));
  return [...groups.values()].sort(
    (a, b) => fr(a.cantonName, b.cantonName) || fr(a.cvdName ?? '', b.cvdName ?? ''),
  );
}

export type CompletionProblem =
  | { kind: 'prerequisite'; taskName: string }
  | { kind: 'attachment'; label: string }
  | { kind: 'answers'; count: number }
  | { kind: 'form_missing' }
  | { kind: 'not_editable' };

export interface CompletionInput {
  data: DccData;
  geo: ReadonlyMap<string, GeoNode>;
  villageId: string;
  task: DccTask;
  instance: DccInstance;
  /** The form the task is filled with (undefined: a task without a form, or its form is not on the phone). */
  definition: FormDefinition | undefined;
  answers: FormAnswers;
  /** Slots that have a file: on the server, or queued on the phone. */
  filledSlots: ReadonlySet<string>;
  now: Date;
}

/**
 * What stops the task from being marked complete, checked on the phone before `dcc.task.submit` is queued
 * (the server checks the same again): an editable status, validated prerequisites, answers that pass the
 * form engine's validation, and a file in every required slot.
 */
export function completionProblems(input: CompletionInput): CompletionProblem[] {
  const { data, geo, villageId, task, instance } = input;
  if (!isEditable(instance.status)) return [{ kind: 'not_editable' }];
  const problems: CompletionProblem[] = [];
  for (const id of task.prerequisites) {
    const before = data.tasks.find((t) => t.id === id);
    if (!before) continue;
    const status = instanceFor(data, geo, villageId, before)?.status;
    if (!status || !PREREQUISITE_DONE.includes(status))
      problems.push({ kind: 'prerequisite', taskName: before.name });
  }
  if (task.formId && !input.definition) problems.push({ kind: 'form_missing' });
  if (input.definition) {
    const errors = validate(input.definition, input.answers, { now: input.now });
    if (errors.length) problems.push({ kind: 'answers', count: errors.length });
  }
  for (const slot of task.attachmentSlots)
    if (slot.required && !input.filledSlots.has(slot.key))
      problems.push({ kind: 'attachment', label: slot.label });
  return problems;
}
