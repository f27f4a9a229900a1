import {
  addSubprojectFilesSchema,
  createContractSchema,
  createSubprojectEventSchema,
  createSubprojectSchema,
  itemsOf,
  misContractSchema,
  subprojectDetailSchema,
  subprojectEventResultSchema,
  subprojectFileSchema,
  subprojectListQuerySchema,
  subprojectPageSchema,
  updateSubprojectSchema,
} from '@coso/domain';
import { z } from 'zod';
import { authedContext } from '../../../http/auth.js';
import { sendStoredFile } from '../../../http/stored-file.js';
import type { Api } from '../../../http/types.js';
import { withFileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { SubprojectService } from './service.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** The sub-project routes (docs/api.md "MIS"): lists and details need mis.read, writes mis.manage. */
export function subprojectRoutes(
  app: Api,
  { subprojects, files }: { subprojects: SubprojectService; files: FileStore },
) {
  const tags = ['mis'];
  const base = '/api/v1/mis/subprojects';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Sub-projects of the caller's jurisdictions, latest change first (filters, keyset pages)",
        querystring: subprojectListQuerySchema,
        response: { 200: subprojectPageSchema },
      },
    },
    async (request) => subprojects.list(authedContext(request, 'mis.read').actor, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a sub-project in a village or canton; it starts at the first step (identified)',
        body: createSubprojectSchema,
        response: { 201: subprojectDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await subprojects.create(authedContext(request, 'mis.manage'), request.body)),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'A sub-project with its contracts, files, events and the steps that may follow',
        params: idParams,
        response: { 200: subprojectDetailSchema },
      },
    },
    async (request) => subprojects.get(authedContext(request, 'mis.read').actor, request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a sub-project (baseVersion: 409 version_conflict when it changed meanwhile)',
        params: idParams,
        body: updateSubprojectSchema,
        response: { 200: subprojectDetailSchema },
      },
    },
    async (request) =>
      subprojects.update(authedContext(request, 'mis.manage'), request.params.id, request.body),
  );

  app.post(
    `${base}/:id/events`,
    {
      schema: {
        tags,
        summary:
          'Record a progress step (or a correction cancelling one): the derived status, % and FCFA spent; 409 step_sequence_invalid',
        params: idParams,
        body: createSubprojectEventSchema,
        response: { 201: subprojectEventResultSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'mis.manage');
      const result = await withFileHooks(
        (hooks) => subprojects.recordEvent(ctx, request.params.id, request.body, hooks),
        (err) => request.log.warn({ err }, 'MIS event: clean-up after commit failed'),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    `${base}/:id/contracts`,
    {
      schema: {
        tags,
        summary: "A sub-project's contracts",
        params: idParams,
        response: { 200: itemsOf(misContractSchema) },
      },
    },
    async (request) => subprojects.contracts(authedContext(request, 'mis.read').actor, request.params.id),
  );

  app.post(
    `${base}/:id/contracts`,
    {
      schema: {
        tags,
        summary: 'Add a contract (works, supervision, social control, equipment, facilitation) in whole FCFA',
        params: idParams,
        body: createContractSchema,
        response: { 201: misContractSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await subprojects.addContract(
            authedContext(request, 'mis.manage'),
            request.params.id,
            request.body,
          ),
        ),
  );

  app.post(
    `${base}/:id/files`,
    {
      schema: {
        tags,
        summary: 'Claim completed uploads as photos or documents of the sub-project',
        params: idParams,
        body: addSubprojectFilesSchema,
        response: { 201: itemsOf(subprojectFileSchema) },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'mis.manage');
      const result = await withFileHooks(
        (hooks) => subprojects.addFiles(ctx, request.params.id, request.body, hooks),
        (err) => request.log.warn({ err }, 'MIS files: clean-up after commit failed'),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    `${base}/:id/files/:fileId`,
    { schema: { tags, summary: 'Download a photo or document of a sub-project', params: fileParams } },
    async (request, reply) => {
      const { actor } = authedContext(request, 'mis.read');
      const file = await subprojects.file(actor, request.params.id, request.params.fileId);
      return sendStoredFile(reply, files, file);
    },
  );
}
