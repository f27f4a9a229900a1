import type { SummaryFilters } from '../../../api/reports';

/**
 * The report filters live in the query string, so the dashboard, the map and the exports link to each other
 * with the same filters and every view can be bookmarked. Values that cannot be right are dropped here
 * rather than sent to be refused.
 */

const PATTERNS: Record<keyof SummaryFilters, RegExp> = {
  from: /^\d{4}-\d{2}-\d{2}$/,
  to: /^\d{4}-\d{2}-\d{2}$/,
  area: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  type: /^[\w-]{1,64}$/,
  category: /^[\w-]{1,64}$/,
  channel: /^[\w-]{1,64}$/,
};

export const FILTER_KEYS = Object.keys(PATTERNS) as Array<keyof SummaryFilters>;

export function parseReportQuery(search: string): SummaryFilters {
  const params = new URLSearchParams(search);
  const filters: SummaryFilters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v && PATTERNS[key].test(v)) filters[key] = v;
  }
  return filters;
}

/** `from=…&area=…` in a fixed order, without empty values; `extra` keys (the map's level) come after. */
export function reportQueryString(filters: SummaryFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  return params.toString();
}

export const withQuery = (path: string, qs: string) => (qs ? `${path}?${qs}` : path);

/** The periods offered on the indicators page, in months up to the current one (the API accepts 1–36). */
export const INDICATOR_MONTHS = [3, 6, 12, 24, 36] as const;
export const DEFAULT_INDICATOR_MONTHS = 12;

/** `months=` of the indicators page: one of the periods offered, else the default. */
export function parseIndicatorMonths(value: string | null | undefined): number {
  const n = Number(value);
  return (INDICATOR_MONTHS as readonly number[]).includes(n) ? n : DEFAULT_INDICATOR_MONTHS;
}

/** The indicators page's extra query key: the period, left out when it is the default. */
export const indicatorExtra = (months: number) => ({
  months: months === DEFAULT_INDICATOR_MONTHS ? '' : String(months),
});
