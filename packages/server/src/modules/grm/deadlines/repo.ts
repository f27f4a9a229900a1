import type { DeadlineKind, IsoDate, SlaSettings } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

export interface HolidayRow {
  date: IsoDate;
  labelFr: string;
  labelEn: string;
  kind: 'fixed' | 'movable';
  createdAt: Date;
}

export function listHolidays(q: Queryable, year?: number): Promise<HolidayRow[]> {
  return q.query<HolidayRow>(
    `select date, label_fr as "labelFr", label_en as "labelEn", kind, created_at as "createdAt"
       from public_holidays where $1::int is null or extract(year from date) = $1::int order by date`,
    [year ?? null],
  );
}

export async function insertHoliday(q: Queryable, h: Omit<HolidayRow, 'createdAt'>): Promise<boolean> {
  const rows = await q.query(
    `insert into public_holidays (date, label_fr, label_en, kind) values ($1, $2, $3, $4)
     on conflict (date) do nothing returning date`,
    [h.date, h.labelFr, h.labelEn, h.kind],
  );
  return rows.length > 0;
}

export async function deleteHoliday(q: Queryable, date: IsoDate): Promise<HolidayRow | undefined> {
  const rows = await q.query<HolidayRow>(
    `delete from public_holidays where date = $1
     returning date, label_fr as "labelFr", label_en as "labelEn", kind, created_at as "createdAt"`,
    [date],
  );
  return rows[0];
}

/** When a complainant's answer window lapses: flag the case "no answer" (default) or close it. */
export type AnswerLapse = 'flag' | 'close';

export interface SlaSettingsRow extends SlaSettings {
  id: string;
  answerLapse: AnswerLapse;
  updatedAt: Date;
}

const SETTINGS_SELECT = `
  select id, level, category_code as "categoryCode", acknowledge_days as "acknowledgeDays",
         resolve_days as "resolveDays", answer_days as "answerDays", appeal_days as "appealDays",
         reminder_days as "reminderDays", auto_escalate as "autoEscalate", answer_lapse as "answerLapse",
         updated_at as "updatedAt"
    from sla_settings`;

export function listSettings(q: Queryable): Promise<SlaSettingsRow[]> {
  return q.query<SlaSettingsRow>(`${SETTINGS_SELECT} order by level nulls first, category_code nulls first`);
}

export async function findSettings(q: Queryable, level: string | null, categoryCode: string | null) {
  const rows = await q.query<SlaSettingsRow>(
    `${SETTINGS_SELECT} where coalesce(level, '') = coalesce($1, '') and coalesce(category_code, '') = coalesce($2, '')`,
    [level, categoryCode],
  );
  return rows[0];
}

/** Inserts or replaces the row of one (level, category) scope. */
export async function upsertSettings(
  q: Queryable,
  id: string,
  s: SlaSettings & { answerLapse: AnswerLapse },
): Promise<void> {
  await q.query(
    `insert into sla_settings (id, level, category_code, acknowledge_days, resolve_days, answer_days, appeal_days,
                               reminder_days, auto_escalate, answer_lapse)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict ((coalesce(level, '')), (coalesce(category_code, ''))) do update
       set acknowledge_days = excluded.acknowledge_days, resolve_days = excluded.resolve_days,
           answer_days = excluded.answer_days, appeal_days = excluded.appeal_days,
           reminder_days = excluded.reminder_days, auto_escalate = excluded.auto_escalate,
           answer_lapse = excluded.answer_lapse, updated_at = now()`,
    [
      id,
      s.level,
      s.categoryCode,
      s.acknowledgeDays,
      s.resolveDays,
      s.answerDays,
      s.appealDays,
      s.reminderDays,
      s.autoEscalate,
      s.answerLapse,
    ],
  );
}

export interface DeadlineRow {
  complaintId: string;
  kind: DeadlineKind;
  startedOn: IsoDate;
  dueDate: IsoDate;
  remindOn: IsoDate;
  handlingLevel: string;
  remindedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
}

const DEADLINE_SELECT = `
  select complaint_id as "complaintId", kind, started_on as "startedOn", due_date as "dueDate",
         remind_on as "remindOn", handling_level as "handlingLevel", reminded_at as "remindedAt",
         breached_at as "breachedAt", met_at as "metAt"
    from complaint_deadlines`;

const KIND_ORDER = `array_position(array['acknowledge', 'resolve', 'answer', 'appeal'], kind)`;

export function listDeadlines(q: Queryable, complaintId: string): Promise<DeadlineRow[]> {
  return q.query<DeadlineRow>(`${DEADLINE_SELECT} where complaint_id = $1 order by ${KIND_ORDER}`, [
    complaintId,
  ]);
}

/** Marks the open deadlines of these kinds met. */
export async function meetDeadlines(
  q: Queryable,
  complaintId: string,
  kinds: readonly DeadlineKind[],
  at: Date,
) {
  await q.query(
    `update complaint_deadlines set met_at = $3, updated_at = now()
      where complaint_id = $1 and kind = any($2::text[]) and met_at is null`,
    [complaintId, kinds, at],
  );
}

/** Starts a deadline, replacing a met or breached one of the same kind (its history stays in the events). */
/** Copies the earliest open due date onto the case row, where lists filter and sort on it. */
export async function refreshNextDueDate(q: Queryable, complaintId: string) {
  await q.query(
    `update complaints set next_due_date = (select min(due_date) from complaint_deadlines
                                             where complaint_id = $1 and met_at is null)
      where id = $1`,
    [complaintId],
  );
}

export async function startDeadline(
  q: Queryable,
  d: Pick<DeadlineRow, 'complaintId' | 'kind' | 'startedOn' | 'dueDate' | 'remindOn' | 'handlingLevel'>,
  keepOpen: boolean,
) {
  await q.query(
    `insert into complaint_deadlines (complaint_id, kind, started_on, due_date, remind_on, handling_level)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (complaint_id, kind) do update
       set started_on = excluded.started_on, due_date = excluded.due_date, remind_on = excluded.remind_on,
           handling_level = excluded.handling_level, reminded_at = null, breached_at = null, met_at = null,
           updated_at = now()
       where not ($7 and complaint_deadlines.met_at is null)`,
    [d.complaintId, d.kind, d.startedOn, d.dueDate, d.remindOn, d.handlingLevel, keepOpen],
  );
}

/** Deadlines with a reminder or a breach due on `today`, oldest first: the scan's work list. */
export function dueForScan(q: Queryable, today: IsoDate, limit: number) {
  return q.query<{ complaintId: string; kind: DeadlineKind }>(
    `select complaint_id as "complaintId", kind from complaint_deadlines
      where met_at is null and breached_at is null and due_date < $1
     union
     select complaint_id, kind from complaint_deadlines
      where met_at is null and reminded_at is null and remind_on <= $1
     limit $2`,
    [today, limit],
  );
}

/** Locks one deadline for the scan; undefined when another scan or a case action holds its case. */
export async function lockForScan(q: Queryable, complaintId: string, kind: DeadlineKind) {
  // The case row first, like every case action, so that a scan and an action never deadlock.
  const locked = await q.query('select 1 from complaints where id = $1 for update skip locked', [
    complaintId,
  ]);
  if (locked.length === 0) return undefined;
  const rows = await q.query<DeadlineRow>(
    `${DEADLINE_SELECT} where complaint_id = $1 and kind = $2 and met_at is null for update`,
    [complaintId, kind],
  );
  return rows[0];
}

export async function markDeadline(
  q: Queryable,
  complaintId: string,
  kind: DeadlineKind,
  mark: { remindedAt?: Date; breachedAt?: Date },
) {
  await q.query(
    `update complaint_deadlines
        set reminded_at = coalesce(reminded_at, $3), breached_at = coalesce(breached_at, $4), updated_at = now()
      where complaint_id = $1 and kind = $2`,
    [complaintId, kind, mark.remindedAt ?? null, mark.breachedAt ?? null],
  );
}
