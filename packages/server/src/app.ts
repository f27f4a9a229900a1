import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Config, tileOrigin } from './config.js';
import type { Db } from './db/driver.js';
import { registerAuth } from './http/auth.js';
import { registerCompression } from './http/compression.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerNulGuard } from './http/nul-guard.js';
import { registerWeb } from './http/web.js';
import { type Clock, systemClock } from './lib/clock.js';
import { localFileStore } from './lib/file-store.js';
import { attachmentRoutes } from './modules/grm/complaints/attachments/routes.js';
import { createAttachmentService } from './modules/grm/complaints/attachments/service.js';
import { caseAccessRoutes } from './modules/grm/complaints/case-access/routes.js';
import { caseFileRoutes } from './modules/grm/complaints/case-file/routes.js';
import { complaintImportRoutes } from './modules/grm/complaints/import/routes.js';
import { receiptRoutes } from './modules/grm/complaints/receipt/routes.js';
import { revealIdentityRoutes } from './modules/grm/complaints/reveal-routes.js';
import { complaintRoutes } from './modules/grm/complaints/routes.js';
import { savedFilterRoutes } from './modules/grm/complaints/saved-filters/routes.js';
import { createComplaintService } from './modules/grm/complaints/service.js';
import { complaintWorkRoutes } from './modules/grm/complaints/work-routes.js';
import { grmConfigRoutes } from './modules/grm/config/routes.js';
import { createGrmConfigService } from './modules/grm/config/service.js';
import { deadlineRoutes } from './modules/grm/deadlines/routes.js';
import { createDeadlineService } from './modules/grm/deadlines/service.js';
import { publicRoutes } from './modules/grm/public/routes.js';
import { reportRoutes } from './modules/grm/reports/routes.js';
import { createTrackingCodeService } from './modules/grm/sync/codes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { createAuthService } from './platform/auth/service.js';
import { createExportService } from './platform/exports/jobs.js';
import { exportRoutes } from './platform/exports/routes.js';
import { createVillageGroupService } from './platform/geo/groups-service.js';
import { geoRoutes } from './platform/geo/routes.js';
import { createGeoService } from './platform/geo/service.js';
import { metaRoutes } from './platform/meta/routes.js';
import { notificationAdminRoutes } from './platform/notifications/admin-routes.js';
import { inboxRoutes } from './platform/notifications/inbox-routes.js';
import { referenceRoutes } from './platform/reference/routes.js';
import { createReferenceService } from './platform/reference/service.js';
import { createSyncPushService } from './platform/sync/push.js';
import { createDefaultMutationRegistry } from './platform/sync/push-registry.js';
import { syncPullRoutes } from './platform/sync/routes-pull.js';
import { syncPushRoutes } from './platform/sync/routes-push.js';
import { createUploadService, uploadsDir } from './platform/sync/uploads.js';
import { userRoutes } from './platform/users/routes.js';
import { createUserService } from './platform/users/service.js';
import { createVault } from './vault/vault.js';

export const VERSION = '0.1.0';
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Needs `config.masterKey`: main.ts resolves it first (resolveMasterKey), tests pass one. */
export function createServices(db: Db, config: Config, clock: Clock = systemClock) {
  if (!config.masterKey) throw new Error('no master key: resolve it (vault/master-key.ts) first');
  const reference = createReferenceService({ db });
  const deadlines = createDeadlineService({ db, clock });
  const vault = createVault(config.masterKey);
  const files = localFileStore(path.join(config.dataDir, 'files'));
  const uploads = createUploadService({ db, dir: uploadsDir(config.dataDir) });
  return {
    vault,
    auth: createAuthService({ db, config }),
    users: createUserService({ db }),
    geo: createGeoService({ db }),
    groups: createVillageGroupService({ db }),
    reference,
    complaints: createComplaintService({
      db,
      reference,
      vault,
      deadlines,
      projectStart: config.projectStartDate,
    }),
    deadlines,
    grmConfig: createGrmConfigService({ db }),
    attachments: createAttachmentService({ db, files }),
    uploads,
    exports: createExportService({ db, dataDir: config.dataDir, clock }),
    trackingCodes: createTrackingCodeService({ db }),
    syncPush: createSyncPushService({
      db,
      registry: createDefaultMutationRegistry({ uploads, files }),
      deps: { vault, files, clock, projectStart: config.projectStartDate },
    }),
  };
}

export interface AppOptions {
  config: Config;
  db: Db;
  /** Pino logger settings; tests pass false, or a stream to read what is logged. */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** The services to serve; built from `db` and `config` when absent. */
  services?: Services;
}

export type Services = ReturnType<typeof createServices>;

/** Builds the HTTP application; starts nothing and reads no environment (main.ts does). */
export async function buildApp({ config, db, logger, services = createServices(db, config) }: AppOptions) {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerNulGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // The grievance map's tiles come from MAP_TILE_URL's host, when one is configured.
        'img-src': [
          "'self'",
          'data:',
          'blob:',
          ...[tileOrigin(config.map.tileUrl)].filter((o) => o !== undefined),
        ],
        // The field app plays back recordings still on the phone (IndexedDB blobs, not yet uploaded).
        'media-src': ["'self'", 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await registerCompression(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'COSO Platform API',
        version: VERSION,
        description: 'eMGP, DCC and MIS/GIS of the COSO project',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'coso_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, services.auth);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  metaRoutes(app, { db, config, version: VERSION });
  authRoutes(app, { auth: services.auth, users: services.users, config });
  userRoutes(app, { users: services.users });
  geoRoutes(app, { db, geo: services.geo, groups: services.groups });
  auditRoutes(app, { db });
  referenceRoutes(app, { reference: services.reference });
  complaintRoutes(app, { complaints: services.complaints });
  complaintWorkRoutes(app, { db, complaints: services.complaints, deadlines: services.deadlines });
  attachmentRoutes(app, { attachments: services.attachments });
  receiptRoutes(app, {
    db,
    complaints: services.complaints,
    reference: services.reference,
    hotline: config.hotline,
    publicUrl: config.publicUrl,
  });
  revealIdentityRoutes(app, { complaints: services.complaints });
  caseFileRoutes(app, { db, complaints: services.complaints, reference: services.reference });
  caseAccessRoutes(app, { db, complaints: services.complaints });
  complaintImportRoutes(app, { db, vault: services.vault, projectStart: config.projectStartDate });
  exportRoutes(app, { db, exports: services.exports });
  savedFilterRoutes(app, { db });
  grmConfigRoutes(app, { grmConfig: services.grmConfig });
  deadlineRoutes(app, { deadlines: services.deadlines });
  inboxRoutes(app, { db });
  notificationAdminRoutes(app, { db });
  reportRoutes(app, { db, dataDir: config.dataDir });
  syncPullRoutes(app, { db });
  syncPushRoutes(app, {
    syncPush: services.syncPush,
    trackingCodes: services.trackingCodes,
    uploads: services.uploads,
  });
  publicRoutes(app, {
    db,
    vault: services.vault,
    complaints: services.complaints,
    deadlines: services.deadlines,
  });
  await registerWeb(app, config.webDist);
  return app;
}
