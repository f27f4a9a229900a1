import { addCalendarDays } from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { holidaysBetween } from './holidays.js';
import { COUNTERS, DIMENSIONS, summaryBase } from './summary-sql.js';

/**
 * Builds the summary's rollup (see rollup.ts): per received month × canton × sensitive, every counter of the
 * summary (report_rollup_cells), and the number of cases per dimension value, plus histograms of business
 * days to acknowledge and to resolve (report_rollup_counts). One scan of the cases; the worker calls it
 * every ROLLUP_EVERY_MINUTES once the database holds ROLLUP_MIN_CASES cases.
 */

export const ROLLUP_MIN_CASES = 20_000;
export const ROLLUP_EVERY_MINUTES = 10;
/** The finest area the rollup keeps. */
const CELL_LEVEL = 'canton';

/** Dimensions kept per cell; `month` is the cell itself, `area` comes from the cell's place. */
const CELL_DIMENSIONS = Object.entries(DIMENSIONS).filter(([name]) => name !== 'month' && name !== 'area');
const HISTOGRAMS = { ackDays: 'ack_days', resDays: 'res_days' } as const;
const COUNTER_COLUMNS = `n, open, overdue, ack_due, ack_on_time, res_due, res_on_time, ack_sum, ack_count, res_sum,
  res_count, escalations, appeals, satisfaction_sum, satisfaction_count`;

export interface RollupState {
  builtAt: Date;
  builtFor: string;
  cellLength: number;
}

export async function rollupState(db: Queryable): Promise<RollupState | undefined> {
  const [s] = await db.query<RollupState>(
    `select built_at as "builtAt", built_for::text as "builtFor", cell_length as "cellLength"
       from report_rollup_state where id = 1`,
  );
  return s;
}

/** Whether the database holds enough cases for the worker to keep a rollup. */
export async function rollupWanted(db: Queryable): Promise<boolean> {
  const [r] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from complaints limit ${ROLLUP_MIN_CASES}) c`,
  );
  return (r?.n ?? 0) >= ROLLUP_MIN_CASES;
}

/** Rebuilds the rollup for `today` in one transaction (readers keep the previous one until it commits). */
export async function refreshRollup(tx: Queryable, today: string, now = new Date()) {
  const [level] = await tx.query<{ len: number }>(
    'select 1 + 37 * (rank + 1) as len from geo_levels where code = $1',
    [CELL_LEVEL],
  );
  const cellLength = level!.len;
  const where = new Conditions();
  const calendarFrom = addCalendarDays('2015-01-01', -7);
  const calendarTo = addCalendarDays(today, 400);
  const base = summaryBase(where, {
    today,
    holidays: await holidaysBetween(tx, calendarFrom, calendarTo),
    calendarFrom,
    calendarTo,
    areaKeyLength: cellLength,
  });
  // The cell's unit is the last segment of its path: `/<uuid>/…/<uuid>/`.
  const cellId = (path: string) => `substr(${path}, ${where.param(cellLength - 37)} + 1, 36)::uuid`;
  const groups = [...CELL_DIMENSIONS.map(([, col]) => col), ...Object.values(HISTOGRAMS)];
  const named = [...CELL_DIMENSIONS, ...Object.entries(HISTOGRAMS)];
  const dimCase = named.map(([name, col]) => `when grouping(${col}) = 0 then '${name}'`).join(' ');
  const keyCase = named.map(([, col]) => `when grouping(${col}) = 0 then ${col}::text`).join(' ');
  await tx.query('delete from report_rollup_cells');
  await tx.query('delete from report_rollup_counts');
  await tx.query(
    `${base},
     grouped as (
       select month, ${cellId('area_key')} as cell_id, sensitive, case ${dimCase} else 'all' end as dim,
              case ${keyCase} end as key, ${COUNTERS}
         from base
        group by month, area_key, sensitive, grouping sets ((), ${groups.map((g) => `(${g})`).join(', ')})
     ),
     cells as (
       insert into report_rollup_cells (month, cell_id, sensitive, ${COUNTER_COLUMNS})
       select month, cell_id, sensitive, ${COUNTER_COLUMNS} from grouped where dim = 'all'
     )
     insert into report_rollup_counts (month, cell_id, sensitive, dim, key, n)
     select month, cell_id, sensitive, dim, key, n from grouped where dim <> 'all'`,
    where.params,
  );
  await tx.query(
    `insert into report_rollup_counts (month, cell_id, sensitive, dim, key, n)
     select to_char(c.received_at, 'YYYY-MM'), substr(c.area_path, $1 - 36, 36)::uuid, c.sensitive,
            'vulnerability', v, count(*)
       from complaints c cross join lateral unnest(c.vulnerabilities) v
      group by 1, 2, 3, 5`,
    [cellLength],
  );
  // Fresh statistics, or the planner takes the new rows for a handful.
  await tx.query('analyze report_rollup_cells, report_rollup_counts');
  await tx.query(
    `insert into report_rollup_state (id, built_at, built_for, cell_length) values (1, $1, $2, $3)
     on conflict (id) do update set built_at = $1, built_for = $2, cell_length = $3`,
    [now, today, cellLength],
  );
}
