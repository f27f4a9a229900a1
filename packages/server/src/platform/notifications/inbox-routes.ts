import {
  appNotificationSchema,
  noContentSchema,
  pageOf,
  readAllSchema,
  unreadCountSchema,
} from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { authedContext, requireUser } from '../../http/auth.js';
import { decodeCursor, page } from '../../http/cursor.js';
import type { Api } from '../../http/types.js';
import { appendAudit } from '../audit/repo.js';
import * as inbox from './inbox-repo.js';

const listQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const cursorKey = z.object({ id: z.number().int().positive() });

/**
 * Every signed-in user's own in-app notifications (what the sender delivered on the in_app channel). Read
 * marks are writes like any other, so they are audited with them, in the same transaction.
 */
export function inboxRoutes(app: Api, { db }: { db: Db }) {
  const tags = ['notifications'];

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: listQuery,
        response: { 200: pageOf(appNotificationSchema) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { unread, cursor, limit } = request.query;
      const rows = await inbox.listInbox(db, user.id, {
        unread: unread === undefined ? undefined : unread === 'true',
        beforeId: decodeCursor(cursor, cursorKey)?.id,
        limit: limit + 1,
      });
      return page(rows, limit, (r) => ({ id: r.id }));
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: unreadCountSchema },
      },
    },
    async (request) => ({ count: await inbox.countUnread(db, requireUser(request).id) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const { actor, ip } = authedContext(request);
      const { id } = request.params;
      await db.transaction(async (tx) => {
        const marked = await inbox.markRead(tx, actor.id, id);
        // Someone else's id answers exactly like a missing one: ids reveal nothing.
        if (!marked) throw new AppError('not_found');
        // Reading it again changes nothing, so there is nothing to audit.
        if (!marked.changed) return;
        await appendAudit(tx, {
          actorId: actor.id,
          entity: 'notification',
          entityId: String(id),
          action: 'read',
          ip,
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: readAllSchema } } },
    async (request) => {
      const { actor, ip } = authedContext(request);
      const updated = await db.transaction(async (tx) => {
        const n = await inbox.markAllRead(tx, actor.id);
        if (n > 0) {
          await appendAudit(tx, {
            actorId: actor.id,
            entity: 'notification',
            entityId: null,
            action: 'read_all',
            changes: { updated: n },
            ip,
          });
        }
        return n;
      });
      return { updated };
    },
  );
}
