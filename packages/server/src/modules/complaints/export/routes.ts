import { togoDate } from '@coso/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/driver.js';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import { appendAudit } from '../../audit/repo.js';
import { type ComplaintFilter, complaintFilterSchema } from '../list.js';
import type { ComplaintService } from '../service.js';
import { loadExportLabels } from './columns.js';
import { complaintPages, csvStream, prefetched, xlsxStream } from './stream.js';

const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', stream: csvStream },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stream: xlsxStream,
  },
} as const;

export function complaintExportRoutes(app: Api, deps: { db: Db; complaints: ComplaintService }) {
  const { db, complaints } = deps;

  const exportList =
    (format: keyof typeof FORMATS) =>
    async (request: FastifyRequest<{ Querystring: ComplaintFilter }>, reply: FastifyReply) => {
      const actor = requirePermission(request, 'complaints.read');
      const filter = request.query;
      // The audit entry is written before the first byte leaves, with the filters only: an export that is
      // cut off half-way (client gone, process restarted) has still disclosed rows and must still be on
      // record, and if the audit log cannot be written nothing is disclosed. The row count is not known
      // yet at that point; the filters and the scope of the actor reproduce it.
      await appendAudit(db, {
        actorId: actor.id,
        entity: 'complaint_export',
        entityId: null,
        action: 'export',
        changes: { format, filters: filter },
        ip: request.ip,
      });
      const labels = await loadExportLabels(db);
      const pages = await prefetched(complaintPages(complaints, actor, filter));
      return reply
        .header('content-type', FORMATS[format].contentType)
        .header('content-disposition', `attachment; filename="plaintes-${togoDate()}.${format}"`)
        .header('cache-control', 'no-store')
        .send(FORMATS[format].stream(pages, labels));
    };

  const schema = (format: string) => ({
    tags: ['complaints'],
    summary: `Export the case list as ${format}, with the list's filters and scope (streamed; no identities, no descriptions)`,
    querystring: complaintFilterSchema,
  });
  // The exports family of the reporting API, and the list's own links: the same streams.
  for (const base of ['/api/v1/exports/complaints', '/api/v1/complaints/export']) {
    app.get(`${base}.csv`, { schema: schema('CSV') }, exportList('csv'));
    app.get(`${base}.xlsx`, { schema: schema('XLSX') }, exportList('xlsx'));
  }
}
