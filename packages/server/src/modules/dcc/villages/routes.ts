import { villageFileQuerySchema, villageFileSchema } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../db/driver.js';
import { authedContext } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import { villageFile } from './service.js';

/** GET /api/v1/dcc/villages/:id/file (docs/api.md "DCC › Village file"). */
export function villageRoutes(app: Api, { db }: { db: Db }) {
  app.get(
    '/api/v1/dcc/villages/:id/file',
    {
      schema: {
        tags: ['dcc'],
        summary:
          "A village's full file across cycles: its facilitators over time, every task instance concerning it " +
          '(its own and those of its CVD, canton, commune) with files, and their events newest first, by pages',
        params: z.object({ id: z.uuid() }),
        querystring: villageFileQuerySchema,
        response: { 200: villageFileSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'dcc.read');
      return villageFile(db, actor, request.params.id, request.query) as never;
    },
  );
}
