import { auditEntrySchema, pageOf } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { requirePermission } from '../../http/auth.js';
import { decodeCursor, page } from '../../http/cursor.js';
import type { Api } from '../../http/types.js';
import { listAudit } from './repo.js';

// PostgreSQL has no year 0000 and stops at 294276: a filter outside any plausible year is a 400, not a 500.
const instant = z.coerce
  .date()
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9998, { message: 'date_out_of_range' });

const query = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditRoutes(app: Api, { db }: { db: Db }) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the append-only audit log, newest first',
        querystring: query,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (request) => {
      requirePermission(request, 'audit.read');
      const { cursor, limit, ...filter } = request.query;
      const before = decodeCursor(cursor, z.object({ id: z.number().int() }));
      const rows = await listAudit(db, { ...filter, beforeId: before?.id, limit: limit + 1 });
      const result = page(rows, limit, (r) => ({ id: r.id }));
      return {
        items: result.items.map((r) => ({
          id: r.id,
          at: r.at,
          actor: r.actor_id
            ? { id: r.actor_id, username: r.actor_username, displayName: r.actor_display_name }
            : null,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          changes: r.changes,
          ip: r.ip,
        })),
        nextCursor: result.nextCursor,
      };
    },
  );
}
