import { createCycleSchema, cycleDetailSchema, cycleListSchema, updateCycleSchema } from '@coso/domain';
import { z } from 'zod';
import { authedContext } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { DccCycleService } from './service.js';

const cycleParams = z.object({ id: z.uuid() });
const tags = ['dcc'];

/** Cycles (docs/api.md "DCC — Cycles"): read with dcc.read, create and change with dcc.manage. */
export function cycleRoutes(app: Api, { cycles }: { cycles: DccCycleService }) {
  app.get(
    '/api/v1/dcc/cycles',
    { schema: { tags, summary: 'Every cycle, latest year first', response: { 200: cycleListSchema } } },
    async (request) => {
      authedContext(request, 'dcc.read');
      return cycles.list();
    },
  );

  app.post(
    '/api/v1/dcc/cycles',
    {
      schema: {
        tags,
        summary:
          "Creates a draft cycle over areas with its own copy of a template: the COSO seed ('coso', whose " +
          "forms are published if they are not yet) or another cycle's ({ fromCycleId })",
        body: createCycleSchema,
        response: { 201: cycleDetailSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'dcc.manage');
      return reply.status(201).send(await cycles.create(ctx, request.body));
    },
  );

  app.get(
    '/api/v1/dcc/cycles/:id',
    {
      schema: {
        tags,
        summary: 'A cycle with its counts of instances and active assignments',
        params: cycleParams,
        response: { 200: cycleDetailSchema },
      },
    },
    async (request) => {
      authedContext(request, 'dcc.read');
      return cycles.get(request.params.id);
    },
  );

  app.patch(
    '/api/v1/dcc/cycles/:id',
    {
      schema: {
        tags,
        summary:
          'Activates (draft → active: creates the task instances), closes (active → closed), renames or moves ' +
          'the end date of a cycle',
        params: cycleParams,
        body: updateCycleSchema,
        response: { 200: cycleDetailSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.manage');
      return cycles.update(ctx, request.params.id, request.body);
    },
  );
}
