import type { SummaryFilters } from '../../api/reports';

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
