import { itemsOf, placeListQuerySchema, placeSchema } from '@coso/domain';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { PlaceService } from './service.js';

/** GET /api/v1/dcc/places?villageId= — a village's GPS points (written by the phones: dcc.place.record). */
export function placeRoutes(app: Api, { places }: { places: PlaceService }) {
  app.get(
    '/api/v1/dcc/places',
    {
      schema: {
        tags: ['dcc'],
        summary:
          "A village's GPS points: its position and its meeting places (403 outside the caller's reach)",
        querystring: placeListQuerySchema,
        response: { 200: itemsOf(placeSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'dcc.read');
      return { items: await places.list(actor, request.query.villageId) };
    },
  );
}
