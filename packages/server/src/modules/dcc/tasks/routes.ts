import {
  localeFromAcceptLanguage,
  taskDraftRequestSchema,
  taskFileRequestSchema,
  taskInstanceDetailSchema,
  taskInstanceListQuerySchema,
  taskInstancePageSchema,
  taskReviewRequestSchema,
  taskSubmitRequestSchema,
  taskWriteResultSchema,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../../db/driver.js';
import { authedContext } from '../../../http/auth.js';
import { sendStoredFile } from '../../../http/stored-file.js';
import type { Api } from '../../../http/types.js';
import { withFileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import { findFile, getInstance, listInstances } from './queries.js';
import type { DccTaskService } from './service.js';

const params = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), uploadId: z.uuid() });
const localeOf = (request: FastifyRequest) => localeFromAcceptLanguage(request.headers['accept-language']);
const BASE = '/api/v1/dcc/task-instances';
const tags = ['dcc'];

/** Task instances (issue #15, docs/api.md "DCC › Task instances"): list and review queue, one task, its writes. */
export function taskInstanceRoutes(
  app: Api,
  { db, files, tasks }: { db: Db; files: FileStore; tasks: DccTaskService },
) {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary:
          'Task instances the caller may see (a facilitator: of their assigned units; others: of their areas), ' +
          'by pages; with status=submitted, the review queue, oldest first',
        querystring: taskInstanceListQuerySchema,
        response: { 200: taskInstancePageSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'dcc.read');
      return listInstances(db, actor, request.query) as never;
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary:
          "One instance: its task, answers, files, history, the unit's earlier results, the caller's actions",
        params,
        response: { 200: taskInstanceDetailSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'dcc.read');
      return getInstance(db, actor, request.params.id) as never;
    },
  );

  app.put(
    `${BASE}/:id/draft`,
    {
      schema: {
        tags,
        summary:
          'Saves answers as a draft (incomplete is fine; unknown fields and wrong types: 422 form_invalid). ' +
          'Photo, recording and file answers name completed uploads of the caller, claimed as files of the ' +
          'task (422 form_attachment_missing otherwise). A stale baseVersion is 409 version_conflict',
        params,
        body: taskDraftRequestSchema,
        response: { 200: taskWriteResultSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.fill');
      return withFileHooks(
        (hooks) => tasks.saveDraft(ctx, request.params.id, request.body, localeOf(request), hooks),
        (err) => request.log.warn({ err }, 'after-commit cleanup'),
      ) as never;
    },
  );

  app.post(
    `${BASE}/:id/submit`,
    {
      schema: {
        tags,
        summary:
          'Marks the task done: answers validated again (422 form_invalid), prerequisites (409 ' +
          'prerequisites_missing) and required attachments (409 attachments_missing) checked',
        params,
        body: taskSubmitRequestSchema,
        response: { 200: taskWriteResultSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.fill');
      return tasks.submit(ctx, request.params.id, request.body, localeOf(request)) as never;
    },
  );

  app.post(
    `${BASE}/:id/review`,
    {
      schema: {
        tags,
        summary:
          'Validates a submitted task, or returns it with a comment (required); the facilitator is notified',
        params,
        body: taskReviewRequestSchema,
        response: { 200: taskWriteResultSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'dcc.review');
      return tasks.review(ctx, request.params.id, request.body) as never;
    },
  );

  app.post(
    `${BASE}/:id/files`,
    {
      schema: {
        tags,
        summary: "Claims a completed upload of the caller into one of the task's attachment slots",
        params,
        body: taskFileRequestSchema,
        response: {
          201: z.object({
            id: z.string(),
            slot: z.string(),
            uploadId: z.string(),
            version: z.number().int(),
          }),
        },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'dcc.fill');
      const result = await withFileHooks(
        (hooks) => tasks.attachFile(ctx, request.params.id, request.body, hooks),
        (err) => request.log.warn({ err }, 'after-commit cleanup'),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    `${BASE}/:id/files/:uploadId`,
    {
      schema: {
        tags,
        summary: "A task's attached file, to those who see the task (type read from the bytes, nosniff)",
        params: fileParams,
      },
    },
    async (request, reply) => {
      const { actor } = authedContext(request, 'dcc.read');
      const { id, uploadId } = request.params;
      const row = await findFile(db, actor, id, uploadId);
      return sendStoredFile(reply, files, { key: row.storageKey, sizeBytes: row.sizeBytes, id: uploadId });
    },
  );
}
