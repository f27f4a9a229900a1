import { cycleTemplateSchema, templateTaskSchema, updateTaskSchema } from '@coso/domain';
import { z } from 'zod';
import { authedContext } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { DccTemplateService } from './service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['dcc'];

/** A cycle's template tree and the edit of one of its tasks (docs/api.md "DCC — Cycles"). */
export function templateRoutes(app: Api, { template }: { template: DccTemplateService }) {
  app.get(
    '/api/v1/dcc/cycles/:id/template',
    {
      schema: {
        tags,
        summary: "The cycle's template: phases → activities → tasks, in order",
        params: idParams,
        response: { 200: cycleTemplateSchema },
      },
    },
    async (request) => {
      authedContext(request, 'dcc.read');
      return template.get(request.params.id);
    },
  );

  app.patch(
    '/api/v1/dcc/tasks/:id',
    {
      schema: {
        tags,
        summary:
          "Edits a cycle's task: name, instructions and level while the cycle is a draft; shared, form, " +
          'prerequisites (same cycle, no loop), attachment slots and material while it is not closed',
        params: idParams,
        body: updateTaskSchema,
        response: { 200: templateTaskSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.manage');
      return template.updateTask(ctx, request.params.id, request.body);
    },
  );
}
