import { DCC_ANSWER_FILES_SLOT, type FormAnswers, type FormDefinition } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import { ATTACHMENT_KINDS, attachmentRefs } from '../../../platform/forms/submissions.js';
import type { Ctx } from '../../../platform/sync/mutations.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import * as repo from './repo.js';

/**
 * The bytes of a task's files: a slot's attachment and the files its form's questions name (photos,
 * recordings, files, signatures). A completed upload of the caller moves to the file store under the instance
 * (dcc/<instance>/<upload>), is listed in dcc_task_files and consumed, in the caller's transaction.
 */

export interface FileDeps {
  uploads: UploadService;
  files: FileStore;
  clock: Clock;
}

type Taken = Awaited<ReturnType<UploadService['takeComplete']>>;

/** Stores a taken upload as a file of the instance under `slot` (its clean-ups on the caller's hooks). */
export async function storeUpload(
  tx: Queryable,
  deps: FileDeps,
  ctx: Ctx,
  instanceId: string,
  slot: string,
  { upload, content }: Taken,
  hooks: FileHooks,
) {
  const storageKey = `dcc/${instanceId}/${upload.id}`;
  await deps.files.put(storageKey, content());
  hooks.onRollback(() => deps.files.remove(storageKey));
  await repo.insertFile(tx, {
    instanceId,
    slot,
    uploadId: upload.id,
    storageKey,
    kind: upload.kind,
    filename: upload.filename,
    sizeBytes: upload.length,
    addedBy: ctx.actor.id,
    at: deps.clock.now(),
  });
  await deps.uploads.consume(tx, upload.id);
  hooks.afterCommit(() => deps.uploads.removeBytes(upload.id));
}

/**
 * Claims the uploads a draft's answers name (as a form submission does: platform/forms/submissions.ts): one
 * already a file of the instance's answers (an earlier draft's) stays as it is; a new one must be a completed
 * upload of the caller, of a kind the question takes (415 unsupported_media_type), else 422
 * form_attachment_missing (an unknown id, another user's, one used elsewhere, a phone's placeholder). Still
 * arriving: upload_incomplete (the device retries). The answers' earlier files they no longer name (a photo
 * taken again) are dropped, their bytes once committed. Returns how many were claimed now.
 */
export async function claimAnswerFiles(
  tx: Queryable,
  deps: FileDeps,
  ctx: Ctx,
  instanceId: string,
  definition: FormDefinition,
  answers: FormAnswers,
  hooks: FileHooks,
): Promise<number> {
  const refs = attachmentRefs(definition.fields, answers);
  const named = new Set(refs.map((r) => r.uploadId));
  const held = new Set<string>();
  for (const file of await repo.filesInSlot(tx, instanceId, DCC_ANSWER_FILES_SLOT)) {
    if (named.has(file.uploadId)) {
      held.add(file.uploadId);
      continue;
    }
    await repo.deleteFile(tx, instanceId, file.uploadId);
    hooks.afterCommit(() => deps.files.remove(file.storageKey));
  }
  let claimed = 0;
  for (const { uploadId, type } of refs) {
    if (held.has(uploadId)) continue;
    let taken: Taken;
    try {
      taken = await deps.uploads.takeComplete(tx, ctx.actor, uploadId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'upload_not_found')
        throw new AppError('form_attachment_missing', { uploadId });
      throw error;
    }
    const kinds = ATTACHMENT_KINDS[type];
    if (kinds && !kinds.includes(taken.upload.kind ?? '')) {
      throw new AppError('unsupported_media_type', { uploadId, expected: kinds });
    }
    await storeUpload(tx, deps, ctx, instanceId, DCC_ANSWER_FILES_SLOT, taken, hooks);
    claimed++;
  }
  return claimed;
}
