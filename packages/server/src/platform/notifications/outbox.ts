import type { Queryable } from '../../db/driver.js';

export const CHANNELS = ['in_app', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Every kind of message and the template variables its payload carries. Staff topics go to users (in-app and
 * email); complainant topics go, with consent, to the phone (SMS) or email the complainant gave.
 */
export const TOPICS = {
  case_assigned: ['reference', 'category', 'handlingLevel'],
  case_taken_over: ['reference', 'category', 'handlingLevel'],
  case_escalated: ['reference', 'handlingLevel'],
  case_comment: ['reference'],
  deadline_reminder: ['reference', 'deadline', 'dueDate', 'remainingBusinessDays'],
  deadline_breached: ['reference', 'deadline', 'dueDate'],
  complainant_receipt: ['trackingCode', 'receivedOn'],
  complainant_acknowledged: ['trackingCode'],
  complainant_resolution_proposed: ['trackingCode', 'answerDueDate'],
  complainant_closed: ['trackingCode'],
  public_otp: ['trackingCode', 'otp'],
} as const satisfies Record<string, readonly string[]>;
export type Topic = keyof typeof TOPICS;

/** Payload keys that are secrets: the sender erases them from the row once it is sent or given up. */
export const SECRET_PAYLOAD_KEYS = ['otp'] as const;

/** Whom a message goes to: a staff user, or the complainant of `complaintId` (address read when sending). */
export type Recipient = { kind: 'user'; userId: string } | { kind: 'complainant' };

export interface OutboxMessage {
  topic: Topic;
  channel: Channel;
  recipient: Recipient;
  complaintId: string | null;
  locale?: 'fr' | 'en';
  /** Template variables. Never a description, a name or an address: only codes, dates and references. */
  payload: Record<string, unknown>;
  /** Same key, one row: lets a producer that runs twice for the same fact write one message. */
  dedupeKey?: string;
}

/**
 * Queues a message in the caller's transaction: it exists if and only if the change that caused it commits.
 * The sender (notifications/sender.ts) delivers it after commit.
 */
export async function enqueue(q: Queryable, m: OutboxMessage): Promise<void> {
  await q.query(
    `insert into notification_outbox
       (topic, channel, recipient_kind, recipient_user_id, complaint_id, locale, payload, dedupe_key)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
     on conflict (dedupe_key) where dedupe_key is not null do nothing`,
    [
      m.topic,
      m.channel,
      m.recipient.kind,
      m.recipient.kind === 'user' ? m.recipient.userId : null,
      m.complaintId,
      m.locale ?? 'fr',
      JSON.stringify(m.payload),
      m.dedupeKey ?? null,
    ],
  );
}

/** Whether a message of this topic and channel is queued for the case (whatever its delivery state). */
export async function isQueued(q: Queryable, complaintId: string, topic: Topic, channel: Channel) {
  const rows = await q.query(
    'select 1 from notification_outbox where complaint_id = $1 and topic = $2 and channel = $3 limit 1',
    [complaintId, topic, channel],
  );
  return rows.length > 0;
}
