import type { Queryable } from '../../../../db/driver.js';

export interface SavedFilterRow {
  id: string;
  name: string;
  /** The list's query string as an object ({ status: 'received,acknowledged', area: '…' }). */
  query: Record<string, string>;
  createdAt: Date;
}

const COLUMNS = 'id, name, query, created_at as "createdAt"';

export function listSavedFilters(db: Queryable, userId: string): Promise<SavedFilterRow[]> {
  return db.query<SavedFilterRow>(
    `select ${COLUMNS} from saved_filters where user_id = $1 order by lower(name), id`,
    [userId],
  );
}

export async function insertSavedFilter(
  db: Queryable,
  f: { id: string; userId: string; name: string; query: Record<string, string> },
): Promise<SavedFilterRow> {
  const [row] = await db.query<SavedFilterRow>(
    `insert into saved_filters (id, user_id, name, query) values ($1, $2, $3, $4::jsonb) returning ${COLUMNS}`,
    [f.id, f.userId, f.name, JSON.stringify(f.query)],
  );
  return row!;
}

/** Deletes the filter only if it belongs to the user; false when there is no such filter of theirs. */
export async function deleteSavedFilter(db: Queryable, id: string, userId: string): Promise<boolean> {
  const rows = await db.query('delete from saved_filters where id = $1 and user_id = $2 returning id', [
    id,
    userId,
  ]);
  return rows.length > 0;
}
