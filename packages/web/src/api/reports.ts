import { http } from './client';

/** Grievance reporting (server modules/reports): the same numbers as the periodic reports. */

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
