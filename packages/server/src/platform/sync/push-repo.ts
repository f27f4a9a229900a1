import type { Queryable } from '../../db/driver.js';

/** An applied mutation, as recorded for idempotency. */
export interface AppliedMutation {
  id: string;
  userId: string;
  type: string;
  result: Record<string, unknown>;
  appliedAt: Date;
}

export async function findMutation(q: Queryable, id: string): Promise<AppliedMutation | undefined> {
  const [row] = await q.query<AppliedMutation>(
    `select id, user_id as "userId", type, result, applied_at as "appliedAt" from sync_mutations where id = $1`,
    [id],
  );
  return row;
}

/**
 * Claims the mutation id first thing in its transaction: a concurrent request with the same id waits on the
 * primary key until this transaction ends, then fails with a unique violation (answered as a duplicate) if it
 * committed, or goes ahead if it rolled back.
 */
export async function claimMutation(
  tx: Queryable,
  m: { id: string; userId: string; type: string; clientTime: string },
): Promise<void> {
  await tx.query(
    `insert into sync_mutations (id, user_id, type, client_time) values ($1, $2, $3, $4::timestamptz)`,
    [m.id, m.userId, m.type, m.clientTime],
  );
}

export async function recordResult(
  tx: Queryable,
  id: string,
  result: Record<string, unknown>,
): Promise<void> {
  await tx.query('update sync_mutations set result = $2::jsonb where id = $1', [id, JSON.stringify(result)]);
}
