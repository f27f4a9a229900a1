import { buildUrl, http } from './client';
import type { Meta } from './types';

/** Grievance reporting (server modules/grm/reports): the same numbers as the periodic reports. */

export interface SummaryFilters {
  from?: string;
  to?: string;
  area?: string;
  type?: string;
  category?: string;
  channel?: string;
}

export interface Count {
  key: string;
  n: number;
}

export interface Compliance {
  onTime: number;
  due: number;
  /** Percent with one decimal; null when nothing was due. */
  rate: number | null;
}

export interface Duration {
  median: number | null;
  average: number | null;
  count: number;
}

export interface Kpis {
  received: number;
  open: number;
  overdue: number;
  acknowledgedWithinDeadline: Compliance;
  resolvedWithinDeadline: Compliance;
  daysToAcknowledge: Duration;
  daysToResolve: Duration;
  escalations: number;
  appeals: number;
  satisfactionAverage: number | null;
  satisfactionCount: number;
}

export interface AreaCount {
  id: string | null;
  code: string | null;
  name: string | null;
  level: string | null;
  n: number;
}

export interface ComplaintSummary extends Kpis {
  sensitiveIncluded: boolean;
  sensitiveTotal: number;
  byStatus: Count[];
  byType: Count[];
  byCategory: Count[];
  byChannel: Count[];
  byGender: Count[];
  byAgeGroup: Count[];
  byVulnerability: Count[];
  byArea: AreaCount[];
  satisfaction: Count[];
  trend: Array<Kpis & { month: string; closed: number }>;
  /** Live query, or the rollup built at `asOf` (docs/reports.md, "Speed"). */
  source?: 'live' | 'rollup';
  asOf?: string;
}

export interface Indicator {
  code: string;
  unit: 'count' | 'percent' | 'days' | 'score';
  name: { fr: string; en: string };
  definition: { fr: string; en: string };
  value: number | null;
  trend: Array<{ month: string; value: number | null }>;
}

const clean = (f: SummaryFilters) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export const getSummary = (filters: SummaryFilters) =>
  http.get<ComplaintSummary>('/api/v1/reports/complaints/summary', clean(filters));

export const getIndicators = (area?: string, months = 12) =>
  http.get<{ from: string; to: string; sensitiveIncluded: boolean; items: Indicator[] }>(
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

export interface AreaCounts {
  id: string;
  code: string;
  name: string;
  path: string;
  latitude: number | null;
  longitude: number | null;
  total: number | null;
  open: number | null;
  overdue: number | null;
  suppressed: boolean;
}

export interface AreaMapData {
  level: MapLevel;
  version: ReportVersion;
  sensitiveIncluded: boolean;
  sensitiveTotal: number | null;
  source: 'live' | 'rollup';
  asOf: string;
  smallCountThreshold: number | null;
  items: AreaCounts[];
}

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

export interface ReportRun {
  id: string;
  period: string;
  version: ReportVersion;
  format: 'pdf' | 'xlsx';
  area: { id: string; name: string | null } | null;
  fileName: string;
  byteSize: number;
  generatedAt: string;
  downloadUrl: string;
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

export interface ExportJob {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  filters: Record<string, string>;
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  rowCount: number | null;
  byteSize: number | null;
  errorCode: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
  downloadUrl: string | null;
}

export const requestExport = (body: {
  kind: ExportKind;
  format: ExportFormat;
  filters: Record<string, string>;
}) => http.post<ExportJob>('/api/v1/exports', body);

export const listExports = () => http.get<{ items: ExportJob[] }>('/api/v1/exports');
