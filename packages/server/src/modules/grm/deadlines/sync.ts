import {
  type ComplaintStatus,
  daysFor,
  dueDate,
  isoDateOf,
  matchSlaSettings,
  planDeadlines,
  reminderDate,
} from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { loadCalendar } from './calendar.js';
import * as repo from './repo.js';

export interface StatusChange {
  from: ComplaintStatus | null;
  to: ComplaintStatus;
  at: Date;
}

/** The settings row that applies to a case at its current level and category. */
export async function settingsFor(q: Queryable, level: string, categoryCode: string) {
  const settings = matchSlaSettings(await repo.listSettings(q), level, categoryCode);
  if (!settings) throw new Error('sla_settings has no default row');
  return settings;
}

/**
 * Brings a case's deadlines in line with a status change. Called by intake and by every case action in the
 * transaction that writes the change, after the case row is updated (so the level is the new one).
 */
export async function syncDeadlines(tx: Queryable, complaintId: string, change: StatusChange): Promise<void> {
  const plan = planDeadlines(change.from, change.to);
  if (plan.meet.length) await repo.meetDeadlines(tx, complaintId, plan.meet, change.at);
  if (plan.open.length) await openDeadlines(tx, complaintId, plan.open, change.at);
  if (plan.meet.length || plan.open.length) await repo.refreshNextDueDate(tx, complaintId);
}

async function openDeadlines(
  tx: Queryable,
  complaintId: string,
  open: ReturnType<typeof planDeadlines>['open'],
  at: Date,
) {
  const [c] = await tx.query<{ receivedOn: string; level: string; categoryCode: string }>(
    `select (received_at at time zone 'UTC')::date::text as "receivedOn", handling_level as level,
            category_code as "categoryCode"
       from complaints where id = $1`,
    [complaintId],
  );
  if (!c) throw new Error(`complaint ${complaintId} not found`);
  const settings = await settingsFor(tx, c.level, c.categoryCode);
  const changedOn = isoDateOf(at);
  const calendar = await loadCalendar(tx, [c.receivedOn, changedOn].sort()[0]!); // the earlier date
  for (const opening of open) {
    const start = opening.from === 'received' ? c.receivedOn : changedOn;
    const due = dueDate(calendar, start, daysFor(settings, opening.kind));
    await repo.startDeadline(
      tx,
      {
        complaintId,
        kind: opening.kind,
        startedOn: start,
        dueDate: due,
        remindOn: reminderDate(calendar, start, due, settings.reminderDays),
        handlingLevel: c.level,
      },
      opening.keepOpen ?? false,
    );
  }
}
