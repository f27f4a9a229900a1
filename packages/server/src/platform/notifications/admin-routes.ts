import {
  itemsOf,
  noContentSchema,
  notificationTemplateSchema,
  type OutboxRow,
  outboxRetriedSchema,
  outboxRowSchema,
  pageOf,
} from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { authedContext, requirePermission } from '../../http/auth.js';
import { decodeCursor, page } from '../../http/cursor.js';
import type { Api } from '../../http/types.js';
import { appendAudit } from '../audit/repo.js';
import { CHANNELS, type Topic } from './outbox.js';
import { checkTemplate, findTemplate, isTopic, LOCALES, listTemplates } from './templates.js';
import { allSubjectKinds, findTopic } from './topics.js';

// Administrators only (the permission only the admin role has), like user management.
const ADMIN = 'users.manage';
const hasSecret = (topic: Topic) => (findTopic(topic)?.secretVariables ?? []).length > 0;

/** The subject's reference as each registered entity type shows it (SQL over the outbox row `o`). */
function subjectReferenceSql() {
  const cases = allSubjectKinds()
    .filter((k) => k.referenceSql)
    .map((k) => `when '${k.entityType.replace(/'/g, "''")}' then (${k.referenceSql})`);
  return cases.length ? `case o.entity_type ${cases.join(' ')} end` : 'null::text';
}
const templateParams = z.object({
  topic: z.string().max(60),
  channel: z.enum(CHANNELS),
  locale: z.enum(LOCALES as ['fr', 'en']),
});
const templateBody = z.object({
  subject: z.string().trim().max(200).optional(),
  body: z.string().trim().min(1).max(1000),
});
const outboxQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']).optional(),
  channel: z.enum(CHANNELS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The administrator's view of messages: templates to edit, and every queued message with its status. */
export function notificationAdminRoutes(app: Api, { db }: { db: Db }) {
  const tags = ['notifications'];

  app.get(
    '/api/v1/notification-templates',
    {
      schema: {
        tags,
        summary: 'Every message text in force',
        response: { 200: itemsOf(notificationTemplateSchema) },
      },
    },
    async (request) => {
      requirePermission(request, ADMIN);
      return { items: await listTemplates(db) };
    },
  );

  async function templateOf(params: z.infer<typeof templateParams>) {
    const found = isTopic(params.topic)
      ? await findTemplate(db, params.topic, params.channel, params.locale)
      : undefined;
    if (!found) throw new AppError('not_found');
    return found;
  }

  app.put(
    '/api/v1/notification-templates/:topic/:channel/:locale',
    {
      schema: {
        tags,
        summary: 'Replace a message text',
        params: templateParams,
        body: templateBody,
        response: { 200: notificationTemplateSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, ADMIN);
      const current = await templateOf(request.params);
      const { body } = request.body;
      const subject = current.channel === 'sms' ? '' : (request.body.subject ?? current.subject);
      checkTemplate(current.topic, current.channel, { subject, body });
      await db.transaction(async (tx) => {
        await tx.query(
          `insert into notification_templates (topic, channel, locale, subject, body, updated_by, updated_at)
           values ($1, $2, $3, $4, $5, $6, now())
           on conflict (topic, channel, locale) do update
             set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by, updated_at = now()`,
          [current.topic, current.channel, current.locale, subject, body, ctx.actor.id],
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'notification_template',
          entityId: `${current.topic}/${current.channel}/${current.locale}`,
          action: 'update',
          changes: {
            subject: { from: current.subject, to: subject },
            body: { from: current.body, to: body },
          },
          ip: ctx.ip,
        });
      });
      return templateOf(request.params);
    },
  );

  app.delete(
    '/api/v1/notification-templates/:topic/:channel/:locale',
    {
      schema: {
        tags,
        summary: 'Back to the built-in text',
        params: templateParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, ADMIN);
      const current = await templateOf(request.params);
      await db.transaction(async (tx) => {
        await tx.query(
          'delete from notification_templates where topic = $1 and channel = $2 and locale = $3',
          [current.topic, current.channel, current.locale],
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'notification_template',
          entityId: `${current.topic}/${current.channel}/${current.locale}`,
          action: 'reset',
          ip: ctx.ip,
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/notification-outbox',
    {
      schema: {
        tags,
        summary: 'Queued and sent messages with their delivery status, newest first',
        querystring: outboxQuery,
        response: { 200: pageOf(outboxRowSchema) },
      },
    },
    async (request) => {
      requirePermission(request, ADMIN);
      const { status, channel, cursor, limit } = request.query;
      const before = decodeCursor(cursor, z.object({ id: z.number().int() }));
      // Never the payload (it may hold a one-time code) nor any complainant address. The answer keeps its
      // complaint-named fields: the subject's reference comes from its module (topics.ts SubjectKind).
      const rows = await db.query<OutboxRow>(
        `select o.id::int, o.topic, o.channel, o.recipient_kind as "recipientKind",
                o.recipient_user_id as "recipientUserId",
                case when o.entity_type = 'complaint' then o.entity_id end as "complaintId",
                ${subjectReferenceSql()} as "complaintReference", o.status, o.attempts, o.last_error as "lastError",
                o.created_at as "createdAt", o.sent_at as "sentAt", o.next_attempt_at as "nextAttemptAt"
           from notification_outbox o
          where ($1::text is null or o.status = $1) and ($2::text is null or o.channel = $2)
            and ($3::bigint is null or o.id < $3)
          order by o.id desc limit $4`,
        [status ?? null, channel ?? null, before?.id ?? null, limit + 1],
      );
      return page(rows, limit, (r) => ({ id: r.id }));
    },
  );

  app.post(
    '/api/v1/notification-outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a failed or skipped message again',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: outboxRetriedSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, ADMIN);
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ status: string; topic: Topic }>(
          'select status, topic from notification_outbox where id = $1 for update',
          [request.params.id],
        );
        if (!row) throw new AppError('not_found');
        if (row.status !== 'failed' && row.status !== 'skipped')
          throw new AppError('outbox_not_retryable', { status: row.status });
        // Its one-time code was erased when it failed (and has expired since): the citizen asks for a new one.
        if (hasSecret(row.topic)) throw new AppError('outbox_not_retryable', { reason: 'secret_erased' });
        // A fresh series of attempts; the audit entry keeps the history.
        await tx.query(
          `update notification_outbox
              set status = 'pending', next_attempt_at = now(), last_error = null, attempts = 0, lease_until = null
            where id = $1`,
          [request.params.id],
        );
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'notification_outbox',
          entityId: String(request.params.id),
          action: 'retry',
          changes: { status: { from: row.status, to: 'pending' } },
          ip: ctx.ip,
        });
        return { id: request.params.id, status: 'pending' };
      });
    },
  );
}
