import type { SubprojectQuery } from './mis-api';

/** The list's filters as they sit in the URL, so a bookmarked or shared list reopens as it was. */
const KEYS = ['within', 'status', 'sector', 'type', 'component', 'q'] as const;

export function parseSubprojectFilters(search: string): SubprojectQuery {
  const params = new URLSearchParams(search);
  const out: SubprojectQuery = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function subprojectFiltersToSearch(filters: SubprojectQuery): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  return params.toString();
}

/**
 * A filter changed: empty values dropped; a new sector clears a type of another sector (the type list follows
 * the sector), as `typeSector` tells.
 */
export function changeFilters(
  filters: SubprojectQuery,
  patch: Partial<SubprojectQuery>,
  typeSector: (type: string) => string | undefined,
): SubprojectQuery {
  const next: SubprojectQuery = { ...filters, ...patch };
  if (patch.sector !== undefined && next.type && typeSector(next.type) !== next.sector && next.sector)
    delete next.type;
  for (const k of KEYS) if (!next[k]) delete next[k];
  return next;
}
