import type { Queryable } from '../../db/driver.js';
import type { Channel, Topic } from './outbox.js';
import { secretVariables } from './topics.js';

export interface ClaimedRow {
  id: string;
  topic: Topic;
  channel: Channel;
  recipientKind: 'user' | 'complainant';
  recipientUserId: string | null;
  entityType: string | null;
  entityId: string | null;
  locale: 'fr' | 'en';
  payload: Record<string, unknown>;
  attempts: number;
}

export const INTERRUPTED = 'interrupted: delivery unknown';
const COLUMNS = `id::text, topic, channel, recipient_kind as "recipientKind", recipient_user_id as "recipientUserId",
  entity_type as "entityType", entity_id as "entityId", locale, payload, attempts`;

/**
 * Rows left 'sending' past their lease were interrupted mid-delivery (crash, restart): whether the message
 * left is unknown, so they fail rather than go again — never sent twice; the admin may retry them.
 */
export async function failInterrupted(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query(
    `update notification_outbox
        set status = 'failed', last_error = $3, lease_until = null, payload = payload - $2::text[]
      where status = 'sending' and lease_until < $1
      returning id`,
    [now, secretVariables(), INTERRUPTED],
  );
  return rows.length;
}

/** Pending rows due now, locked for this transaction; other senders skip them. */
export async function lockDue(q: Queryable, now: Date, limit: number): Promise<ClaimedRow[]> {
  return q.query<ClaimedRow>(
    `select ${COLUMNS} from notification_outbox
      where status = 'pending' and next_attempt_at <= $1
      order by next_attempt_at, id limit $2
      for update skip locked`,
    [now, limit],
  );
}

/** Claims locked rows for an external delivery: 'sending' until `until`. */
export async function lease(q: Queryable, ids: string[], until: Date) {
  if (ids.length === 0) return;
  await q.query(
    `update notification_outbox set status = 'sending', lease_until = $2 where id = any($1::bigint[])`,
    [ids, until],
  );
}

/** Extends the lease of a row still 'sending'; false when another sender failed it as interrupted. */
export async function renewLease(q: Queryable, id: string, until: Date): Promise<boolean> {
  const rows = await q.query(
    `update notification_outbox set lease_until = $2 where id = $1 and status = 'sending' returning id`,
    [id, until],
  );
  return rows.length === 1;
}

export type Outcome =
  | { status: 'sent'; providerId: string | null }
  | { status: 'pending'; error: string; nextAttemptAt: Date }
  | { status: 'failed' | 'skipped'; error: string };

/**
 * Records how a delivery ended, if the row is still in the `from` status (false otherwise). A skip is not an
 * attempt. Secrets (a one-time code) leave the payload once the row is final. A delivery known to have
 * succeeded also corrects a row another sender meanwhile marked interrupted: the truth is "sent".
 */
export async function settle(
  q: Queryable,
  id: string,
  from: 'pending' | 'sending',
  outcome: Outcome,
  now: Date,
): Promise<boolean> {
  const final = outcome.status !== 'pending';
  const rows = await q.query(
    `update notification_outbox
        set status = $2, attempts = attempts + $3, lease_until = null,
            sent_at = case when $2 = 'sent' then $4::timestamptz end,
            provider_id = $5, last_error = $6,
            next_attempt_at = coalesce($7::timestamptz, next_attempt_at),
            payload = case when $8 then payload - $9::text[] else payload end
      where id = $1
        and (status = $10 or ($2 = 'sent' and $10 = 'sending' and status = 'failed' and last_error = $11))
      returning id`,
    [
      id,
      outcome.status,
      outcome.status === 'skipped' ? 0 : 1,
      now,
      outcome.status === 'sent' ? outcome.providerId : null,
      'error' in outcome ? outcome.error.slice(0, 500) : null,
      outcome.status === 'pending' ? outcome.nextAttemptAt : null,
      final,
      secretVariables(),
      from,
      INTERRUPTED,
    ],
  );
  return rows.length === 1;
}

export async function insertInbox(
  q: Queryable,
  row: ClaimedRow,
  userId: string,
  text: { title: string; body: string },
  now: Date,
) {
  await q.query(
    `insert into notifications (user_id, outbox_id, topic, entity_type, entity_id, title, body, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (outbox_id) do nothing`,
    [userId, row.id, row.topic, row.entityType, row.entityId, text.title, text.body, now],
  );
}

export async function findRecipientUser(q: Queryable, id: string) {
  const [user] = await q.query<{ id: string; email: string | null; phone: string | null; active: boolean }>(
    'select id, email, phone, active from users where id = $1',
    [id],
  );
  return user;
}
