import type { Actor } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import { SNIFF_BYTES, sniff } from '../../../lib/file-sniff.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import * as repo from './repo.js';

/**
 * Photos and documents of a sub-project (a progress event's proof, or added on their own): a completed upload
 * of the caller moves to the file store under the sub-project (mis/<sub-project>/<upload>), is listed in
 * mis_subproject_files and consumed, in the caller's transaction — as DCC task files are claimed.
 */

export interface FileDeps {
  uploads: UploadService;
  files: FileStore;
  clock: Clock;
}

async function head(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

export interface ClaimOptions {
  eventId: string | null;
  kind?: 'photo' | 'document' | undefined;
  caption?: string | undefined;
  takenOn?: string | null | undefined;
}

/**
 * Claims each upload as a file of the sub-project. An image is a photo unless called a document (a
 * photographed PV), a PDF a document; anything else is 415 unsupported_media_type. An unknown upload, another
 * user's or one already used is 404 upload_not_found; one still arriving 409 upload_incomplete.
 */
export async function claimFiles(
  tx: Queryable,
  deps: FileDeps,
  actor: Actor,
  subprojectId: string,
  uploadIds: readonly string[],
  options: ClaimOptions,
  hooks: FileHooks,
): Promise<string[]> {
  const claimed: string[] = [];
  for (const uploadId of new Set(uploadIds)) {
    const { upload, content } = await deps.uploads.takeComplete(tx, actor, uploadId);
    const type = sniff(await head(content()));
    const kind =
      type?.kind === 'image' ? (options.kind ?? 'photo') : type?.kind === 'pdf' ? 'document' : undefined;
    if (!kind || (options.kind === 'photo' && kind !== 'photo'))
      throw new AppError('unsupported_media_type', { uploadId, expected: ['image', 'pdf'] });
    const storageKey = `mis/${subprojectId}/${upload.id}`;
    await deps.files.put(storageKey, content());
    hooks.onRollback(() => deps.files.remove(storageKey));
    await repo.insertFile(tx, {
      subprojectId,
      uploadId: upload.id,
      eventId: options.eventId,
      storageKey,
      kind,
      filename: upload.filename,
      contentType: type?.mimeType ?? null,
      sizeBytes: upload.length,
      takenOn: options.takenOn ?? null,
      caption: options.caption ?? '',
      addedBy: actor.id,
      at: deps.clock.now(),
    });
    await deps.uploads.consume(tx, upload.id);
    hooks.afterCommit(() => deps.uploads.removeBytes(upload.id));
    claimed.push(upload.id);
  }
  return claimed;
}

/** A file of a sub-project for its download (the sub-project's scope checked by the caller). */
export async function findFile(q: Queryable, subprojectId: string, uploadId: string) {
  const [row] = await q.query<{ key: string; sizeBytes: number; id: string }>(
    `select storage_key as key, size_bytes as "sizeBytes", upload_id as id
       from mis_subproject_files where subproject_id = $1 and upload_id = $2`,
    [subprojectId, uploadId],
  );
  if (!row) throw new AppError('not_found');
  return row;
}
