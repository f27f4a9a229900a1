import type { AreaMapData, ComplaintSummary, ExportJob, Indicators, ReportRun } from '@coso/domain';
import { buildUrl, http } from './client';
import type { Meta } from './types';

export type {
  AreaCount,
  AreaMapData,
  ComplaintSummary,
  Compliance,
  Count,
  Duration,
  ExportJob,
  Indicator,
  Indicators,
  Kpis,
  ReportRun,
} from '@coso/domain';

/** Grievance reporting (server modules/grm/reports): the same numbers as the periodic reports. */

export interface SummaryFilters {
  from?: string;
  to?: string;
  area?: string;
  type?: string;
  category?: string;
  channel?: string;
}

const clean = (f: SummaryFilters) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export const getSummary = (filters: SummaryFilters) =>
  http.get<ComplaintSummary>('/api/v1/reports/complaints/summary', clean(filters));

export const getIndicators = (area?: string, months = 12) =>
  http.get<Indicators>(
    '/api/v1/reports/complaints/indicators',
    clean({ area, months: String(months) } as SummaryFilters),
  );

export type ReportVersion = 'internal' | 'public';

export const periodicReportUrl = (
  format: 'pdf' | 'xlsx',
  q: { period: string; version: ReportVersion; area?: string | undefined },
) => buildUrl(`/api/v1/reports/complaints/periodic.${format}`, q);

/** Map data: one row per unit of a level, with a centroid; counts are null when the public version hides them. */
export const MAP_LEVELS = ['region', 'prefecture', 'commune', 'canton'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];
export type AreaCounts = AreaMapData['items'][number];

export const getByArea = (q: SummaryFilters & { level: MapLevel; version: ReportVersion }) =>
  http.get<AreaMapData>('/api/v1/reports/complaints/by-area', clean(q));

/** Base map settings, when the server exposes them in /api/v1/meta (`map.tileUrl`); none means no tiles. */
export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
}

export function mapSettingsOf(meta: Meta | null): MapSettings {
  const map = (meta as (Meta & { map?: Partial<MapSettings> | null }) | null)?.map;
  return { tileUrl: map?.tileUrl || null, attribution: map?.attribution || null };
}

export const listReportRuns = () => http.get<{ items: ReportRun[] }>('/api/v1/reports/runs');

/** Exports (server platform/exports): streamed downloads and background jobs. */
export type ExportKind = 'complaints' | 'analyst' | 'analyst_events';
export type ExportFormat = 'csv' | 'xlsx';

export const analystExportUrl = (
  kind: 'analyst' | 'analyst_events',
  format: ExportFormat,
  filters: SummaryFilters,
) =>
  buildUrl(`/api/v1/exports/${kind === 'analyst' ? 'analyst' : 'analyst-events'}.${format}`, clean(filters));

export const requestExport = (body: {
  kind: ExportKind;
  format: ExportFormat;
  filters: Record<string, string>;
}) => http.post<ExportJob>('/api/v1/exports', body);

export const listExports = () => http.get<{ items: ExportJob[] }>('/api/v1/exports');
