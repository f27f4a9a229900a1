import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Actor, hasPermission, inJurisdiction } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { appendAudit } from '../audit/repo.js';
import { findReportKind, type ReportKind, type ReportParams } from './kinds.js';
import { activeSchedules, schedulerActor } from './schedules.js';

/**
 * Periodic reports generated on schedule. The worker asks every hour; what is already in report_runs is not
 * generated again, so a server that was down on the first catches up. Each run records its kind and, for a
 * schedule a person made, the schedule and that person: it runs with their rights, read at run time.
 */

export const reportsDir = (dataDir: string) => path.join(dataDir, 'reports');

interface RunRow {
  id: string;
  kind: string;
  period: string;
  version: 'internal' | 'public';
  format: string;
  area_id: string | null;
  area_name: string | null;
  area_path: string | null;
  scheduled_by: string | null;
  file_name: string;
  byte_size: number;
  generated_at: Date;
}

interface Job {
  actor: Actor;
  schedule: { id: string; by: string } | null;
  variants: ReportParams[];
}

const ZERO = '00000000-0000-0000-0000-000000000000';

/** Writes the runs of `kind` due on `today` that do not exist yet; returns how many files were written. */
export async function generateDueRuns(
  tx: Queryable,
  dataDir: string,
  today: string,
  kind: ReportKind,
): Promise<number> {
  const periods = kind.duePeriods(today);
  const jobs: Job[] = [];
  const builtInActor = kind.builtIn && (await kind.builtIn.actor(tx));
  if (kind.builtIn && builtInActor) {
    const { versions, formats } = kind.builtIn;
    jobs.push({
      actor: builtInActor,
      schedule: null,
      variants: periods.flatMap((period) =>
        versions.flatMap((version) => formats.map((format) => ({ period, version, format }))),
      ),
    });
  }
  for (const s of await activeSchedules(tx, kind.name)) {
    // A person deactivated since, or whose rights no longer include the kind's permission, gets nothing.
    const actor = await schedulerActor(tx, s.scheduledBy);
    if (!actor || (kind.permission && !hasPermission(actor, kind.permission))) continue;
    jobs.push({
      actor,
      schedule: { id: s.id, by: s.scheduledBy },
      variants: periods.map((period) => ({ ...s.params, period })),
    });
  }
  const done = await tx.query<{ key: string }>(
    `select period || ' ' || version || ' ' || format || ' ' || coalesce(schedule_id, $3::uuid) as key
       from report_runs where kind = $1 and period = any($2::text[])`,
    [kind.name, periods, ZERO],
  );
  const have = new Set(done.map((d) => d.key));
  const dir = reportsDir(dataDir);
  let written = 0;
  for (const job of jobs)
    for (const v of job.variants) {
      if (have.has(`${v.period} ${v.version} ${v.format} ${job.schedule?.id ?? ZERO}`)) continue;
      if (!kind.formats[v.format]) continue;
      const { bytes, filename } = await kind.render(tx, job.actor, v, today);
      const id = randomUUID();
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${id}.${v.format}`), bytes);
      await tx.query(
        `insert into report_runs
           (id, kind, period, version, format, area_id, file_name, byte_size, schedule_id, scheduled_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          kind.name,
          v.period,
          v.version,
          v.format,
          v.area ?? null,
          filename,
          bytes.length,
          job.schedule?.id ?? null,
          job.schedule?.by ?? null,
        ],
      );
      written += 1;
    }
  return written;
}

const RUN_SELECT = `select r.id, r.kind, r.period, r.version, r.format, r.area_id, u.name as area_name,
                           u.path as area_path, r.scheduled_by, r.file_name, r.byte_size, r.generated_at
                      from report_runs r left join geo_units u on u.id = r.area_id`;

/**
 * Public versions for every reporting role; internal ones for those whose jurisdiction covers the area (the
 * whole country: national staff), and always for the person who scheduled the run.
 */
function visible(actor: Actor, r: RunRow): boolean {
  if (r.version === 'public' || r.scheduled_by === actor.id) return true;
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

/** The runs of the given kinds the actor may have, newest period first. */
export async function listReportRuns(db: Queryable, actor: Actor, kinds: readonly string[]) {
  const rows = await db.query<RunRow>(
    `${RUN_SELECT} where r.kind = any($1::text[]) order by r.period desc, r.version, r.format limit 500`,
    [kinds],
  );
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
  const contentType = r && findReportKind(r.kind)?.formats[r.format]?.contentType;
  if (!r || !contentType || !visible(actor, r)) throw new AppError('not_found');
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
  return { stream: createReadStream(file), contentType, fileName: r.file_name };
}
