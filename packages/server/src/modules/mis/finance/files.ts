import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { Ctx } from '../../../platform/sync/mutations.js';
import type { UploadService } from '../../../platform/sync/uploads.js';
import type { LineTable } from './repo.js';

export interface FinanceFileDeps {
  uploads: UploadService;
  files: FileStore;
  clock: Clock;
}

/** What a line's documents may be: a scanned slip or receipt (image) or a PDF (lib/file-sniff.ts kinds). */
const DOCUMENT_KINDS = ['pdf', 'image'];

/**
 * Claims the caller's completed uploads as documents of a line, in the line's transaction: the bytes move to
 * the file store under mis-finance/<line>/<upload>, the row goes to mis_finance_files, the upload is consumed.
 * Another user's or an unknown upload: 404 upload_not_found; not a PDF or an image: 415.
 */
export async function claimLineFiles(
  tx: Queryable,
  deps: FinanceFileDeps,
  ctx: Ctx,
  line: { table: LineTable; id: string },
  uploadIds: readonly string[],
  hooks: FileHooks,
) {
  for (const uploadId of new Set(uploadIds)) {
    const { upload, content } = await deps.uploads.takeComplete(tx, ctx.actor, uploadId);
    if (!DOCUMENT_KINDS.includes(upload.kind ?? ''))
      throw new AppError('unsupported_media_type', { uploadId, expected: DOCUMENT_KINDS });
    const storageKey = `mis-finance/${line.id}/${upload.id}`;
    await deps.files.put(storageKey, content());
    hooks.onRollback(() => deps.files.remove(storageKey));
    await tx.query(
      `insert into mis_finance_files (line_table, line_id, upload_id, storage_key, filename, content_type,
                                      size_bytes, added_by, added_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        line.table,
        line.id,
        upload.id,
        storageKey,
        upload.filename,
        upload.declaredType,
        upload.length,
        ctx.actor.id,
        deps.clock.now(),
      ],
    );
    await deps.uploads.consume(tx, upload.id);
    hooks.afterCommit(() => deps.uploads.removeBytes(upload.id));
  }
}

/** A stored document of a finance line, by its upload id (the scope is checked by the caller). */
export async function findLineFile(q: Queryable, uploadId: string) {
  const [row] = await q.query<{
    lineTable: LineTable;
    lineId: string;
    storageKey: string;
    sizeBytes: string;
  }>(
    `select line_table as "lineTable", line_id as "lineId", storage_key as "storageKey",
            size_bytes::text as "sizeBytes"
       from mis_finance_files where upload_id = $1`,
    [uploadId],
  );
  return row ?? null;
}
