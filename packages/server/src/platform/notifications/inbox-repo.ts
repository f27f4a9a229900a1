import type { Queryable } from '../../db/driver.js';

/** One in-app notification as its owner sees it (the sender wrote title and body from the templates). */
export interface InboxItem {
  id: number;
  topic: string;
  title: string;
  body: string;
  /** The case it is about (kept for the inbox's answer), else null. */
  complaintId: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxQuery {
  /** true: unread only; false: read only; undefined: all. */
  unread?: boolean | undefined;
  /** Keyset: rows strictly older (smaller id) than this one. */
  beforeId?: number | undefined;
  limit: number;
}

/** Newest first; `limit` rows at most (callers ask one more to know whether a next page exists). */
export function listInbox(q: Queryable, userId: string, query: InboxQuery): Promise<InboxItem[]> {
  return q.query<InboxItem>(
    `select id::int, topic, title, body,
            case when entity_type = 'complaint' then entity_id end as "complaintId",
            entity_type as "entityType", entity_id as "entityId", created_at as "createdAt",
            read_at as "readAt"
       from notifications
      where user_id = $1
        and ($2::boolean is null or (read_at is null) = $2)
        and ($3::bigint is null or id < $3)
      order by id desc
      limit $4`,
    [userId, query.unread ?? null, query.beforeId ?? null, query.limit],
  );
}

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const [row] = await q.query<{ count: number }>(
    'select count(*)::int as count from notifications where user_id = $1 and read_at is null',
    [userId],
  );
  return row?.count ?? 0;
}

/**
 * Marks one of the user's notifications read. Returns undefined when it is not theirs (or does not exist),
 * else whether it was unread until now — reading it twice keeps the first reading time.
 */
export async function markRead(
  q: Queryable,
  userId: string,
  id: number,
): Promise<{ changed: boolean } | undefined> {
  const [row] = await q.query<{ changed: boolean }>(
    `with target as (
       select id, read_at is null as unread from notifications where id = $1 and user_id = $2 for update
     ), updated as (
       update notifications n set read_at = now() from target t where n.id = t.id and t.unread returning n.id
     )
     select exists (select 1 from updated) as changed from target`,
    [id, userId],
  );
  return row;
}

/** Marks every unread notification of the user read; returns how many were. */
export async function markAllRead(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query(
    'update notifications set read_at = now() where user_id = $1 and read_at is null returning id',
    [userId],
  );
  return rows.length;
}
