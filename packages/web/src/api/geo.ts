import type { VillageGroupKind } from '@coso/domain';
import { buildUrl, http, request } from './client';
import type {
  GeoLevel,
  GeoUnit,
  GeoUnitCreateBody,
  GeoUnitFields,
  GeoUnitQuery,
  GeoUnitSummary,
  ImportResult,
  Page,
  VillageGroup,
  VillageGroupBody,
} from './types';

const units = '/api/v1/geo/units';
const groups = '/api/v1/geo/groups';
const enc = encodeURIComponent;

export function listGeoLevels(): Promise<{ items: GeoLevel[] }> {
  return http.get<{ items: GeoLevel[] }>('/api/v1/geo/levels');
}

export function listGeoUnits(query: GeoUnitQuery): Promise<Page<GeoUnitSummary>> {
  return http.get<Page<GeoUnitSummary>>(units, { ...query });
}

/** Every page of a query, for small bounded lists (the villages of one canton). */
export async function listAllGeoUnits(query: GeoUnitQuery, max = 2000): Promise<GeoUnitSummary[]> {
  const all: GeoUnitSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<GeoUnitSummary> = await listGeoUnits({ ...query, cursor, limit: 200 });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < max);
  return all;
}

export function getGeoUnit(id: string): Promise<GeoUnit> {
  return http.get<GeoUnit>(`${units}/${enc(id)}`);
}

export function createGeoUnit(body: GeoUnitCreateBody): Promise<GeoUnit> {
  return http.post<GeoUnit>(units, body);
}

export function updateGeoUnit(id: string, body: Partial<GeoUnitFields>): Promise<GeoUnit> {
  return http.patch<GeoUnit>(`${units}/${enc(id)}`, body);
}

export function deleteGeoUnit(id: string): Promise<void> {
  return http.delete(`${units}/${enc(id)}`);
}

export function importGeo(file: File, dryRun: boolean, onError: 'stop' | 'skip'): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request<ImportResult>('POST', '/api/v1/geo/import', { query: { dryRun, onError }, form });
}

/** A plain URL: the browser downloads the file with the session cookie. */
export function geoExportUrl(format: 'csv' | 'xlsx', within?: string): string {
  return buildUrl('/api/v1/geo/export', { format, within });
}

export interface VillageGroupQuery {
  kind?: VillageGroupKind;
  canton?: string;
  within?: string;
  q?: string;
  cursor?: string | null;
}

export function listVillageGroups(query: VillageGroupQuery): Promise<Page<VillageGroup>> {
  return http.get<Page<VillageGroup>>(groups, { ...query });
}

export function createVillageGroup(body: VillageGroupBody): Promise<VillageGroup> {
  return http.post<VillageGroup>(groups, body);
}

export function updateVillageGroup(id: string, body: Partial<VillageGroupBody>): Promise<VillageGroup> {
  return http.patch<VillageGroup>(`${groups}/${enc(id)}`, body);
}

export function deleteVillageGroup(id: string): Promise<void> {
  return http.delete(`${groups}/${enc(id)}`);
}
