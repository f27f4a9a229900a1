import { type BusinessCalendar, type IsoDate, togoCalendar } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

/**
 * Togo's working calendar around `date`: the computed holidays of the year before to three years after (a
 * deadline of a few months can cross a year end) plus every holiday the administrator entered.
 */
export async function loadCalendar(q: Queryable, date: IsoDate): Promise<BusinessCalendar> {
  const year = Number(date.slice(0, 4));
  const rows = await q.query<{ date: IsoDate }>(
    'select date from public_holidays where date between $1 and $2',
    [`${year - 1}-01-01`, `${year + 3}-12-31`],
  );
  return togoCalendar(
    [year - 1, year, year + 1, year + 2, year + 3],
    rows.map((r) => r.date),
  );
}
