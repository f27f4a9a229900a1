import { useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { getGeoUnit } from '../../../api/geo';
import type { SummaryFilters } from '../../../api/reports';
import { useAsync } from '../../../ui/use-async';
import { parseReportQuery, reportQueryString, withQuery } from './report-query';

export interface AreaCrumb {
  id: string;
  name: string;
}

/** The page's report filters, read from and written to its query string (`extra` keys are kept). */
export function useReportQuery(path: string, extraKeys: string[] = []) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseReportQuery(search), [search]);
  const params = new URLSearchParams(search);
  const extra = Object.fromEntries(extraKeys.map((k) => [k, params.get(k) ?? '']));
  const go = (next: SummaryFilters, nextExtra: Record<string, string> = extra) =>
    navigate(withQuery(path, reportQueryString(next, nextExtra)), { replace: true });
  return { filters, extra, setFilters: (next: SummaryFilters) => go(next), setExtra: go };
}

const crumbsCache = new Map<string, Promise<AreaCrumb[]>>();

/** The chosen area and the units above it ("Kara › Kozah"), for the breadcrumb that goes back up. */
export function useAreaCrumbs(area: string | undefined): AreaCrumb[] | undefined {
  const { data } = useAsync(async () => {
    if (!area) return [];
    let crumbs = crumbsCache.get(area);
    if (!crumbs) {
      crumbs = getGeoUnit(area).then((u) => [
        ...u.ancestors.map((a) => ({ id: a.id, name: a.name })),
        { id: u.id, name: u.name },
      ]);
      crumbs.catch(() => crumbsCache.delete(area));
      crumbsCache.set(area, crumbs);
    }
    return crumbs;
  }, [area]);
  return area && data?.at(-1)?.id !== area ? undefined : data;
}
