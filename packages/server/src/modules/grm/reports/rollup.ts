import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { countArea, countRows } from '../../../platform/visibility/sql.js';
import type { RollupState } from './rollup-build.js';
import type { Dimension, SummaryFilter, SummaryRow, SummaryScope } from './summary-sql.js';

/**
 * Reading the summary's rollup (built by rollup-build.ts). A summary whose filters it can answer exactly (no
 * type, category or channel filter, whole months, areas down to cantons) sums a few thousand rows instead of
 * scanning every case. Figures from the rollup are as of its build (`asOf`), at most
 * ROLLUP_MAX_AGE_MINUTES old; anything else is answered live.
 */

export const ROLLUP_MAX_AGE_MINUTES = 30;

const lastDayOfMonth = (d: string) =>
  new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** Whether the rollup can answer this summary exactly (as of its build). */
export function rollupFits(
  state: RollupState | undefined,
  p: {
    filter: SummaryFilter;
    jurisdictionPaths: readonly string[];
    /** Length of the area keys asked for (children of the drill-down root, or a map level). */
    areaKeyLength: number;
    today: string;
    now?: Date;
  },
): state is RollupState {
  if (!state || state.builtFor !== p.today) return false;
  if ((p.now ?? new Date()).getTime() - state.builtAt.getTime() > ROLLUP_MAX_AGE_MINUTES * 60_000)
    return false;
  const f = p.filter;
  if (f.type || f.category || f.channel) return false;
  if (f.from && !f.from.endsWith('-01')) return false;
  if (f.to && f.to < p.today && f.to !== lastDayOfMonth(f.to)) return false;
  const len = state.cellLength;
  return (
    p.areaKeyLength <= len &&
    (f.areaPath ?? '').length <= len &&
    p.jurisdictionPaths.every((path) => path.length <= len)
  );
}

/**
 * The WHERE on rollup rows `r` joined to their canton `g` (geo_units) equivalent to summaryConditions on
 * cases, for whole months.
 */
export function rollupConditions(scope: SummaryScope, f: SummaryFilter, withSensitive = scope.sensitive) {
  const c = new Conditions();
  const area = countArea({ areaPath: 'g.path' }, scope);
  c.add(area.sql, ...area.params);
  if (f.from) c.add('r.month >= ?', f.from.slice(0, 7));
  if (f.to) c.add('r.month <= ?', f.to.slice(0, 7));
  if (f.areaPath) c.add('g.path like ?', `${f.areaPath}%`);
  const rows = countRows({ restricted: 'r.sensitive' }, withSensitive);
  if (rows) c.add(rows);
  return c;
}

type Sums = Omit<SummaryRow, 'dim' | 'key' | 'ack_median' | 'res_median'>;
type CellRow = Sums & { month: string | null; area_key: string | null; by_area: boolean };
const SUMMED = [
  'n',
  'open',
  'overdue',
  'ack_due',
  'ack_on_time',
  'res_due',
  'res_on_time',
  'ack_sum',
  'ack_count',
  'res_sum',
  'res_count',
  'escalations',
  'appeals',
  'satisfaction_sum',
  'satisfaction_count',
] as const;

/** The summary's groups, vulnerabilities and sensitive total, from the rollup. */
export async function rollupSummary(
  db: Queryable,
  scope: SummaryScope,
  f: SummaryFilter,
  areaKeyLength: number,
) {
  const where = rollupConditions(scope, f);
  const len = where.param(areaKeyLength);
  // Every counter per month and per area (drill-down), from the cells: a few thousand rows.
  const cells = await db.query<CellRow>(
    `select r.month, left(g.path, ${len}) as area_key,
            grouping(left(g.path, ${len})) = 0 as by_area,
            ${SUMMED.map((k) => `sum(r.${k})::float8 as ${k}`).join(', ')}
       from report_rollup_cells r join geo_units g on g.id = r.cell_id
      ${where.where}
      group by grouping sets ((r.month), (left(g.path, ${len})))`,
    where.params,
  );
  // Cases per dimension value and month, and the histograms.
  const cw = rollupConditions(scope, f);
  const counts = await db.query<{ dim: string; key: string | null; month: string; n: number }>(
    `select r.dim, r.key, r.month, sum(r.n)::float8 as n
       from report_rollup_counts r join geo_units g on g.id = r.cell_id
      ${cw.where}
      group by r.dim, r.key, r.month`,
    cw.params,
  );
  const groups = new Map<string, SummaryRow & { ack: Map<number, number>; res: Map<number, number> }>();
  const group = (dim: Dimension, key: string | null) => {
    const id = `${dim}\u0000${key}`;
    let g = groups.get(id);
    if (!g) {
      g = { dim, key, ...zeroSums(), ack_median: null, res_median: null, ack: new Map(), res: new Map() };
      groups.set(id, g);
    }
    return g;
  };
  const vulnerabilities = new Map<string, number>();
  for (const c of cells) {
    const targets = c.by_area ? [group('area', c.area_key)] : [group('all', null), group('month', c.month)];
    for (const g of targets) for (const k of SUMMED) g[k] += c[k];
  }
  for (const c of counts) {
    if (c.dim === 'ackDays' || c.dim === 'resDays') {
      if (c.key === null) continue;
      const which = c.dim === 'ackDays' ? 'ack' : 'res';
      for (const g of [group('all', null), group('month', c.month)])
        g[which].set(Number(c.key), (g[which].get(Number(c.key)) ?? 0) + c.n);
    } else if (c.dim === 'vulnerability') {
      vulnerabilities.set(c.key!, (vulnerabilities.get(c.key!) ?? 0) + c.n);
    } else {
      group(c.dim as Dimension, c.key).n += c.n;
    }
  }
  const rows: SummaryRow[] = [...groups.values()].map(({ ack, res, ...g }) => ({
    ...g,
    ack_median: median(ack),
    res_median: median(res),
  }));
  return {
    rows,
    vulnerabilities: [...vulnerabilities]
      .map(([key, n]) => ({ key, n }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
    sensitiveTotal: await rollupSensitiveTotal(db, scope, f),
  };
}

/** Sensitive cases in the scope, period and area, from the rollup. */
export async function rollupSensitiveTotal(db: Queryable, scope: SummaryScope, f: SummaryFilter) {
  const w = rollupConditions(scope, f, true);
  const [r] = await db.query<{ n: number }>(
    `select coalesce(sum(r.n), 0)::int as n
       from report_rollup_cells r join geo_units g on g.id = r.cell_id ${w.where} and r.sensitive`,
    w.params,
  );
  return r?.n ?? 0;
}

function zeroSums(): Sums {
  return Object.fromEntries(SUMMED.map((k) => [k, 0])) as unknown as Sums;
}

/** The median of a histogram (value → count), interpolated like percentile_cont(0.5). */
export function median(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const at = (index: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (index < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  const pos = (total - 1) / 2;
  const lower = at(Math.floor(pos));
  return lower + (pos - Math.floor(pos)) * (at(Math.ceil(pos)) - lower);
}
