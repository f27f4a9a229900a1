import {
  ATTACHMENT_TYPES,
  checkSubmission,
  type FieldType,
  type FormAnswers,
  type FormDefinition,
  type FormError,
  type FormField,
  type FormSubmission,
  type Locale,
  validate,
} from '@coso/domain';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { FileStore } from '../../lib/file-store.js';
import type { Ctx } from '../sync/mutations.js';
import type { UploadService } from '../sync/uploads.js';
import * as repo from './repo.js';

/**
 * Submissions of a form version: one function for the REST route and the `form.submit` sync mutation, so a
 * device's answers go through exactly the checks a browser's do. The server never trusts the client: answers
 * are normalized (irrelevant answers dropped, calculations recomputed) and validated against the version's
 * definition with the server's clock, by the same engine the device ran while filling.
 */

export interface SubmissionInput {
  id: string;
  answers: Record<string, unknown>;
  startedAt?: string;
  completedAt?: string;
}

/** What a submission runs inside: the caller's transaction and its commit/rollback hooks. */
export interface SubmissionScope {
  db: Db;
  ctx: Ctx;
  /** The language of the errors' messages (the request's, else the user's). */
  locale: Locale;
  afterCommit(fn: () => Promise<void>): void;
  onRollback(fn: () => Promise<void>): void;
}

export interface SubmissionDeps {
  uploads: UploadService;
  files: FileStore;
  clock: Clock;
}

/** The engine's verdict, messages in one language: what POST /validate answers and form_invalid carries. */
export function checkAnswers(definition: FormDefinition, answers: FormAnswers, now: Date, locale: Locale) {
  return verdictOf(validate(definition, answers, { now }), locale);
}

function verdictOf(errors: FormError[], locale: Locale) {
  const inLocale = errors.map((e) => ({ field: e.field, code: e.code, message: e.message[locale] }));
  return { valid: inLocale.length === 0, errors: inLocale };
}

export interface AttachmentRef {
  uploadId: string;
  type: FieldType;
}

/** Attachment answers (upload ids) of the tree, inside groups and in every repeat instance, each once. */
export function attachmentRefs(fields: readonly FormField[], answers: FormAnswers): AttachmentRef[] {
  const refs = new Map<string, AttachmentRef>();
  const walk = (list: readonly FormField[], scope: FormAnswers) => {
    for (const f of list) {
      const value = scope[f.name];
      if (f.type === 'group') walk(f.children ?? [], scope);
      else if (f.type === 'repeat' && Array.isArray(value)) {
        for (const instance of value as FormAnswers[])
          if (instance && typeof instance === 'object') walk(f.children ?? [], instance);
      } else if (ATTACHMENT_TYPES.includes(f.type) && typeof value === 'string' && value !== '') {
        refs.set(value, { uploadId: value, type: f.type });
      }
    }
  };
  walk(fields, answers);
  return [...refs.values()];
}

/** The sniffed kinds (lib/file-sniff.ts) each attachment type accepts; `file` takes any the uploads accept. */
export const ATTACHMENT_KINDS: Partial<Record<FieldType, readonly string[]>> = {
  image: ['image'],
  signature: ['image'],
  audio: ['audio'],
};

/**
 * Claims each referenced upload: it must exist, be the submitter's and be complete; its bytes move to the file
 * store under the submission (forms/<submission>/<upload>) and the upload is consumed. An unknown upload, or
 * another user's, or one already claimed: 422 form_attachment_missing. One still arriving: upload_incomplete
 * (the device retries the mutation once its upload is done). A kind the field does not take (a recording as a
 * photo): 415 unsupported_media_type.
 */
async function claimAttachments(
  scope: SubmissionScope,
  deps: SubmissionDeps,
  submissionId: string,
  refs: AttachmentRef[],
) {
  for (const { uploadId, type } of refs) {
    let taken: Awaited<ReturnType<UploadService['takeComplete']>>;
    try {
      taken = await deps.uploads.takeComplete(scope.db, scope.ctx.actor, uploadId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'upload_not_found') {
        throw new AppError('form_attachment_missing', { uploadId });
      }
      throw error;
    }
    const { upload, content } = taken;
    // A recording where a photo is asked for: the field's type decides, as the device's input did.
    const kinds = ATTACHMENT_KINDS[type];
    if (kinds && !kinds.includes(upload.kind ?? '')) {
      throw new AppError('unsupported_media_type', { uploadId, expected: kinds });
    }
    const storageKey = `forms/${submissionId}/${upload.id}`;
    await deps.files.put(storageKey, content());
    scope.onRollback(() => deps.files.remove(storageKey));
    await repo.insertSubmissionFile(scope.db, {
      submissionId,
      uploadId: upload.id,
      storageKey,
      kind: upload.kind,
      filename: upload.filename,
      sizeBytes: upload.length,
    });
    await deps.uploads.consume(scope.db, upload.id);
    scope.afterCommit(() => deps.uploads.removeBytes(upload.id));
  }
}

const present = (row: repo.SubmissionRow): FormSubmission => row as never;

/**
 * Records a submission of the version `formVersionId`. Idempotent on the client's id: the same id again by the
 * same user for the same version answers the stored submission (`created: false`) and writes nothing; an id
 * another user or another version holds is 409 conflict.
 */
export async function submitForm(
  scope: SubmissionScope,
  deps: SubmissionDeps,
  formVersionId: string,
  input: SubmissionInput,
): Promise<{ submission: FormSubmission; created: boolean }> {
  const { db, ctx } = scope;
  const existing = await repo.findSubmission(db, input.id);
  if (existing) {
    if (existing.submittedBy.id !== ctx.actor.id || existing.formVersionId !== formVersionId) {
      throw new AppError('conflict');
    }
    return { submission: present(existing), created: false };
  }
  const form = await repo.findFormVersion(db, formVersionId);
  if (!form) throw new AppError('not_found');
  const now = deps.clock.now();
  // One run of the engine: the errors of the answers as sent, and what is stored (calculations recomputed,
  // answers to questions that do not apply dropped).
  const checked = checkSubmission(form.definition, input.answers as FormAnswers, { now });
  const answers = checked.answers;
  const verdict = verdictOf(checked.errors, scope.locale);
  if (!verdict.valid) throw new AppError('form_invalid', { errors: verdict.errors });
  const written = await repo.insertSubmission(db, {
    id: input.id,
    formVersionId,
    answers,
    submittedBy: ctx.actor.id,
    startedAt: input.startedAt ?? null,
    completedAt: input.completedAt ?? null,
    at: now,
  });
  // Lost a race with the same id: the other request wrote it; answer as a retry would.
  if (!written) return submitForm(scope, deps, formVersionId, input);
  await claimAttachments(scope, deps, input.id, attachmentRefs(form.definition.fields, answers));
  const row = await repo.findSubmission(db, input.id);
  return { submission: present(row!), created: true };
}
