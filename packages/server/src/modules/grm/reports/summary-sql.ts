import { OPEN_STATUSES } from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import { countArea, countRows } from '../../../platform/visibility/sql.js';
import { CASE_COLUMNS } from '../complaints/list-scope.js';

/**
 * The SQL of the grievance summary: one scan of the filtered cases grouped by every dimension at once
 * (grouping sets), durations in business days through a day index (business days counted since the start
 * of the calendar window, so that "business days between" is a subtraction).
 */

export interface SummaryScope {
  /** `path%` patterns of the caller's jurisdictions. */
  prefixes: string[];
  /** Whether sensitive cases enter the breakdowns (otherwise they are one total). */
  sensitive: boolean;
}

export interface SummaryFilter {
  from?: string | undefined;
  to?: string | undefined;
  areaPath?: string | undefined;
  type?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
}

/** The WHERE of the cases counted: scope, then filters; `withDimensions` false keeps period and area only. */
export function summaryConditions(scope: SummaryScope, f: SummaryFilter, withDimensions = true): Conditions {
  const c = new Conditions();
  // The count audience of COMPLAINT_VISIBILITY (reportScope): the jurisdictions, sensitive cases or not.
  const area = countArea(CASE_COLUMNS, scope);
  c.add(area.sql, ...area.params);
  if (f.from) c.add("c.received_at >= (?::date)::timestamp at time zone 'UTC'", f.from);
  if (f.to) c.add("c.received_at < (?::date + 1)::timestamp at time zone 'UTC'", f.to);
  if (f.areaPath) c.add('c.area_path like ?', `${f.areaPath}%`);
  if (!withDimensions) return c;
  const rows = countRows(CASE_COLUMNS, scope.sensitive);
  if (rows) c.add(rows);
  if (f.type) c.add('c.type_code = ?', f.type);
  if (f.category) c.add('c.category_code = ?', f.category);
  if (f.channel) c.add('c.channel_code = ?', f.channel);
  return c;
}

/** One group of the summary: a dimension (`dim`), its value (`key`) and the counters of its cases. */
export interface SummaryRow {
  dim: Dimension;
  key: string | null;
  n: number;
  open: number;
  overdue: number;
  ack_due: number;
  ack_on_time: number;
  res_due: number;
  res_on_time: number;
  ack_sum: number;
  ack_count: number;
  res_sum: number;
  res_count: number;
  escalations: number;
  appeals: number;
  satisfaction_sum: number;
  satisfaction_count: number;
  ack_median: number | null;
  res_median: number | null;
}

export const DIMENSIONS = {
  status: 'status',
  type: 'type_code',
  category: 'category_code',
  channel: 'channel_code',
  gender: 'gender',
  ageGroup: 'age_group',
  area: 'area_key',
  month: 'month',
  closedMonth: 'closed_month',
  satisfaction: 'satisfaction',
} as const;
export type Dimension = keyof typeof DIMENSIONS | 'all';

export interface SummaryParams {
  today: string;
  /** Non-business days (weekends excluded by the SQL) between calendarFrom and calendarTo. */
  holidays: string[];
  calendarFrom: string;
  calendarTo: string;
  /** Length of the area keys: the children of the drill-down root ("/" for the whole country) + 37. */
  areaKeyLength: number;
}

/**
 * The cases with what every figure needs (`with cal …, base as (…)`): dimension values, open and overdue,
 * deadline compliance, and the business days from receipt to acknowledgment and to proposed resolution.
 * `area_key` is the area path cut at `areaKeyLength` characters (the unit of that depth the case lies in).
 */
export function summaryBase(where: Conditions, p: SummaryParams) {
  const today = where.param(p.today);
  const open = where.param([...OPEN_STATUSES]);
  const holidays = where.param(p.holidays);
  const calFrom = where.param(p.calendarFrom);
  const calTo = where.param(p.calendarTo);
  const keyLength = where.param(p.areaKeyLength);
  return `
    with cal as (
      select d::date as day,
             count(*) filter (where extract(isodow from d) < 6 and d::date <> all(${holidays}::date[]))
               over (order by d) as idx
        from generate_series(${calFrom}::date, ${calTo}::date, interval '1 day') d
    ),
    base as (
      select c.status, c.type_code, c.category_code, c.channel_code, c.gender, c.age_group, c.satisfaction,
             c.escalation_count, c.appeal_count, c.sensitive,
             left(c.area_path, ${keyLength}) as area_key,
             to_char(c.received_at, 'YYYY-MM') as month,
             to_char(c.closed_at, 'YYYY-MM') as closed_month,
             c.status = any(${open}::text[]) as open,
             c.status = any(${open}::text[]) and c.next_due_date < ${today}::date as overdue,
             da.met_at is not null or da.due_date < ${today}::date as ack_due,
             da.met_at is not null and da.met_at::date <= da.due_date as ack_on_time,
             dr.met_at is not null or dr.due_date < ${today}::date as res_due,
             dr.met_at is not null and dr.met_at::date <= dr.due_date as res_on_time,
             ack.idx - rec.idx as ack_days,
             res.idx - rec.idx as res_days
        from complaints c
        left join complaint_deadlines da on da.complaint_id = c.id and da.kind = 'acknowledge'
        left join complaint_deadlines dr on dr.complaint_id = c.id and dr.kind = 'resolve'
        left join cal rec on rec.day = c.received_at::date
        left join cal ack on ack.day = c.acknowledged_at::date
        left join cal res on res.day = c.resolution_proposed_at::date
       ${where.where}
    )`;
}

/** The counters summed per group (the rollup stores the same ones, see rollup.ts). */
export const COUNTERS = `count(*)::int as n,
           count(*) filter (where open)::int as open,
           count(*) filter (where overdue)::int as overdue,
           count(*) filter (where ack_due)::int as ack_due,
           count(*) filter (where ack_due and ack_on_time)::int as ack_on_time,
           count(*) filter (where res_due)::int as res_due,
           count(*) filter (where res_due and res_on_time)::int as res_on_time,
           coalesce(sum(ack_days), 0)::float8 as ack_sum,
           count(ack_days)::int as ack_count,
           coalesce(sum(res_days), 0)::float8 as res_sum,
           count(res_days)::int as res_count,
           coalesce(sum(escalation_count), 0)::int as escalations,
           coalesce(sum(appeal_count), 0)::int as appeals,
           coalesce(sum(satisfaction), 0)::int as satisfaction_sum,
           count(satisfaction)::int as satisfaction_count`;

/** The grouped query; each row says which dimension it belongs to (`dim`) and its value (`key`). */
export function summaryQuery(where: Conditions, p: SummaryParams): { text: string; params: unknown[] } {
  const base = summaryBase(where, p);
  const dims = Object.entries(DIMENSIONS);
  const dimCase = dims.map(([name, col]) => `when grouping(${col}) = 0 then '${name}'`).join(' ');
  const keyCase = dims.map(([, col]) => `when grouping(${col}) = 0 then ${col}::text`).join(' ');
  const text = `${base}
    select case ${dimCase} else 'all' end as dim,
           case ${keyCase} end as key,
           ${COUNTERS},
           percentile_cont(0.5) within group (order by ack_days) as ack_median,
           percentile_cont(0.5) within group (order by res_days) as res_median
      from base
     group by grouping sets (${dims.map(([, col]) => `(${col})`).join(', ')}, ())`;
  return { text, params: where.params };
}

/** Cases per vulnerability group (a case may be in several); same WHERE as the summary. */
export function vulnerabilityQuery(where: Conditions): { text: string; params: unknown[] } {
  return {
    text: `select v as key, count(*)::int as n
             from complaints c cross join lateral unnest(c.vulnerabilities) v
            ${where.where} group by v order by n desc, v`,
    params: where.params,
  };
}

/** Sensitive cases in the scope, period and area: the one figure shown to people who may not see them. */
export function sensitiveTotalQuery(where: Conditions): { text: string; params: unknown[] } {
  return {
    text: `select count(*)::int as n from complaints c ${where.where} and c.sensitive`,
    params: where.params,
  };
}
