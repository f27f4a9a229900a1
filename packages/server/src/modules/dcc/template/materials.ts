import type { Actor, Material, MaterialInput } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { FileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import type { UploadService } from '../../../platform/sync/uploads.js';

/**
 * Supporting material files of the template's tasks (issue #15): a completed upload named in a task edit is
 * claimed into the file store under `dcc-materials/<fileId>` (the upload's id), and the task's `materials`
 * jsonb keeps its id and size. A copied template (cycle from cycle) shares the files, so a file is removed
 * from the store only once no task names it any more.
 */

export interface MaterialDeps {
  uploads: UploadService;
  files: FileStore;
}

export const materialKey = (fileId: string) => `dcc-materials/${fileId}`;

/** The kind the bytes say (lib/file-sniff: pdf, image, audio): it wins over the one the specialist picked. */
const KIND_OF_UPLOAD: Record<string, Material['kind'] | undefined> = {
  pdf: 'pdf',
  image: 'image',
  audio: 'audio',
};

/**
 * The materials to store for `input`, in its order: links as sent; files the task already had kept with their
 * stored size (a `fileId` it did not have is dcc_material_file_unknown); uploads claimed (moved to the file
 * store, the upload consumed, its bytes removed after the commit, the stored copy removed on a rollback).
 */
export async function claimMaterials(
  tx: Queryable,
  deps: MaterialDeps,
  actor: Actor,
  before: readonly Material[],
  input: readonly MaterialInput[],
  hooks: FileHooks,
): Promise<Material[]> {
  const known = new Map(before.flatMap((m) => (m.fileId ? [[m.fileId, m] as const] : [])));
  const out: Material[] = [];
  for (const m of input) {
    const { title, kind } = m;
    if (m.url !== undefined) {
      out.push({ title, kind, url: m.url });
    } else if (m.fileId !== undefined) {
      const had = known.get(m.fileId);
      if (!had) throw new AppError('dcc_material_file_unknown', { fileId: m.fileId });
      out.push({ title, kind: had.kind, fileId: m.fileId, sizeBytes: had.sizeBytes });
    } else if (m.uploadId !== undefined) {
      const { upload, content } = await deps.uploads.takeComplete(tx, actor, m.uploadId);
      const sniffed = KIND_OF_UPLOAD[upload.kind ?? ''];
      if (!sniffed) throw new AppError('unsupported_media_type', { uploadId: upload.id });
      const key = materialKey(upload.id);
      await deps.files.put(key, content());
      hooks.onRollback(() => deps.files.remove(key));
      await deps.uploads.consume(tx, upload.id);
      hooks.afterCommit(() => deps.uploads.removeBytes(upload.id));
      out.push({ title, kind: sniffed, fileId: upload.id, sizeBytes: Number(upload.length) });
    }
  }
  return out;
}

/** After the task's update: the files it dropped that no task names any more leave the store after the commit. */
export async function releaseMaterials(
  tx: Queryable,
  deps: MaterialDeps,
  before: readonly Material[],
  after: readonly Material[],
  hooks: FileHooks,
) {
  const kept = new Set(after.map((m) => m.fileId));
  const dropped = before.flatMap((m) => (m.fileId && !kept.has(m.fileId) ? [m.fileId] : []));
  if (dropped.length === 0) return;
  const used = await tx.query<{ fileId: string }>(
    `select distinct m->>'fileId' as "fileId" from dcc_tasks t, jsonb_array_elements(t.materials) m
      where m->>'fileId' = any($1::text[])`,
    [dropped],
  );
  const stillUsed = new Set(used.map((r) => r.fileId));
  for (const fileId of dropped)
    if (!stillUsed.has(fileId)) hooks.afterCommit(() => deps.files.remove(materialKey(fileId)));
}

/** A material file named by some task, with its size; 404 when none does. */
export async function findMaterialFile(q: Queryable, fileId: string) {
  const [row] = await q.query<{ sizeBytes: number | null }>(
    `select (m->>'sizeBytes')::bigint as "sizeBytes" from dcc_tasks t, jsonb_array_elements(t.materials) m
      where t.materials @> jsonb_build_array(jsonb_build_object('fileId', $1::text)) and m->>'fileId' = $1
      limit 1`,
    [fileId],
  );
  if (!row) throw new AppError('not_found');
  return { key: materialKey(fileId), sizeBytes: Number(row.sizeBytes ?? 0), id: fileId };
}
