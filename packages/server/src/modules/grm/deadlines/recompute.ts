import {
  type BusinessCalendar,
  type DeadlineKind,
  daysFor,
  dueDate,
  type IsoDate,
  matchSlaSettings,
  reminderDate,
} from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { appendEvent } from '../complaints/repo.js';
import { loadCalendar } from './calendar.js';
import * as repo from './repo.js';

/** What changed the calendar or the settings: written on each case event it causes. */
export type RecomputeCause =
  | { cause: 'holiday_added' | 'holiday_removed'; date: IsoDate }
  | { cause: 'sla_settings'; level: string | null; category: string | null };

interface OpenDeadline {
  complaintId: string;
  kind: DeadlineKind;
  startedOn: IsoDate;
  dueDate: IsoDate;
  remindOn: IsoDate;
  handlingLevel: string;
  categoryCode: string;
}

/**
 * Recomputes the due and reminder dates of every open deadline from its start date with today's calendar and
 * settings, in the caller's transaction (the one that changed them), and appends one `deadlines_recomputed`
 * event per case whose dates moved (decision: a case's timeline must say why its due date changed; the
 * administrator's change itself is audited once). A reminder or breach mark is cleared when the new date
 * has not come yet, so the scan fires it again at the right time. A holiday only moves deadlines running
 * over it, so only those are read. Returns the number of cases changed.
 */
export async function recomputeOpenDeadlines(
  tx: Queryable,
  why: RecomputeCause,
  { actorId, today }: { actorId: string | null; today: IsoDate },
): Promise<number> {
  const overHoliday = why.cause === 'sla_settings' ? null : why.date;
  const open = await tx.query<OpenDeadline>(
    `select d.complaint_id as "complaintId", d.kind, d.started_on as "startedOn", d.due_date as "dueDate",
            d.remind_on as "remindOn", d.handling_level as "handlingLevel", c.category_code as "categoryCode"
       from complaint_deadlines d join complaints c on c.id = d.complaint_id
      where d.met_at is null
        and ($1::date is null or (d.started_on <= $1::date and d.due_date >= $1::date))
      order by d.complaint_id, d.kind`,
    [overHoliday],
  );
  if (open.length === 0) return 0;
  const settings = await repo.listSettings(tx);
  const calendars = new Map<string, BusinessCalendar>();
  const changes = new Map<string, { deadline: DeadlineKind; from: IsoDate; to: IsoDate }[]>();
  for (const d of open) {
    const s = matchSlaSettings(settings, d.handlingLevel, d.categoryCode);
    if (!s) continue;
    const year = d.startedOn.slice(0, 4);
    let calendar = calendars.get(year);
    if (!calendar) {
      calendar = await loadCalendar(tx, d.startedOn);
      calendars.set(year, calendar);
    }
    const due = dueDate(calendar, d.startedOn, daysFor(s, d.kind));
    const remindOn = reminderDate(calendar, d.startedOn, due, s.reminderDays);
    if (due === d.dueDate && remindOn === d.remindOn) continue;
    await tx.query(
      `update complaint_deadlines
          set due_date = $3, remind_on = $4,
              reminded_at = case when $4::date > $5::date then null else reminded_at end,
              breached_at = case when $3::date >= $5::date then null else breached_at end,
              updated_at = now()
        where complaint_id = $1 and kind = $2`,
      [d.complaintId, d.kind, due, remindOn, today],
    );
    const list = changes.get(d.complaintId) ?? [];
    if (due !== d.dueDate) list.push({ deadline: d.kind, from: d.dueDate, to: due });
    changes.set(d.complaintId, list);
  }
  for (const [complaintId, moved] of changes) {
    await repo.refreshNextDueDate(tx, complaintId);
    if (moved.length === 0) continue; // only a reminder date moved: nothing the timeline needs to say
    await appendEvent(tx, {
      complaintId,
      actorId,
      kind: 'deadlines_recomputed',
      fromStatus: null,
      toStatus: null,
      payload: { ...why, changes: moved },
    });
  }
  return [...changes.values()].filter((m) => m.length > 0).length;
}
