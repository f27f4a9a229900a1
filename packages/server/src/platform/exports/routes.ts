import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { requireUser } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { complaintFilterSchema } from '../../modules/grm/complaints/list.js';
import type { ExportKind } from '../../modules/grm/exports/sources.js';
import { summaryFilterSchema } from '../../modules/grm/reports/summary.js';
import { openDownload } from './download.js';
import { type ExportService, exportRequestSchema } from './jobs.js';
import type { ExportFormat } from './table-stream.js';

const idParams = z.object({ id: z.uuid() });

export function exportRoutes(app: Api, { db, exports }: { db: Db; exports: ExportService }) {
  const tags = ['exports'];

  /** A streamed, audited download (download.ts). */
  const stream =
    (kind: ExportKind, format: ExportFormat) =>
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

  const listSchema = (format: string) => ({
    tags,
    summary: `The case list as ${format}, with the list's filters and scope (streamed; no identities, no descriptions)`,
    querystring: complaintFilterSchema,
  });
  // The exports family of the reporting API, and the list's own links: the same streams.
  for (const base of ['/api/v1/exports/complaints', '/api/v1/complaints/export']) {
    app.get(`${base}.csv`, { schema: listSchema('CSV') }, stream('complaints', 'csv'));
    app.get(`${base}.xlsx`, { schema: listSchema('XLSX') }, stream('complaints', 'xlsx'));
  }
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/v1/exports/analyst.${format}`,
      {
        schema: {
          tags,
          summary: `Analysts' dataset as ${format.toUpperCase()}: one row per case the caller's role may see in their jurisdictions (supervisors: published cases only; analysts: ordinary cases; sensitive cases only to those who see them), every dimension and duration in business days, codes, no identities (streamed; filters of the summary)`,
          querystring: summaryFilterSchema,
        },
      },
      stream('analyst', format),
    );
    app.get(
      `/api/v1/exports/analyst-events.${format}`,
      {
        schema: {
          tags,
          summary: `The events of the analysts' cases as ${format.toUpperCase()}: one row per event, no payload, no actor (streamed)`,
          querystring: summaryFilterSchema,
        },
      },
      stream('analyst_events', format),
    );
  }

  app.post(
    '/api/v1/exports',
    {
      schema: {
        tags,
        summary: 'Queue a background export (kind complaints|analyst|analyst_events); 202 with the job',
        body: exportRequestSchema,
      },
    },
    async (request, reply) =>
      reply.status(202).send(await exports.request(requireUser(request), request.body, request.ip)),
  );

  app.get(
    '/api/v1/exports',
    { schema: { tags, summary: 'Your background exports, newest first (50 at most)' } },
    async (request) => ({ items: await exports.list(requireUser(request)) }),
  );

  app.get(
    '/api/v1/exports/:id',
    {
      schema: {
        tags,
        summary: 'A background export of yours: status, row count, download URL, expiry',
        params: idParams,
      },
    },
    async (request) => exports.get(requireUser(request), request.params.id),
  );

  app.get(
    '/api/v1/exports/:id/file',
    {
      schema: {
        tags,
        summary: 'Download a finished export (its requester only; 410 export_expired after expiry)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exports.file(requireUser(request), request.params.id, request.ip);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
}
