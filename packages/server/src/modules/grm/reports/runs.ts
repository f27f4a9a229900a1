import type { Actor } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import type { ReportKind } from '../../../platform/reports/kinds.js';
import * as runs from '../../../platform/reports/runs.js';
import { periodicReport, REPORT_FORMATS, type ReportFormat } from './periodic.js';

/**
 * The grievance module's periodic report as a report kind (platform/reports/): last month's on the first of
 * the month, and last quarter's when a quarter has just ended, in both versions and both formats. The
 * platform runs it on schedule, stores the files and lists the runs.
 */

export const reportsDir = runs.reportsDir;

/** The last complete month and quarter before `today` (YYYY-MM-DD). */
export function duePeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const quarter = Math.floor((month - 1) / 3); // quarters fully past this year
  const lastQuarter = quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  return [lastMonth, lastQuarter];
}

/**
 * The scope of the built-in national schedule, declared here rather than borrowed from a person: every area
 * of the country, with the rights of the national grievance office (ordinary cases in full, sensitive cases
 * as one total). Schedules made by a person run with that person's rights instead.
 */
async function nationalScope(q: Queryable): Promise<Actor | undefined> {
  const roots = await q.query<{ id: string; path: string }>(
    'select id, path from geo_units where parent_id is null order by code',
  );
  if (roots.length === 0) return undefined;
  return {
    id: '00000000-0000-0000-0000-000000000000',
    roles: ['grm_officer'],
    jurisdictions: roots.map((r) => ({ unitId: r.id, path: r.path })),
  };
}

export const grmPeriodicReport: ReportKind = {
  name: 'grm.periodic',
  permission: 'reports.view',
  formats: REPORT_FORMATS,
  duePeriods,
  render: (q, actor, p, today) =>
    periodicReport(
      q,
      actor,
      { period: p.period, version: p.version, ...(p.area ? { area: p.area } : {}) },
      p.format as ReportFormat,
      today,
    ),
  builtIn: {
    versions: ['internal', 'public'],
    formats: Object.keys(REPORT_FORMATS),
    actor: nationalScope,
  },
};

/** The grievance module's report kinds (registered by the composition root). */
export const grmReportKinds: readonly ReportKind[] = [grmPeriodicReport];

/** Generates the periodic reports not generated yet; returns how many files were written. */
export const generateDueReports = (tx: Queryable, dataDir: string, today: string) =>
  runs.generateDueRuns(tx, dataDir, today, grmPeriodicReport);

export async function listReportRuns(db: Queryable, actor: Actor) {
  const { items } = await runs.listReportRuns(db, actor, [grmPeriodicReport.name]);
  return { items: items.map((r) => ({ ...r, format: r.format as ReportFormat })) };
}

export const reportRunFile = runs.reportRunFile;
