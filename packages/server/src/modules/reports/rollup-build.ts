import { addCalendarDays } from '@coso/domain';
import { Conditions } from '../../db/conditions.js';
import type { Queryable } from '../../db/driver.js';
import { holidaysBetween } from './holidays.js';
import { COUNTERS, DIMENSIONS, summaryBase } from './summary-sql.js';

/**
 * Builds the summary's rollup (see rollup.ts, decision 0016): per received month × village × sensitive ×
 * slice, every counter of the summary (report_rollup_cells) and the number of cases per dimension value, plus
 * histograms of business days to acknowledge and to resolve (report_rollup_counts). A slice is '' (every
 * case) or one value of a dashboard filter (type, category, channel), so a filtered summary sums the rows of
 * its slice. The same rows summed per canton make the 'canton' level that country- and region-wide summaries
 * read (four times fewer rows). One scan of the cases; the worker calls it every ROLLUP_EVERY_MINUTES once
 * the database holds ROLLUP_MIN_CASES cases.
 */

export const ROLLUP_MIN_CASES = 20_000;
export const ROLLUP_EVERY_MINUTES = 10;
/** The finest area the rollup keeps, and the coarser one summed from it. */
const CELL_LEVEL = 'village';
const COARSE_LEVEL = 'canton';

/** The dashboard filters answered from a slice of the rollup (one at a time). */
export const SLICES = { type: 'type_code', category: 'category_code', channel: 'channel_code' } as const;

/** Dimensions kept per cell; `month` is the cell itself, `area` comes from the cell's place. */
const CELL_DIMENSIONS = Object.entries(DIMENSIONS).filter(([name]) => name !== 'month' && name !== 'area');
const HISTOGRAMS = { ackDays: 'ack_days', resDays: 'res_days' } as const;
const COUNTER_COLUMNS = `n, open, overdue, ack_due, ack_on_time, res_due, res_on_time, ack_sum, ack_count, res_sum,
  res_count, escalations, appeals, satisfaction_sum, satisfaction_count`;

export interface RollupState {
  builtAt: Date;
  builtFor: string;
  /** Length of the village paths (the finest cells). */
  cellLength: number;
  /** Length of the canton paths (the coarse level). */
  coarseLength: number;
}

export async function rollupState(db: Queryable): Promise<RollupState | undefined> {
  const [s] = await db.query<RollupState>(
    `select built_at as "builtAt", built_for::text as "builtFor", cell_length as "cellLength",
            coarse_length as "coarseLength"
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

const pathLength = async (tx: Queryable, level: string) => {
  const [r] = await tx.query<{ len: number }>(
    'select 1 + 37 * (rank + 1) as len from geo_levels where code = $1',
    [level],
  );
  return r!.len;
};

/** The unit a (possibly shorter) path cut at a level's length ends with: its last `<uuid>/` segment. */
const lastUnit = (path: string) => `substr(${path}, length(${path}) - 36, 36)::uuid`;

/** SQL of the slice a row belongs to in a `group by … grouping sets ((), (slice_type), …)`. */
const sliceCase = () =>
  `case ${Object.keys(SLICES)
    .map((s) => `when grouping(slice_${s}) = 0 then slice_${s}`)
    .join(' ')} else '' end`;
const sliceColumns = (alias: string) =>
  Object.entries(SLICES)
    .map(([s, col]) => `'${s}=' || ${alias}.${col} as slice_${s}`)
    .join(', ');
const sliceSets = `grouping sets ((), ${Object.keys(SLICES)
  .map((s) => `(slice_${s})`)
  .join(', ')})`;

/** Rebuilds the rollup for `today` in one transaction (readers keep the previous one until it commits). */
export async function refreshRollup(tx: Queryable, today: string, now = new Date()) {
  const cellLength = await pathLength(tx, CELL_LEVEL);
  const coarseLength = await pathLength(tx, COARSE_LEVEL);
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
  const groups = [...CELL_DIMENSIONS.map(([, col]) => col), ...Object.values(HISTOGRAMS)];
  const named = [...CELL_DIMENSIONS, ...Object.entries(HISTOGRAMS)];
  const dimCase = named.map(([name, col]) => `when grouping(${col}) = 0 then '${name}'`).join(' ');
  const keyCase = named.map(([, col]) => `when grouping(${col}) = 0 then ${col}::text`).join(' ');
  // The grouping sets hash millions of groups: spilling them to disk at the default 4 MB made it minutes.
  await tx.query("set local work_mem = '256MB'");
  await tx.query('delete from report_rollup_cells');
  await tx.query('delete from report_rollup_counts');
  // One statement per slice: the product of both grouping-sets lists in one statement (48 sets) made
  // PostgreSQL spill gigabytes to disk at 300,000 cases.
  const sliceKeys: Array<[string, string]> = [
    ['', "''"],
    ...Object.entries(SLICES).map(([s, col]): [string, string] => [s, `'${s}=' || ${col}`]),
  ];
  for (const [, sliceExpr] of sliceKeys) {
    await tx.query(
      `${base},
       grouped as (
         select month, ${lastUnit('area_key')} as cell_id, sensitive, ${sliceExpr} as slice,
                case ${dimCase} else 'all' end as dim, case ${keyCase} end as key, ${COUNTERS}
           from base
          group by month, area_key, sensitive, ${sliceExpr === "''" ? '' : `${sliceExpr},`}
                   grouping sets ((), ${groups.map((g) => `(${g})`).join(', ')})
       ),
       cells as (
         insert into report_rollup_cells (level, slice, month, cell_id, sensitive, ${COUNTER_COLUMNS})
         select 'village', slice, month, cell_id, sensitive, ${COUNTER_COLUMNS} from grouped where dim = 'all'
       )
       insert into report_rollup_counts (level, slice, month, cell_id, sensitive, dim, key, n)
       select 'village', slice, month, cell_id, sensitive, dim, key, n from grouped where dim <> 'all'`,
      where.params,
    );
  }
  await tx.query(
    `insert into report_rollup_counts (level, slice, month, cell_id, sensitive, dim, key, n)
     select 'village', ${sliceCase()}, month, ${lastUnit('area_key')}, sensitive, 'vulnerability', v, count(*)
       from (select to_char(c.received_at, 'YYYY-MM') as month, left(c.area_path, $1) as area_key, c.sensitive,
                    v, ${sliceColumns('c')}
               from complaints c cross join lateral unnest(c.vulnerabilities) v) x
      group by month, area_key, sensitive, v, ${sliceSets}`,
    [cellLength],
  );
  // The canton level: the village rows summed per canton (exact: every figure stored is a sum).
  const canton = `${lastUnit(`left(g.path, ${coarseLength})`)}`;
  await tx.query(
    `insert into report_rollup_cells (level, slice, month, cell_id, sensitive, ${COUNTER_COLUMNS})
     select 'canton', r.slice, r.month, ${canton}, r.sensitive,
            ${COUNTER_COLUMNS.split(',')
              .map((c) => `sum(r.${c.trim()})`)
              .join(', ')}
       from report_rollup_cells r join geo_units g on g.id = r.cell_id
      where r.level = 'village'
      group by 2, 3, 4, 5`,
  );
  await tx.query(
    `insert into report_rollup_counts (level, slice, month, cell_id, sensitive, dim, key, n)
     select 'canton', r.slice, r.month, ${canton}, r.sensitive, r.dim, r.key, sum(r.n)
       from report_rollup_counts r join geo_units g on g.id = r.cell_id
      where r.level = 'village'
      group by 2, 3, 4, 5, 6, 7`,
  );
  // Fresh statistics, or the planner takes the new rows for a handful.
  await tx.query('analyze report_rollup_cells, report_rollup_counts');
  await tx.query(
    `insert into report_rollup_state (id, built_at, built_for, cell_length, coarse_length)
     values (1, $1, $2, $3, $4)
     on conflict (id) do update set built_at = $1, built_for = $2, cell_length = $3, coarse_length = $4`,
    [now, today, cellLength, coarseLength],
  );
}
