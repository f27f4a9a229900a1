import { type Actor, addCalendarDays, COMPLAINT_VISIBILITY, filterDaySchema, togoDate } from '@coso/domain';
import { z } from 'zod';
import type { Queryable } from '../../../db/driver.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { countScope } from '../../../platform/visibility/sql.js';
import { holidaysBetween } from './holidays.js';
import { rollupFits, rollupSummary } from './rollup.js';
import { rollupState } from './rollup-build.js';
import {
  type Dimension,
  type SummaryFilter,
  type SummaryRow,
  type SummaryScope,
  sensitiveTotalQuery,
  summaryConditions,
  summaryQuery,
  vulnerabilityQuery,
} from './summary-sql.js';

const code = z.string().trim().min(1).max(64);
const isoDate = filterDaySchema;

export const summaryFilterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  area: z.uuid().optional(),
  type: code.optional(),
  category: code.optional(),
  channel: code.optional(),
});
export type SummaryQuery = z.infer<typeof summaryFilterSchema>;

/** Sensitive cases enter the breakdowns only for the sensitive-case focal point; others see one total. */
export function reportScope(actor: Actor): SummaryScope {
  const { prefixes, restricted } = countScope(COMPLAINT_VISIBILITY, actor);
  return { prefixes, sensitive: restricted };
}

type Row = SummaryRow;

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const average = (sum: number, count: number) => (count === 0 ? null : round1(sum / count));

/** The indicators a row (all cases, or one month) carries. */
function kpis(r: Row) {
  return {
    received: r.n,
    open: r.open,
    overdue: r.overdue,
    acknowledgedWithinDeadline: {
      onTime: r.ack_on_time,
      due: r.ack_due,
      rate: rate(r.ack_on_time, r.ack_due),
    },
    resolvedWithinDeadline: { onTime: r.res_on_time, due: r.res_due, rate: rate(r.res_on_time, r.res_due) },
    daysToAcknowledge: {
      median: round1(r.ack_median),
      average: average(r.ack_sum, r.ack_count),
      count: r.ack_count,
    },
    daysToResolve: {
      median: round1(r.res_median),
      average: average(r.res_sum, r.res_count),
      count: r.res_count,
    },
    escalations: r.escalations,
    appeals: r.appeals,
    satisfactionAverage: average(r.satisfaction_sum, r.satisfaction_count),
    satisfactionCount: r.satisfaction_count,
  };
}

export type ComplaintSummary = Awaited<ReturnType<typeof complaintSummary>>;

/**
 * The grievance summary for the caller: the same numbers feed the dashboard, the indicators and the periodic
 * reports. The period filters on the date a case was received; durations are in business days (Togo's
 * calendar and the holidays entered by the administrator).
 */
export async function complaintSummary(
  db: Queryable,
  actor: Actor,
  q: SummaryQuery,
  today = togoDate(),
  /** The public report never breaks sensitive cases down, whoever generates it. */
  { hideSensitive = false } = {},
) {
  const area = q.area ? await findUnit(db, q.area) : undefined;
  const filter: SummaryFilter = { ...q, areaPath: area ? area.path : q.area ? '/none/' : undefined };
  const scope = { ...reportScope(actor), ...(hideSensitive ? { sensitive: false } : {}) };
  // Paths are `/<uuid>/<uuid>/…`: the child of the area a case lies in is the area path plus one segment.
  const areaKeyLength = (area?.path ?? drillRoot(actor)).length + 37;
  const state = await rollupState(db);
  const fromRollup = rollupFits(state, {
    filter,
    jurisdictionPaths: actor.jurisdictions.map((j) => j.path),
    areaKeyLength,
    today,
  });
  const { rows, vulnerabilities, sensitiveTotal } = fromRollup
    ? await rollupSummary(db, scope, filter, areaKeyLength)
    : await liveSummary(db, scope, filter, q, today, areaKeyLength);

  const of = (dim: Dimension) => rows.filter((r) => r.dim === dim);
  const counts = (dim: Dimension) =>
    of(dim)
      .map((r) => ({ key: r.key ?? 'unknown', n: r.n }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const all = of('all')[0];
  const closedByMonth = new Map(of('closedMonth').map((r) => [r.key, r.n]));
  const trend = of('month')
    .filter((r) => r.key !== null)
    .sort((a, b) => String(a.key).localeCompare(String(b.key)))
    .map((r) => ({ month: r.key!, ...kpis(r), closed: closedByMonth.get(r.key) ?? 0 }));

  return {
    filters: { ...q, today },
    sensitiveIncluded: scope.sensitive,
    /** Sensitive cases in the scope, period and area (whatever the type, category and channel filters). */
    sensitiveTotal,
    /** Live figures, or the rollup's as of its build (modules/grm/reports/rollup.ts). */
    source: fromRollup ? ('rollup' as const) : ('live' as const),
    asOf: fromRollup ? state.builtAt : new Date(),
    ...kpis(all ?? emptyRow()),
    byStatus: counts('status'),
    byType: counts('type'),
    byCategory: counts('category'),
    byChannel: counts('channel'),
    byGender: counts('gender'),
    byAgeGroup: counts('ageGroup'),
    byVulnerability: vulnerabilities,
    byArea: await namedAreas(db, counts('area')),
    satisfaction: counts('satisfaction').filter((r) => r.key !== 'unknown'),
    trend,
  };
}

/** The summary's groups straight from the cases: always current, one scan of the filtered cases. */
async function liveSummary(
  db: Queryable,
  scope: SummaryScope,
  filter: SummaryFilter,
  q: SummaryQuery,
  today: string,
  areaKeyLength: number,
) {
  const calendarFrom = addCalendarDays(q.from ?? '2015-01-01', -7);
  // Cases received up to `to` may be acknowledged or resolved long after it.
  const calendarTo = addCalendarDays(q.to && q.to > today ? q.to : today, 400);
  const holidays = await holidaysBetween(db, calendarFrom, calendarTo);
  const grouped = summaryQuery(summaryConditions(scope, filter), {
    today,
    holidays,
    calendarFrom,
    calendarTo,
    areaKeyLength,
  });
  const rows = await db.query<Row>(grouped.text, grouped.params);
  const vq = vulnerabilityQuery(summaryConditions(scope, filter));
  const vulnerabilities = await db.query<{ key: string; n: number }>(vq.text, vq.params);
  return { rows, vulnerabilities, sensitiveTotal: await liveSensitiveTotal(db, scope, filter) };
}

export async function liveSensitiveTotal(db: Queryable, scope: SummaryScope, filter: SummaryFilter) {
  const sq = sensitiveTotalQuery(summaryConditions(scope, filter, false));
  const [sensitive] = await db.query<{ n: number }>(sq.text, sq.params);
  return sensitive?.n ?? 0;
}

/** Without an area filter the breakdown starts under the caller's jurisdiction (Togo → regions). */
function drillRoot(actor: Actor): string {
  const [only, ...others] = actor.jurisdictions;
  return only && others.length === 0 ? only.path : '/';
}

function emptyRow(): Row {
  const zero = { n: 0, open: 0, overdue: 0, ack_due: 0, ack_on_time: 0, res_due: 0, res_on_time: 0 };
  return {
    dim: 'all',
    key: null,
    ...zero,
    ack_sum: 0,
    ack_count: 0,
    res_sum: 0,
    res_count: 0,
    escalations: 0,
    appeals: 0,
    satisfaction_sum: 0,
    satisfaction_count: 0,
    ack_median: null,
    res_median: null,
  };
}

/** Area keys are unit paths; the answer names each unit (id, code, name, level) for drill-down. */
async function namedAreas(db: Queryable, rows: Array<{ key: string; n: number }>) {
  if (rows.length === 0) return [];
  const units = await db.query<{ id: string; code: string; name: string; level: string; path: string }>(
    'select id, code, name, level, path from geo_units where path = any($1::text[])',
    [rows.map((r) => r.key)],
  );
  const byPath = new Map(units.map((u) => [u.path, u]));
  return rows.map((r) => {
    const u = byPath.get(r.key);
    return {
      id: u?.id ?? null,
      code: u?.code ?? null,
      name: u?.name ?? null,
      level: u?.level ?? null,
      n: r.n,
    };
  });
}
