import { localeFromAcceptLanguage, pushRequestSchema, pushResponseSchema } from '@coso/domain';
import { authedContext } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import type { SyncPushService } from './push.js';
import type { UploadService } from './uploads.js';
import { uploadRoutes } from './uploads-routes.js';

/**
 * The device → server half of the field sync (docs/sync.md): push and uploads. Modules add their own routes
 * under /api/v1/sync/ (the grievance module's reserved tracking codes: modules/grm/sync/routes.ts).
 */
export function syncPushRoutes(app: Api, deps: { syncPush: SyncPushService; uploads: UploadService }) {
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
        response: { 200: pushResponseSchema },
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

  uploadRoutes(app, { uploads: deps.uploads });
}
