import type { Queryable } from '../../db/driver.js';

/** How long a removal stays for devices to pull; a device offline longer gets a full pull instead. */
export const REMOVALS_RETENTION_DAYS = 180;

/**
 * Deletes the removals older than the retention and records the highest number deleted: a pull whose cursor
 * is below it may have missed one of them, so it starts again from nothing (pull.ts). Both in the caller's
 * transaction, so a pull's snapshot sees either the rows or the mark.
 */
export async function pruneRemovals(
  tx: Queryable,
  now: Date,
  days = REMOVALS_RETENTION_DAYS,
): Promise<number> {
  const [gone] = await tx.query<{ n: number; through: string | null }>(
    `with gone as (delete from sync_removals where at < $1 returning seq)
     select count(*)::int as n, max(seq)::text as through from gone`,
    [new Date(now.getTime() - days * 86_400_000)],
  );
  if (gone?.through) {
    await tx.query(
      'update sync_state set removals_pruned_through = greatest(removals_pruned_through, $1::bigint)',
      [gone.through],
    );
  }
  return gone?.n ?? 0;
}

/** The highest removal number pruned so far (0: none). */
export async function prunedThrough(q: Queryable): Promise<number> {
  const [row] = await q.query<{ through: string }>(
    'select removals_pruned_through::text as through from sync_state',
  );
  return Number(row?.through ?? 0);
}
