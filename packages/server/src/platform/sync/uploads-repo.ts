import type { Queryable } from '../../db/driver.js';

/** A resumable upload's state; its bytes are in the uploads folder under its id. */
export interface UploadRow {
  id: string;
  userId: string;
  length: number;
  offset: number;
  filename: string | null;
  declaredType: string | null;
  kind: string | null;
  completedAt: Date | null;
  createdAt: Date;
}

const SELECT = `
  select id, user_id as "userId", length, upload_offset as "offset", filename, declared_type as "declaredType",
         kind, completed_at as "completedAt", created_at as "createdAt"
    from sync_uploads`;

export async function insertUpload(
  q: Queryable,
  u: Pick<UploadRow, 'id' | 'userId' | 'length' | 'filename' | 'declaredType'>,
): Promise<void> {
  await q.query(
    `insert into sync_uploads (id, user_id, length, filename, declared_type) values ($1, $2, $3, $4, $5)`,
    [u.id, u.userId, u.length, u.filename, u.declaredType],
  );
}

export async function findUpload(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<UploadRow | undefined> {
  const [row] = await q.query<UploadRow>(`${SELECT} where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return row;
}

/** Uploads a user has not attached (or abandoned) yet, complete or not. */
export async function countOpenUploads(q: Queryable, userId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    'select count(*)::int as n from sync_uploads where user_id = $1',
    [userId],
  );
  return row?.n ?? 0;
}

/**
 * Moves the offset from `from` to `to` (and notes the recognised kind, and completion); nothing when another
 * request moved it meanwhile. Returns the offset now recorded, or undefined when the upload is gone.
 */
export async function advanceUpload(
  q: Queryable,
  id: string,
  from: number,
  to: number,
  kind: string | null,
): Promise<number | undefined> {
  const [moved] = await q.query<{ offset: number }>(
    `update sync_uploads
        set upload_offset = $3, kind = coalesce(kind, $4), updated_at = now(),
            completed_at = case when $3 = length then now() end
      where id = $1 and upload_offset = $2
      returning upload_offset as "offset"`,
    [id, from, to, kind],
  );
  if (moved) return moved.offset;
  return (await findUpload(q, id))?.offset;
}

export async function deleteUpload(q: Queryable, id: string): Promise<void> {
  await q.query('delete from sync_uploads where id = $1', [id]);
}

/** Deletes incomplete uploads idle for `idleDays` and complete ones never attached for `unusedDays`. */
export async function deleteStaleUploads(
  q: Queryable,
  idleDays: number,
  unusedDays: number,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `delete from sync_uploads
      where (completed_at is null and updated_at < now() - make_interval(days => $1))
         or (completed_at < now() - make_interval(days => $2))
      returning id`,
    [idleDays, unusedDays],
  );
  return rows.map((r) => r.id);
}

/** Which of these ids still have a row (the purge deletes the files of the others). */
export async function existingUploads(q: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string }>('select id from sync_uploads where id = any($1::uuid[])', [ids]);
  return rows.map((r) => r.id);
}
