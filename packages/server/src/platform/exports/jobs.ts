import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { togoDate } from '@coso/domain';
import { z } from 'zod';
import type { AuthUser } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { type Clock, systemClock } from '../../lib/clock.js';
import { appendAudit } from '../audit/repo.js';
import { toAuthUser } from '../auth/service.js';
import { findUserById } from '../users/repo.js';
import { checkExportPermission, exportFileName, openExport, parseExportFilters } from './kinds.js';
import { counted, EXPORT_FORMATS, type ExportFormat } from './table-stream.js';

/**
 * Background exports: POST queues a job, the worker writes the file under DATA_DIR/exports, the requester
 * (and nobody else) downloads it until it expires, then the purge deletes the file and keeps the row.
 */

export const EXPORT_TTL_HOURS = 72;
/** Queued or running jobs one person may have at a time. */
export const MAX_ACTIVE_EXPORTS = 3;
/** A job still "running" after this long was cut off by a restart: another worker takes it over. */
const STALE_RUN_MINUTES = 120;

export const exportRequestSchema = z.object({
  /** A kind registered by a module (kinds.ts); another is refused with 400 when the job is queued. */
  kind: z.string().max(60),
  format: z.enum(['csv', 'xlsx']),
  /** The filters as a query string would give them (`status: "received,closed"`). */
  filters: z.record(z.string().max(64), z.string().max(1000)).default({}),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

interface JobRow {
  id: string;
  requested_by: string;
  kind: string;
  format: ExportFormat;
  filters: Record<string, string>;
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  row_count: number | null;
  byte_size: string | null;
  error_code: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

export const exportsDir = (dataDir: string) => path.join(dataDir, 'exports');
const fileOf = (dir: string, j: Pick<JobRow, 'id' | 'format'>) => path.join(dir, `${j.id}.${j.format}`);

export type ExportService = ReturnType<typeof createExportService>;

export function createExportService({
  db,
  dataDir,
  clock = systemClock,
}: {
  db: Db;
  dataDir: string;
  clock?: Clock;
}) {
  const dir = exportsDir(dataDir);
  const now = () => clock.now();
  const expired = (j: JobRow) =>
    j.status === 'expired' || (j.status === 'done' && j.expires_at !== null && j.expires_at <= now());

  function view(j: JobRow) {
    const status = expired(j) ? 'expired' : j.status;
    return {
      id: j.id,
      kind: j.kind,
      format: j.format,
      filters: j.filters,
      status,
      rowCount: j.row_count,
      byteSize: j.byte_size === null ? null : Number(j.byte_size),
      errorCode: j.error_code,
      createdAt: j.created_at,
      startedAt: j.started_at,
      finishedAt: j.finished_at,
      expiresAt: j.expires_at,
      downloadUrl: status === 'done' ? `/api/v1/exports/${j.id}/file` : null,
    };
  }

  /** The requester's job; anyone else's answers 404, as if it did not exist. */
  async function own(actor: AuthUser, id: string): Promise<JobRow> {
    const [j] = await db.query<JobRow>('select * from export_jobs where id = $1 and requested_by = $2', [
      id,
      actor.id,
    ]);
    if (!j) throw new AppError('not_found');
    return j;
  }

  const audit = (
    tx: Queryable,
    actorId: string,
    j: Pick<JobRow, 'id'>,
    action: string,
    changes: object,
    ip: string | null,
  ) =>
    appendAudit(tx, { actorId, entity: 'export_job', entityId: j.id, action, changes: { ...changes }, ip });

  /** Runs the oldest waiting job, if any; true when it ran one. Safe with several processes. */
  async function runNext(): Promise<boolean> {
    const [j] = await db.query<JobRow>(
      `update export_jobs set status = 'running', started_at = $1
        where id = (select id from export_jobs
                     where status = 'queued'
                        or (status = 'running' and started_at < $1::timestamptz - make_interval(mins => $2))
                     order by created_at, id limit 1 for update skip locked)
        returning *`,
      [now(), STALE_RUN_MINUTES],
    );
    if (!j) return false;
    const part = `${fileOf(dir, j)}.part`;
    try {
      const record = await findUserById(db, j.requested_by);
      // A person deactivated since the request gets nothing.
      if (!record?.active) throw new AppError('forbidden');
      const actor = toAuthUser(record);
      const filters = parseExportFilters(j.kind, j.filters);
      const { table, pages } = await openExport(db, actor, j.kind, filters, togoDate(now()));
      let rows = 0;
      await mkdir(dir, { recursive: true });
      const stream = EXPORT_FORMATS[j.format].stream(
        table,
        counted(pages, (n) => {
          rows += n;
        }),
      );
      await pipeline(stream, createWriteStream(part));
      await rename(part, fileOf(dir, j));
      const bytes = (await stat(fileOf(dir, j))).size;
      const finished = now();
      const expires = new Date(finished.getTime() + EXPORT_TTL_HOURS * 3_600_000);
      await db.transaction(async (tx) => {
        await tx.query(
          `update export_jobs set status = 'done', row_count = $2, byte_size = $3, finished_at = $4, expires_at = $5
            where id = $1`,
          [j.id, rows, bytes, finished, expires],
        );
        await audit(tx, j.requested_by, j, 'complete', { kind: j.kind, format: j.format, rows, bytes }, null);
      });
    } catch (err) {
      await rm(part, { force: true });
      const code =
        err instanceof AppError
          ? err.code
          : err instanceof z.ZodError
            ? 'validation_error'
            : 'internal_error';
      await db.transaction(async (tx) => {
        await tx.query(
          `update export_jobs set status = 'failed', error_code = $2, finished_at = $3 where id = $1`,
          [j.id, code, now()],
        );
        await audit(tx, j.requested_by, j, 'fail', { kind: j.kind, code }, null);
      });
      if (code === 'internal_error') throw err;
    }
    return true;
  }

  return {
    async request(actor: AuthUser, body: ExportRequest, ip: string | null) {
      checkExportPermission(actor, body.kind);
      parseExportFilters(body.kind, body.filters); // a bad filter is a 400 now, not a failed job later
      return db.transaction(async (tx) => {
        // One at a time per person, so that the count below cannot be raced.
        await tx.query('select pg_advisory_xact_lock(7402029, hashtext($1))', [actor.id]);
        const [active] = await tx.query<{ n: number }>(
          `select count(*)::int as n from export_jobs where requested_by = $1 and status in ('queued', 'running')`,
          [actor.id],
        );
        if ((active?.n ?? 0) >= MAX_ACTIVE_EXPORTS) throw new AppError('too_many_requests');
        const [j] = await tx.query<JobRow>(
          `insert into export_jobs (id, requested_by, kind, format, filters, status, created_at)
           values ($1, $2, $3, $4, $5::jsonb, 'queued', $6) returning *`,
          [randomUUID(), actor.id, body.kind, body.format, JSON.stringify(body.filters), now()],
        );
        await audit(
          tx,
          actor.id,
          j!,
          'request',
          { kind: body.kind, format: body.format, filters: body.filters },
          ip,
        );
        return view(j!);
      });
    },

    async list(actor: AuthUser) {
      const rows = await db.query<JobRow>(
        'select * from export_jobs where requested_by = $1 order by created_at desc, id desc limit 50',
        [actor.id],
      );
      return rows.map(view);
    },

    async get(actor: AuthUser, id: string) {
      return view(await own(actor, id));
    },

    /** The finished file, for its requester only: 410 once expired, 409 while not ready. */
    async file(actor: AuthUser, id: string, ip: string | null) {
      const j = await own(actor, id);
      if (expired(j)) throw new AppError('export_expired');
      if (j.status !== 'done') throw new AppError('export_not_ready', { status: j.status });
      await audit(db, actor.id, j, 'download', { kind: j.kind, format: j.format, rows: j.row_count }, ip);
      return {
        stream: createReadStream(fileOf(dir, j)),
        contentType: EXPORT_FORMATS[j.format].contentType,
        fileName: exportFileName(j.kind, j.format, togoDate(j.created_at)),
      };
    },

    runNext,

    /** Runs every waiting job (the worker calls it every few seconds). */
    async runPending(): Promise<number> {
      let n = 0;
      while (await runNext()) n += 1;
      return n;
    },

    /** Deletes the files of expired exports; their rows stay (410 and the audit trail). */
    async purgeExpired(tx: Queryable): Promise<number> {
      const rows = await tx.query<Pick<JobRow, 'id' | 'format'>>(
        `update export_jobs set status = 'expired' where status = 'done' and expires_at <= $1 returning id, format`,
        [now()],
      );
      for (const j of rows) await rm(fileOf(dir, j), { force: true });
      return rows.length;
    },
  };
}
