import {
  assignmentListQuerySchema,
  assignmentListSchema,
  assignmentResultSchema,
  createAssignmentsSchema,
  facilitatorListSchema,
  facilitatorSearchQuerySchema,
  hasPermission,
} from '@coso/domain';
import { z } from 'zod';
import { authedContext } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { DccAssignmentService } from './service.js';

const cycleParams = z.object({ id: z.uuid() });
const tags = ['dcc'];

/** Facilitators ↔ villages of a cycle (docs/api.md "DCC — Cycles"). */
export function assignmentRoutes(app: Api, { assignments }: { assignments: DccAssignmentService }) {
  app.post(
    '/api/v1/dcc/cycles/:id/assignments',
    {
      schema: {
        tags,
        summary:
          'Assigns villages (or CVDs: their villages) of the cycle to a facilitator; a village another ' +
          'facilitator holds is reassigned, its results stay with the village',
        params: cycleParams,
        body: createAssignmentsSchema,
        response: { 200: assignmentResultSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.manage');
      return assignments.assign(ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/api/v1/dcc/cycles/:id/assignments',
    {
      schema: {
        tags,
        summary: "A cycle's active assignments (a facilitator without dcc.review sees only their own)",
        params: cycleParams,
        querystring: assignmentListQuerySchema,
        response: { 200: assignmentListSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'dcc.read');
      const seesAll = hasPermission(actor, 'dcc.review') || hasPermission(actor, 'dcc.manage');
      return assignments.list(request.params.id, {
        facilitatorId: seesAll ? request.query.facilitatorId : actor.id,
        includeEnded: request.query.includeEnded === 'true',
      });
    },
  );

  app.get(
    '/api/v1/dcc/facilitators',
    {
      schema: {
        tags,
        summary: "Active facilitators working in the caller's areas, by name or username (to assign them)",
        querystring: facilitatorSearchQuerySchema,
        response: { 200: facilitatorListSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'dcc.manage');
      return assignments.facilitators(actor, request.query);
    },
  );
}
