import { addCalendarDays, togoCalendar } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

/** Every non-business day (weekends and holidays, computed and entered) from `from` to `to`. */
export async function holidaysBetween(db: Queryable, from: string, to: string): Promise<string[]> {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const entered = await db.query<{ date: string }>(
    'select date::text as date from public_holidays where date between $1 and $2',
    [from, to],
  );
  const calendar = togoCalendar(
    years,
    entered.map((r) => r.date),
  );
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (!calendar.isBusinessDay(d)) out.push(d);
  return out;
}
