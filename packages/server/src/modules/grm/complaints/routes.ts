import {
  canSeeComplaint,
  complaintActionResultSchema,
  complaintActionSchema,
  complaintEventSchema,
  complaintPageSchema,
  complaintSchema,
  createComplaintSchema,
  eligibleAssigneesSchema,
  itemsOf,
  seesPublishedSummaryOnly,
} from '@coso/domain';
import { z } from 'zod';
import { authedContext, requirePermission } from '../../../http/auth.js';
import { decodeCursor, page } from '../../../http/cursor.js';
import type { Api } from '../../../http/types.js';
import { complaintCursorSchema, complaintFilterSchema } from './list.js';
import { accessView, presentComplaint, presentEvent, presentListItem } from './presenter.js';
import type { ComplaintService } from './service.js';

const idParams = z.object({ id: z.uuid() });
export const listQuery = complaintFilterSchema.extend({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const actionBody = z.intersection(
  complaintActionSchema,
  z.object({ baseVersion: z.number().int().min(1).optional() }),
);

export function complaintRoutes(app: Api, { complaints }: { complaints: ComplaintService }) {
  const tags = ['complaints'];

  app.post(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: 'Record a complaint (staff intake); it is routed at once',
        body: createComplaintSchema,
        response: { 201: complaintSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'complaints.create');
      const c = await complaints.create(ctx, request.body);
      const identity = await complaints.identity(ctx.actor, c.id).catch(() => undefined);
      return reply.status(201).send(presentComplaint(c, ctx.actor, identity));
    },
  );

  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: 'Cases the caller may see, filtered, newest first, keyset-paginated',
        querystring: listQuery,
        response: { 200: complaintPageSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      const { cursor, limit, ...filter } = request.query;
      const rows = await complaints.list(
        actor,
        filter,
        decodeCursor(cursor, complaintCursorSchema),
        limit + 1,
      );
      // The sort key as the database printed it (full precision; the due date when sort=due_asc).
      const result = page(rows, limit, (c) => ({ at: c.cursorAt, id: c.id }));
      return { items: result.items.map(presentListItem), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/complaints/:id',
    { schema: { tags, summary: 'The case file', params: idParams, response: { 200: complaintSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      const c = await complaints.get(actor, request.params.id);
      return presentComplaint(c, actor, await complaints.identity(actor, c.id));
    },
  );

  app.get(
    '/api/v1/complaints/:id/events',
    {
      schema: {
        tags,
        summary: 'The timeline of the case, oldest first',
        params: idParams,
        response: { 200: itemsOf(complaintEventSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      const events = await complaints.events(actor, request.params.id);
      const c = await complaints.get(actor, request.params.id);
      // A supervisor who sees the case through its published summary gets what happened, not the free text.
      const redacted = seesPublishedSummaryOnly(actor, accessView(c));
      return { items: events.map((e) => presentEvent(e, { redacted })) };
    },
  );

  app.post(
    '/api/v1/complaints/:id/actions',
    {
      schema: {
        tags,
        summary: 'Take a lifecycle action (409 transition_not_allowed when the status does not allow it)',
        params: idParams,
        body: actionBody,
        response: { 200: complaintActionResultSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'complaints.read');
      const { baseVersion, ...action } = request.body;
      const c = await complaints.act(ctx, request.params.id, action, baseVersion);
      // Recategorised as sensitive by someone who does not handle sensitive cases: done, and out of their sight.
      if (!canSeeComplaint(ctx.actor, accessView(c))) return { id: c.id, accessLost: true };
      return presentComplaint(c, ctx.actor, await complaints.identity(ctx.actor, c.id));
    },
  );

  app.get(
    '/api/v1/complaints/:id/eligible-assignees',
    {
      schema: {
        tags,
        summary:
          'Who may be assigned the case at its current level (handling role and jurisdiction), with their open ' +
          'workload; for those who may reassign or take it over (403 otherwise)',
        params: idParams,
        response: { 200: eligibleAssigneesSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      return complaints.eligibleAssignees(actor, request.params.id);
    },
  );
}
