import { progressQuerySchema, progressSchema } from '@coso/domain';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { ProgressService } from './service.js';

/** GET /api/v1/dcc/progress?cycleId=&within= */
export function progressRoutes(app: Api, { progress }: { progress: ProgressService }) {
  app.get(
    '/api/v1/dcc/progress',
    {
      schema: {
        tags: ['dcc'],
        summary:
          "A cycle's funnel of villages by phase, area × phase % validated and facilitator league, within an area of your jurisdiction",
        querystring: progressQuerySchema,
        response: { 200: progressSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'dcc.read');
      return progress.progress(actor, request.query);
    },
  );
}
