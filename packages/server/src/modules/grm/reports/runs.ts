import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Actor, inJurisdiction } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { periodicReport, REPORT_FORMATS, type ReportFormat } from './periodic.js';

/**
 * The periodic reports generated on schedule: last month's on the first of the month, and last quarter's
 * when a quarter has just ended, national, in both versions and both formats. The worker asks every hour;
 * what is already in report_runs is not generated again, so a server that was down on the first catches up.
 */

export const reportsDir = (dataDir: string) => path.join(dataDir, 'reports');

/** The last complete month and quarter before `today` (YYYY-MM-DD). */
export function duePeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const quarter = Math.floor((month - 1) / 3); // quarters fully past this year
  const lastQuarter = quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  return [lastMonth, lastQuarter];
}

const VERSIONS = ['internal', 'public'] as const;

interface RunRow {
  id: string;
  period: string;
  version: 'internal' | 'public';
  format: ReportFormat;
  area_id: string | null;
  area_name: string | null;
  area_path: string | null;
  file_name: string;
  byte_size: number;
  generated_at: Date;
}

/** Generates the national reports not generated yet; returns how many files were written. */
export async function generateDueReports(tx: Queryable, dataDir: string, today: string): Promise<number> {
  const roots = await tx.query<{ id: string; path: string }>(
    'select id, path from geo_units where parent_id is null order by code',
  );
  if (roots.length === 0) return 0;
  // The national grievance officer's view: every ordinary case, sensitive cases as one total.
  const system: Actor = {
    id: '00000000-0000-0000-0000-000000000000',
    roles: ['grm_officer'],
    jurisdictions: roots.map((r) => ({ unitId: r.id, path: r.path })),
  };
  const done = await tx.query<{ key: string }>(
    `select period || ' ' || version || ' ' || format as key from report_runs
      where area_id is null and period = any($1::text[])`,
    [duePeriods(today)],
  );
  const have = new Set(done.map((d) => d.key));
  const dir = reportsDir(dataDir);
  let written = 0;
  for (const period of duePeriods(today))
    for (const version of VERSIONS)
      for (const format of Object.keys(REPORT_FORMATS) as ReportFormat[]) {
        if (have.has(`${period} ${version} ${format}`)) continue;
        const { bytes, filename } = await periodicReport(tx, system, { period, version }, format, today);
        const id = randomUUID();
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, `${id}.${format}`), bytes);
        await tx.query(
          `insert into report_runs (id, period, version, format, area_id, file_name, byte_size)
           values ($1, $2, $3, $4, null, $5, $6)`,
          [id, period, version, format, filename, bytes.length],
        );
        written += 1;
      }
  return written;
}

const RUN_SELECT = `select r.id, r.period, r.version, r.format, r.area_id, u.name as area_name, u.path as area_path,
                           r.file_name, r.byte_size, r.generated_at
                      from report_runs r left join geo_units u on u.id = r.area_id`;

/** Public versions for every reporting role; internal ones for those whose jurisdiction covers the area. */
function visible(actor: Actor, r: RunRow): boolean {
  if (r.version === 'public') return true;
  if (r.area_path) return inJurisdiction(actor, r.area_path);
  return actor.jurisdictions.some((j) => j.path.split('/').filter(Boolean).length === 1);
}

const present = (r: RunRow) => ({
  id: r.id,
  period: r.period,
  version: r.version,
  format: r.format,
  area: r.area_id ? { id: r.area_id, name: r.area_name } : null,
  fileName: r.file_name,
  byteSize: r.byte_size,
  generatedAt: r.generated_at,
  downloadUrl: `/api/v1/reports/runs/${r.id}/file`,
});

export async function listReportRuns(db: Queryable, actor: Actor) {
  const rows = await db.query<RunRow>(`${RUN_SELECT} order by r.period desc, r.version, r.format limit 500`);
  return { items: rows.filter((r) => visible(actor, r)).map(present) };
}

export async function reportRunFile(
  db: Queryable,
  dataDir: string,
  actor: Actor,
  id: string,
  ip: string | null,
) {
  const [r] = await db.query<RunRow>(`${RUN_SELECT} where r.id = $1`, [id]);
  if (!r || !visible(actor, r)) throw new AppError('not_found');
  const file = path.join(reportsDir(dataDir), `${r.id}.${r.format}`);
  if (!(await stat(file).catch(() => null))) throw new AppError('not_found');
  await appendAudit(db, {
    actorId: actor.id,
    entity: 'report_run',
    entityId: r.id,
    action: 'download',
    changes: { period: r.period, version: r.version, format: r.format },
    ip,
  });
  return {
    stream: createReadStream(file),
    contentType: REPORT_FORMATS[r.format].contentType,
    fileName: r.file_name,
  };
}
