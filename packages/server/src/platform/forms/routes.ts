import {
  type FormAnswers,
  formDetailSchema,
  formListSchema,
  formSubmissionListQuerySchema,
  formSubmissionPageSchema,
  formSubmissionRequestSchema,
  formSubmissionSchema,
  formValidateRequestSchema,
  formValidationSchema,
  localeFromAcceptLanguage,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { authedContext } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import type { Clock } from '../../lib/clock.js';
import type { FileStore } from '../../lib/file-store.js';
import { joinTransaction } from '../sync/push-tx.js';
import type { UploadService } from '../sync/uploads.js';
import { formFileRoutes } from './files-routes.js';
import { formImportRoutes } from './import-routes.js';
import * as repo from './repo.js';
import type { FormService } from './service.js';
import { checkAnswers, submitForm } from './submissions.js';

export interface FormRouteDeps {
  db: Db;
  forms: FormService;
  uploads: UploadService;
  files: FileStore;
  clock: Clock;
}

const formParams = z.object({ id: z.uuid() });
const localeOf = (request: FastifyRequest) => localeFromAcceptLanguage(request.headers['accept-language']);

/** Keyset cursor of the submissions list: base64url JSON of the last row's (submittedAt, id). */
function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof value?.at === 'string' &&
      !Number.isNaN(Date.parse(value.at)) &&
      typeof value?.id === 'string' &&
      z.uuid().safeParse(value.id).success
    ) {
      return { at: value.at, id: value.id };
    }
  } catch {}
  throw new AppError('invalid_cursor');
}
const encodeCursor = (row: repo.SubmissionRow) =>
  Buffer.from(JSON.stringify({ at: row.submittedAt.toISOString(), id: row.id })).toString('base64url');

/** Forms as data (issue #14, docs/api.md "Forms"): published versions, validation, submissions. */
export function formRoutes(app: Api, deps: FormRouteDeps) {
  const { db, forms } = deps;
  const tags = ['forms'];

  app.get(
    '/api/v1/forms',
    {
      schema: {
        tags,
        summary: 'Every form with its published versions, latest first',
        response: { 200: formListSchema },
      },
    },
    async (request) => {
      authedContext(request, 'forms.read');
      return forms.list();
    },
  );

  formImportRoutes(app, deps);
  formFileRoutes(app, deps);

  app.get(
    '/api/v1/forms/:id',
    {
      schema: {
        tags,
        summary: "A published version with its definition (the form engine's tree)",
        params: formParams,
        response: { 200: formDetailSchema },
      },
    },
    async (request) => {
      authedContext(request, 'forms.read');
      return forms.get(request.params.id);
    },
  );

  app.post(
    '/api/v1/forms/:id/validate',
    {
      schema: {
        tags,
        summary:
          "Checks answers against the version's rules with the server's clock, as a submission would; " +
          'messages in the Accept-Language',
        params: formParams,
        body: formValidateRequestSchema,
        response: { 200: formValidationSchema },
      },
    },
    async (request) => {
      authedContext(request, 'forms.read');
      const form = await forms.get(request.params.id);
      return checkAnswers(
        form.definition,
        request.body.answers as FormAnswers,
        deps.clock.now(),
        localeOf(request),
      );
    },
  );

  app.post(
    '/api/v1/forms/:id/submissions',
    {
      schema: {
        tags,
        summary:
          'Submits answers (normalized, then validated by the server: 422 form_invalid with `details.errors`). ' +
          'Idempotent on the client-chosen `id`: 201 when recorded, 200 with the stored submission on a retry. ' +
          'Attachment answers name completed uploads of the caller (422 form_attachment_missing otherwise)',
        params: formParams,
        body: formSubmissionRequestSchema,
        response: { 200: formSubmissionSchema, 201: formSubmissionSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'forms.read');
      const after: Array<() => Promise<void>> = [];
      const rollback: Array<() => Promise<void>> = [];
      let result: Awaited<ReturnType<typeof submitForm>>;
      try {
        result = await db.transaction((tx) =>
          submitForm(
            {
              db: joinTransaction(tx, db.kind),
              ctx,
              locale: localeOf(request),
              afterCommit: (fn) => after.push(fn),
              onRollback: (fn) => rollback.push(fn),
            },
            deps,
            request.params.id,
            request.body,
          ),
        );
      } catch (error) {
        for (const fn of rollback) await fn().catch(() => {});
        throw error;
      }
      for (const fn of after) await fn().catch((e) => request.log.warn({ err: e }, 'after-commit cleanup'));
      return reply.status(result.created ? 201 : 200).send(result.submission);
    },
  );

  app.get(
    '/api/v1/forms/:id/submissions',
    {
      schema: {
        tags,
        summary: "A version's submissions, newest first, by pages (`nextCursor` goes back as `cursor`)",
        params: formParams,
        querystring: formSubmissionListQuerySchema,
        response: { 200: formSubmissionPageSchema },
      },
    },
    async (request) => {
      authedContext(request, 'forms.manage');
      await forms.get(request.params.id);
      const { limit, cursor } = request.query;
      const rows = await repo.listSubmissions(db, request.params.id, limit + 1, decodeCursor(cursor));
      const items = rows.slice(0, limit);
      return {
        items: items as never,
        nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null,
      };
    },
  );
}
