import type { Actor, PullResponse } from '@coso/domain';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/driver.js';
import { FLOOR_KEYS } from '../../db/migrations/0010-sync-feed.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { readFeed } from './feed.js';
import { prunedThrough } from './prune.js';
import type { SyncRegistry } from './registry.js';
import { syncScope } from './scope.js';

/** What the opaque pull cursor carries: the last change_seq the device has, and the scope it was read with. */
const pullCursorSchema = z.object({
  s: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  v: z.string().min(1).max(64),
});
type PullCursor = z.infer<typeof pullCursorSchema>;

/** Absent or empty: a first pull. Anything else that does not decode: 400 invalid_cursor. */
export function decodePullCursor(cursor: string | undefined): PullCursor | undefined {
  return cursor ? decodeCursor(cursor, pullCursorSchema) : undefined;
}

export const encodePullCursor = (c: PullCursor) => encodeCursor(c);

// Floors announced by transactions still writing synced rows (migration 0010), in this database only.
const OPEN_FLOORS = `select min(((l.classid::bigint - ${FLOOR_KEYS >> 32n}) << 32) + l.objid::bigint) as floor
  from pg_locks l
 where l.locktype = 'advisory' and l.objsubid = 1 and l.classid::bigint >= ${FLOOR_KEYS >> 32n}
   and l.database = (select oid from pg_database where datname = current_database())`;

/**
 * The numbers a pull may serve now: `last` issued, and the `horizon` below which every transaction that took
 * a number has ended. Read before the pull's snapshot, in this order (migration 0010 has the argument).
 */
async function servable(db: Queryable): Promise<{ last: number; horizon: number }> {
  const [seq] = await db.query<{ last: number }>(
    'select case when is_called then last_value else last_value - 1 end as last from change_seq',
  );
  const [open] = await db.query<{ floor: number | null }>(OPEN_FLOORS);
  const last = seq?.last ?? 0;
  return { last, horizon: open?.floor == null ? last : Math.min(last, open.floor) };
}

export type SyncPullService = ReturnType<typeof createSyncPullService>;

export function createSyncPullService({ db, sync }: { db: Db; sync: SyncRegistry }) {
  return {
    /**
     * One page of what changed for this user's device since `cursor`. A full pull from the start (`reset`) when
     * there is no cursor, when the user's roles or jurisdictions changed since it was issued, when it comes
     * from another database, or when removals it has not seen were pruned (prune.ts). Read-only, in one
     * repeatable-read snapshot taken after `servable` (see readFeed).
     */
    async pull(actor: Actor, cursor: string | undefined, limit: number): Promise<PullResponse> {
      const from = decodePullCursor(cursor);
      const scope = syncScope(actor);
      const { last, horizon } = await servable(db);
      return db.transaction(async (tx) => {
        await tx.query('set transaction isolation level repeatable read, read only');
        // A cursor beyond the last number issued comes from another database (a restored backup).
        const valid =
          from && from.v === scope.version && from.s <= last && from.s >= (await prunedThrough(tx));
        const page = await readFeed(tx, sync.sources, scope, {
          cursor: valid ? from.s : 0,
          limit,
          horizon,
        });
        return {
          reset: !valid,
          changes: page.changes,
          removed: page.removed,
          cursor: encodePullCursor({ s: page.cursor, v: scope.version }),
          hasMore: page.hasMore,
          // For the phone's progress bar and estimate: how far this page went in the feed, and its end now.
          progress: { done: page.cursor, end: Math.max(page.cursor, horizon) },
        };
      });
    },
  };
}
