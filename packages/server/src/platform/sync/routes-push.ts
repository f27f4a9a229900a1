import { localeFromAcceptLanguage, pushRequestSchema, reserveCodesSchema } from '@coso/domain';
import { authedContext, requirePermission } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import type { TrackingCodeService } from '../../modules/grm/sync/codes.js';
import type { SyncPushService } from './push.js';
import type { UploadService } from './uploads.js';
import { uploadRoutes } from './uploads-routes.js';

/** The device → server half of the field sync (docs/sync.md): push, reserved tracking codes, uploads. */
export function syncPushRoutes(
  app: Api,
  deps: { syncPush: SyncPushService; trackingCodes: TrackingCodeService; uploads: UploadService },
) {
  const tags = ['sync'];

  app.post(
    '/api/v1/sync/push',
    {
      schema: {
        tags,
        summary:
          'Applies up to 50 device mutations, each on its own and in order: applied, duplicate (already ' +
          'applied: its first result), rejected (code, message) or conflict (current row)',
        body: pushRequestSchema,
      },
    },
    async (request) => {
      // Each mutation type checks its own permission; any signed-in user may push.
      const ctx = authedContext(request);
      const locale = request.headers['accept-language']
        ? localeFromAcceptLanguage(request.headers['accept-language'])
        : ctx.actor.locale;
      return deps.syncPush.push(ctx, request.body.mutations, locale, request.log);
    },
  );

  app.post(
    '/api/v1/sync/codes',
    {
      schema: {
        tags,
        summary:
          'Reserves tracking codes for complaints recorded offline (each usable once); holding more than ' +
          '200 unused releases the oldest',
        body: reserveCodesSchema,
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.create');
      return { codes: await deps.trackingCodes.reserve(actor.id, request.body.count) };
    },
  );

  uploadRoutes(app, { uploads: deps.uploads });
}
