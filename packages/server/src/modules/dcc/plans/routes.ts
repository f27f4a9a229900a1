import {
  itemsOf,
  planCreateRequestSchema,
  planListQuerySchema,
  planPatchRequestSchema,
  planSchema,
} from '@coso/domain';
import { z } from 'zod';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { PlanService } from './service.js';

const idParams = z.object({ id: z.uuid() });

/** GET|POST /api/v1/dcc/plans, PATCH /api/v1/dcc/plans/:id — the service of the dcc.plan.* mutations. */
export function planRoutes(app: Api, { plans }: { plans: PlanService }) {
  const tags = ['dcc'];

  app.get(
    '/api/v1/dcc/plans',
    {
      schema: {
        tags,
        summary: "The caller's plans by date (a specialist: ?facilitatorId= within their jurisdiction)",
        querystring: planListQuerySchema,
        response: { 200: itemsOf(planSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'dcc.read');
      return { items: await plans.list(actor, request.query) };
    },
  );

  app.post(
    '/api/v1/dcc/plans',
    {
      schema: {
        tags,
        summary: 'Put a task or a free activity on a date for one of your units',
        body: planCreateRequestSchema,
        response: { 201: planSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'dcc.fill');
      return reply.status(201).send(await plans.create(actor, request.body));
    },
  );

  app.patch(
    '/api/v1/dcc/plans/:id',
    {
      schema: {
        tags,
        summary:
          'Change a plan (date, task, title) and/or record its outcome; 409 version_conflict when stale',
        params: idParams,
        body: planPatchRequestSchema,
        response: { 200: planSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'dcc.fill');
      const { baseVersion, outcome, comment, photoUploadId, ...changes } = request.body;
      const record = outcome ? { outcome, comment, photoUploadId } : undefined;
      return plans.patch(actor, request.params.id, changes, record, baseVersion);
    },
  );
}
