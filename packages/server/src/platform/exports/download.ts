import { togoDate } from '@coso/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../context.js';
import type { Queryable } from '../../db/driver.js';
import { requireUser } from '../../http/auth.js';
import { appendAudit } from '../audit/repo.js';
import { checkExportPermission, exportEntity, exportFileName, openExport } from './kinds.js';
import { counted, EXPORT_FORMATS, type ExportFormat, prefetched } from './table-stream.js';

/**
 * A streamed download, audited. The audit entry is written before the first byte leaves, with the filters: an
 * export cut off half-way has still disclosed rows, and if the audit log cannot be written nothing is
 * disclosed. A second entry records the row count once the last row has been read (`onLateError` if that
 * one fails: the download has gone by then).
 */
export async function openDownload(
  db: Queryable,
  actor: AuthUser,
  request: { kind: string; format: ExportFormat; filters: unknown; ip: string | null },
  options: { onLateError: (err: unknown) => void },
) {
  const { kind, format, filters, ip } = request;
  checkExportPermission(actor, kind);
  const audit = (action: string, changes: object) =>
    appendAudit(db, {
      actorId: actor.id,
      entity: exportEntity(kind),
      entityId: null,
      action,
      changes: { ...changes },
      ip,
    });
  await audit('export', { format, filters });
  const today = togoDate();
  const { table, pages } = await openExport(db, actor, kind, filters, today);
  let rows = 0;
  const body = await prefetched(
    counted(
      pages,
      (n) => {
        rows += n;
      },
      () => audit('export_completed', { format, rows }).catch(options.onLateError),
    ),
  );
  return {
    contentType: EXPORT_FORMATS[format].contentType,
    fileName: exportFileName(kind, format, today),
    stream: EXPORT_FORMATS[format].stream(table, body),
  };
}

/**
 * The route handler of a streamed download of `kind` (a module registers its GET routes with it: the filters
 * are the route's validated query string).
 */
export const streamExport =
  (db: Queryable, kind: string, format: ExportFormat) =>
  async (request: FastifyRequest<{ Querystring: unknown }>, reply: FastifyReply) => {
    const file = await openDownload(
      db,
      requireUser(request),
      { kind, format, filters: request.query, ip: request.ip },
      { onLateError: (err) => request.log.error({ err }, 'export audit failed') },
    );
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.stream);
  };
