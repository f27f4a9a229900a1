import { exportJobListSchema, exportJobSchema } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { requireUser } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { type ExportService, exportRequestSchema } from './jobs.js';

const idParams = z.object({ id: z.uuid() });

export function exportRoutes(app: Api, { exports }: { db: Db; exports: ExportService }) {
  const tags = ['exports'];

  // Streamed downloads are the modules' routes (download.ts streamExport); the background jobs are here.
  app.post(
    '/api/v1/exports',
    {
      schema: {
        tags,
        summary: 'Queue a background export (kind complaints|analyst|analyst_events); 202 with the job',
        body: exportRequestSchema,
        response: { 202: exportJobSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await exports.request(requireUser(request), request.body, request.ip)),
  );

  app.get(
    '/api/v1/exports',
    {
      schema: {
        tags,
        summary: 'Your background exports, newest first (50 at most)',
        response: { 200: exportJobListSchema },
      },
    },
    async (request) => ({ items: await exports.list(requireUser(request)) }),
  );

  app.get(
    '/api/v1/exports/:id',
    {
      schema: {
        tags,
        summary: 'A background export of yours: status, row count, download URL, expiry',
        params: idParams,
        response: { 200: exportJobSchema },
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
