import type { BusinessCalendar, IsoDate } from '../../../platform/calendar/business-days.js';
import type { ComplaintStatus } from './lifecycle.js';

/**
 * Deadlines of a grievance case (GRM.md, Deadlines): all in business days. `acknowledge` and `resolve` run
 * from the date the case was received (guidance: acknowledge within a week, resolve within N business days of
 * receipt); `answer` is the complainant's window after a proposed resolution; `appeal` is the time the higher
 * level has to handle an appeal; an escalation gives the new level a fresh `resolve` deadline.
 */
export const DEADLINE_KINDS = ['acknowledge', 'resolve', 'answer', 'appeal'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Deadlines whose breach is the handler's: only these may trigger an automatic escalation. */
export const HANDLER_DEADLINES: readonly DeadlineKind[] = ['acknowledge', 'resolve', 'appeal'];

export interface SlaSettings {
  level: string | null;
  categoryCode: string | null;
  acknowledgeDays: number;
  resolveDays: number;
  answerDays: number;
  appealDays: number;
  reminderDays: number;
  autoEscalate: boolean;
}

/**
 * The settings row that applies to a case, like routing rules: category and level > category > level >
 * default (both null). Returns undefined only when the default row is missing.
 */
export function matchSlaSettings<S extends SlaSettings>(
  rows: readonly S[],
  level: string,
  categoryCode: string,
): S | undefined {
  const score = (r: S) => (r.categoryCode !== null ? 2 : 0) + (r.level !== null ? 1 : 0);
  return rows
    .filter(
      (r) =>
        (r.level === null || r.level === level) &&
        (r.categoryCode === null || r.categoryCode === categoryCode),
    )
    .sort((a, b) => score(b) - score(a))[0];
}

export function daysFor(settings: SlaSettings, kind: DeadlineKind): number {
  switch (kind) {
    case 'acknowledge':
      return settings.acknowledgeDays;
    case 'resolve':
      return settings.resolveDays;
    case 'answer':
      return settings.answerDays;
    case 'appeal':
      return settings.appealDays;
  }
}

export interface DeadlineOpening {
  kind: DeadlineKind;
  /** The case's received date, or the date of the change that opens the deadline. */
  from: 'received' | 'change';
  /** Leave an already open (unmet) deadline of this kind as it is, e.g. after an escalation. */
  keepOpen?: boolean;
}

export interface DeadlinePlan {
  /** Open deadlines that this change meets. */
  meet: readonly DeadlineKind[];
  /** Deadlines (re)started by this change, replacing a met or breached one of the same kind. */
  open: readonly DeadlineOpening[];
}

const NONE: DeadlinePlan = { meet: [], open: [] };
const ENDED: ReadonlySet<ComplaintStatus> = new Set(['closed', 'ineligible', 'withdrawn', 'referred']);

/** What entering `to` (from `from`, null for a new case) does to the case's deadlines. */
export function planDeadlines(from: ComplaintStatus | null, to: ComplaintStatus): DeadlinePlan {
  if (from === to) return NONE;
  if (ENDED.has(to)) return { meet: DEADLINE_KINDS, open: [] };
  switch (to) {
    case 'received':
      return { meet: [], open: [{ kind: 'acknowledge', from: 'received' }] };
    case 'acknowledged':
      // After an escalation the new level's resolve deadline is already running: keep it.
      return { meet: ['acknowledge'], open: [{ kind: 'resolve', from: 'received', keepOpen: true }] };
    case 'in_progress':
      // Reopening a closed case gives it a new resolve deadline from the reopening.
      return from !== null && ENDED.has(from)
        ? { meet: [], open: [{ kind: 'resolve', from: 'change' }] }
        : NONE;
    case 'resolution_proposed':
      return { meet: ['acknowledge', 'resolve', 'appeal'], open: [{ kind: 'answer', from: 'change' }] };
    case 'unresolved':
      return { meet: ['answer'], open: [] };
    case 'escalated':
      return { meet: DEADLINE_KINDS, open: [{ kind: 'resolve', from: 'change' }] };
    case 'appealed':
      return { meet: DEADLINE_KINDS, open: [{ kind: 'appeal', from: 'change' }] };
    default:
      return NONE;
  }
}

/** The due date: `days` business days after the start date (a start on a holiday counts from the next day). */
export function dueDate(calendar: BusinessCalendar, start: IsoDate, days: number): IsoDate {
  return calendar.addBusinessDays(start, days);
}

/** The date a reminder is due: `reminderDays` business days before the due date (never before the start). */
export function reminderDate(calendar: BusinessCalendar, start: IsoDate, due: IsoDate, reminderDays: number) {
  const date = calendar.addBusinessDays(due, -reminderDays);
  return date < start ? start : date;
}

export interface DeadlineStatus {
  /** Business days left until the due date; negative when overdue. */
  remainingBusinessDays: number;
  overdue: boolean;
}

/** Where a deadline stands on `today`. A met deadline is never overdue. */
export function deadlineStatus(
  calendar: BusinessCalendar,
  due: IsoDate,
  today: IsoDate,
  met: boolean,
): DeadlineStatus {
  const remaining = calendar.businessDaysBetween(today, due);
  return { remainingBusinessDays: remaining === 0 ? 0 : remaining, overdue: !met && due < today };
}

/** The calendar date of an instant in Togo (UTC all year). */
export const isoDateOf = (at: Date): IsoDate => at.toISOString().slice(0, 10);
