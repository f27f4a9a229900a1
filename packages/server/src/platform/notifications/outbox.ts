import type { Queryable } from '../../db/driver.js';
import { type Channel, requireTopic } from './topics.js';

export { CHANNELS, type Channel } from './topics.js';

/** A topic's name (registered by a module: topics.ts). */
export type Topic = string;

/** What a message is about: an entity of a module, e.g. `{ type: 'complaint', id }`. */
export interface Subject {
  type: string;
  id: string;
}

/**
 * Whom a message goes to: a staff user, or the person the subject is about (kind 'complainant'; the subject's
 * module reads the address when sending: topics.ts ContactResolver).
 */
export type Recipient = { kind: 'user'; userId: string } | { kind: 'complainant' };

export interface OutboxMessage {
  topic: Topic;
  channel: Channel;
  recipient: Recipient;
  /** The entity the message is about, or null. */
  subject: Subject | null;
  locale?: 'fr' | 'en';
  /** Template variables. Never a description, a name or an address: only codes, dates and references. */
  payload: Record<string, unknown>;
  /** Same key, one row: lets a producer that runs twice for the same fact write one message. */
  dedupeKey?: string;
}

/**
 * Queues a message in the caller's transaction: it exists if and only if the change that caused it commits.
 * The sender (notifications/sender.ts) delivers it after commit. A topic no module registered is refused.
 */
export async function enqueue(q: Queryable, m: OutboxMessage): Promise<void> {
  requireTopic(m.topic);
  await q.query(
    `insert into notification_outbox
       (topic, channel, recipient_kind, recipient_user_id, entity_type, entity_id, locale, payload, dedupe_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
     on conflict (dedupe_key) where dedupe_key is not null do nothing`,
    [
      m.topic,
      m.channel,
      m.recipient.kind,
      m.recipient.kind === 'user' ? m.recipient.userId : null,
      m.subject?.type ?? null,
      m.subject?.id ?? null,
      m.locale ?? 'fr',
      JSON.stringify(m.payload),
      m.dedupeKey ?? null,
    ],
  );
}

/** Whether a message of this topic and channel is queued for the subject (whatever its delivery state). */
export async function isQueued(q: Queryable, subject: Subject, topic: Topic, channel: Channel) {
  const rows = await q.query(
    `select 1 from notification_outbox
      where entity_type = $1 and entity_id = $2 and topic = $3 and channel = $4 limit 1`,
    [subject.type, subject.id, topic, channel],
  );
  return rows.length > 0;
}
