import { metaSchema } from '@coso/domain';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/driver.js';
import { migrationsApplied } from '../../db/migrate.js';
import { sendError } from '../../http/error-handler.js';
import type { Api } from '../../http/types.js';

export function metaRoutes(app: Api, deps: { db: Db; config: Config; version: string }) {
  const { db, config, version } = deps;

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.string() }) },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable and migrated',
        response: { 200: z.object({ status: z.string(), database: z.string() }) },
      },
    },
    async (request, reply) => {
      const ready = await migrationsApplied(db).catch(() => false);
      if (!ready) return sendError(request, reply, 'unavailable');
      return { status: 'ready', database: db.kind };
    },
  );

  app.get(
    '/api/v1/meta',
    {
      schema: {
        tags: ['operations'],
        summary: 'Environment, version and the base map of the grievance map',
        response: { 200: metaSchema },
      },
    },
    async () => ({
      environment: config.environment,
      version,
      map: { tileUrl: config.map.tileUrl ?? null, attribution: config.map.attribution ?? null },
      hotline: config.hotline ?? null,
    }),
  );
}
