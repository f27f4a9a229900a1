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
import { MODULES } from './modules/index.js';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { createExportService } from './platform/exports/jobs.js';
import { registerExportKinds } from './platform/exports/kinds.js';
import { exportRoutes } from './platform/exports/routes.js';
import { formRoutes } from './platform/forms/routes.js';
import { createFormService } from './platform/forms/service.js';
import { formsSync } from './platform/forms/sync.js';
import { geoRoutes } from './platform/geo/routes.js';
import { PLATFORM_JOBS } from './platform/jobs/platform-jobs.js';
import { jobRoutes } from './platform/jobs/routes.js';
import { metaRoutes } from './platform/meta/routes.js';
import {
  buildModuleServices,
  type ModuleDefinition,
  platformContext,
  platformDeps,
} from './platform/module.js';
import { notificationAdminRoutes } from './platform/notifications/admin-routes.js';
import { inboxRoutes } from './platform/notifications/inbox-routes.js';
import { registerSubjectKinds, registerTopics } from './platform/notifications/topics.js';
import { registerReferenceLists } from './platform/reference/lists.js';
import { referenceRoutes } from './platform/reference/routes.js';
import { registerReportKinds } from './platform/reports/kinds.js';
import { createSyncPushService } from './platform/sync/push.js';
import { createSyncRegistry } from './platform/sync/registry.js';
import { syncPullRoutes } from './platform/sync/routes-pull.js';
import { syncPushRoutes } from './platform/sync/routes-push.js';
import { PLATFORM_SYNC } from './platform/sync/tables-reference.js';
import { userRoutes } from './platform/users/routes.js';
import { registerVisibility } from './platform/visibility/registry.js';

export const VERSION = '0.1.0';
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The one composition root (docs/decisions/0018-modules-and-registries.md): the platform's services, then
 * every module's (modules/index.ts), each built once. Needs `config.masterKey`: main.ts resolves it first
 * (resolveMasterKey), tests pass one.
 */
export function createServices(
  db: Db,
  config: Config,
  clock: Clock = systemClock,
  /** The module list; tests add a test-only module (platform/sync/entity-proof.test.ts). */
  moduleList: readonly ModuleDefinition[] = MODULES,
) {
  const deps = platformDeps(db, config, clock);
  const context = platformContext(deps);
  const { vault, files, uploads } = deps;
  const modules = buildModuleServices(context, moduleList);
  // The platform's registries, filled from every module's object.
  registerTopics(moduleList.flatMap((m) => m.notificationTopics ?? []));
  registerSubjectKinds(moduleList.flatMap((m) => m.subjectKinds ?? []));
  registerReportKinds(moduleList.flatMap((m) => m.reportKinds ?? []));
  registerExportKinds(moduleList.flatMap((m) => m.exportKinds ?? []));
  registerReferenceLists(moduleList.flatMap((m) => m.referenceLists ?? []));
  registerVisibility(moduleList.flatMap((m) => m.visibility ?? []));
  const sync = createSyncRegistry(
    [PLATFORM_SYNC, formsSync(clock), ...moduleList.flatMap((m) => (m.sync ? [m.sync] : []))],
    {
      uploads,
      files,
    },
  );
  return {
    /** What the services were built from; modules' routes get it too. */
    context,
    /** The modules these services belong to: buildApp registers their routes. */
    moduleList,
    vault,
    uploads,
    ...context.platform,
    ...modules,
    exports: createExportService({ db, dataDir: config.dataDir, clock }),
    /** Published form versions (platform: every module's tasks are forms; issue #14). */
    forms: createFormService({ db, clock }),
    sync,
    /** Every background job, the platform's then each module's: the worker runs these (main.ts). */
    jobs: [...PLATFORM_JOBS, ...moduleList.flatMap((m) => m.jobs ?? [])],
    syncPush: createSyncPushService({
      db,
      registry: sync,
      deps: { platform: deps, modules: moduleList },
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
  exportRoutes(app, { db, exports: services.exports });
  inboxRoutes(app, { db });
  notificationAdminRoutes(app, { db });
  jobRoutes(app, { db, jobs: services.jobs });
  formRoutes(app, {
    db,
    forms: services.forms,
    uploads: services.uploads,
    files: services.context.files,
    clock: services.context.clock,
  });
  syncPullRoutes(app, { db, sync: services.sync });
  syncPushRoutes(app, { syncPush: services.syncPush, uploads: services.uploads });
  // Each module's routes, with the services built above (a test's `wrap` included).
  for (const module of services.moduleList) module.routes(app, services.context, services);
  await registerWeb(app, config.webDist);
  return app;
}
