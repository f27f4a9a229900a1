import { isEditable, PLAN_OUTCOMES, type PlanOutcome, type SyncRow } from '@coso/domain';
import type { GeoNode } from '../geo';
import { type DccData, nextTask, villageTree } from './dcc-model';
import type { DccTask } from './dcc-rows';

/**
 * The facilitator's planning on the phone (pure, tested without a browser): the pulled `dcc_plans` rows (with
 * the outbox's overlay) read into typed plans, the agenda grouped by date with the overdue ones flagged, and
 * what "Planifier" offers for a village (its tasks still to do, the next one first).
 */

export interface DccPlan {
  id: string;
  cycleId: string;
  unitId: string;
  taskId: string | null;
  title: string | null;
  /** YYYY-MM-DD. */
  plannedOn: string;
  outcome: PlanOutcome | null;
  comment: string | null;
  photoUploadId: string | null;
  /** 0: created on this phone, not yet acknowledged by the server. */
  version: number;
  pending: boolean;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function readPlan(r: SyncRow): DccPlan {
  const outcome = PLAN_OUTCOMES.find((o) => o === r.outcome) ?? null;
  return {
    id: r.id,
    cycleId: str(r.cycleId) ?? '',
    unitId: str(r.unitId) ?? '',
    taskId: str(r.taskId),
    title: str(r.title),
    plannedOn: (str(r.plannedOn) ?? '').slice(0, 10),
    outcome,
    comment: str(r.comment),
    photoUploadId: str(r.photoUploadId),
    version: typeof r.version === 'number' ? r.version : 0,
    pending: r.pending === true,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The phone's own calendar date (local time), YYYY-MM-DD. */
export const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return localDate(new Date(y!, m! - 1, d! + days));
}

/** A plan may be recorded once its day has come; before that it is only planned. */
export const canRecord = (plan: DccPlan, today: string) => plan.plannedOn <= today;
/** Its day is past and nothing was recorded. */
export const isOverdue = (plan: DccPlan, today: string) => !plan.outcome && plan.plannedOn < today;

export interface AgendaItem {
  plan: DccPlan;
  label: string;
  villageName: string;
  overdue: boolean;
  recordable: boolean;
}
export interface AgendaDay {
  date: string;
  isToday: boolean;
  items: AgendaItem[];
}

export interface AgendaInput {
  plans: readonly DccPlan[];
  tasks: readonly Pick<DccTask, 'id' | 'name'>[];
  /** A unit's name (the village, or the CVD or canton a plan names). */
  unitName: (unitId: string) => string;
  today: string;
  /** Recorded plans older than this many days are left out (the agenda is for the weeks at hand). */
  keepDays?: number;
}

/**
 * Days in date order, each with its plans (free activities and tasks, by label); an unrecorded plan is kept
 * however old (it is overdue), a recorded one only for `keepDays` days.
 */
export function agenda(input: AgendaInput): AgendaDay[] {
  const since = addDays(input.today, -(input.keepDays ?? 14));
  const days = new Map<string, AgendaItem[]>();
  for (const plan of input.plans) {
    if (!plan.plannedOn || (plan.outcome && plan.plannedOn < since)) continue;
    const task = plan.taskId ? input.tasks.find((t) => t.id === plan.taskId) : undefined;
    const item: AgendaItem = {
      plan,
      label: task?.name ?? plan.title ?? '—',
      villageName: input.unitName(plan.unitId),
      overdue: isOverdue(plan, input.today),
      recordable: canRecord(plan, input.today),
    };
    days.set(plan.plannedOn, [...(days.get(plan.plannedOn) ?? []), item]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, items]) => ({
      date,
      isToday: date === input.today,
      items: items.sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    }));
}

export const overdueCount = (days: readonly AgendaDay[]) =>
  days.reduce((n, d) => n + d.items.filter((i) => i.overdue).length, 0);

/** The tasks a village may plan: those of its tree still editable, the next one (returned first) first. */
export function plannableTasks(
  data: DccData,
  geo: ReadonlyMap<string, GeoNode>,
  villageId: string,
  cycleId: string,
): { tasks: DccTask[]; next: DccTask | undefined } {
  const tree = villageTree(data, geo, villageId, cycleId);
  const tasks = tree
    .flatMap((p) => p.activities.flatMap((a) => a.tasks))
    .filter((n) => n.instance && isEditable(n.instance.status))
    .map((n) => n.task);
  return { tasks, next: nextTask(tree)?.task };
}

/** "mardi 2 mars" (the agenda's day headings), in the app's language. */
export function dayLabel(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}
