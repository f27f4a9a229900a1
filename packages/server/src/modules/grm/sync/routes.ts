import { reserveCodesSchema, reservedCodesSchema } from '@coso/domain';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { TrackingCodeService } from './codes.js';

/** The grievance module's part of the device → server sync (docs/sync.md, "Tracking codes"). */
export function trackingCodeRoutes(app: Api, { trackingCodes }: { trackingCodes: TrackingCodeService }) {
  app.post(
    '/api/v1/sync/codes',
    {
      schema: {
        tags: ['sync'],
        summary:
          'Reserves tracking codes for complaints recorded offline (each usable once); holding more than ' +
          '200 unused releases the oldest',
        body: reserveCodesSchema,
        response: { 200: reservedCodesSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.create');
      return { codes: await trackingCodes.reserve(actor.id, request.body.count) };
    },
  );
}
