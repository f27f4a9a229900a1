import { cycleTemplateSchema, templateTaskSchema, updateTaskSchema } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../db/driver.js';
import { authedContext } from '../../../http/auth.js';
import { sendStoredFile } from '../../../http/stored-file.js';
import type { Api } from '../../../http/types.js';
import { withFileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import { findMaterialFile } from './materials.js';
import type { DccTemplateService } from './service.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ fileId: z.uuid() });
const tags = ['dcc'];

/**
 * A cycle's template tree, the edit of one of its tasks, and the tasks' supporting material files (docs/api.md
 * "DCC — Cycles").
 */
export function templateRoutes(
  app: Api,
  { db, files, template }: { db: Db; files: FileStore; template: DccTemplateService },
) {
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
          'prerequisites (same cycle, no loop), attachment slots and material (links, files, uploads claimed) ' +
          'while it is not closed',
        params: idParams,
        body: updateTaskSchema,
        response: { 200: templateTaskSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.manage');
      return withFileHooks(
        (hooks) => template.updateTask(ctx, request.params.id, request.body, hooks),
        (err) => request.log.warn({ err }, 'after-commit cleanup'),
      );
    },
  );

  app.get(
    '/api/v1/dcc/materials/:fileId',
    {
      schema: {
        tags,
        summary: "A task's supporting material file, to any DCC reader (type read from the bytes, nosniff)",
        params: fileParams,
      },
    },
    async (request, reply) => {
      authedContext(request, 'dcc.read');
      return sendStoredFile(reply, files, await findMaterialFile(db, request.params.fileId));
    },
  );
}
