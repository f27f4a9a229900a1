import { canSeeComplaint, isoDateOf, type Locale, supervises } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { type Channel, enqueue } from '../../../platform/notifications/outbox.js';
import { findUsersByIds, type UserRecord } from '../../../platform/users/repo.js';
import type { Vault } from '../../../vault/vault.js';
import { accessView } from '../complaints/presenter.js';
import * as complaints from '../complaints/repo.js';
import { readableValues } from './message-values.js';
import { TOPICS, type GrmTopic as Topic } from './topics.js';

/** What the producers need to know of a case event, right after it was appended. */
export interface CaseEvent {
  id: number;
  complaintId: string;
  kind: string;
  actorId: string | null;
  toStatus: string | null;
  /** The event's own facts a message may quote (the deadline scan's kind, due date, days left). */
  payload?: Record<string, unknown>;
}

export interface ProducerDeps {
  /**
   * Opens the identity to learn which contacts (phone, email) the complainant gave — never to copy them: the
   * sender reads the address again when it sends. Without it no complainant message can be produced; only
   * callers whose events never concern the complainant (the deadline scan) may leave it out.
   */
  vault?: Vault | undefined;
}

type Complaint = complaints.ComplaintRow;

/** The topic the case's handler hears about, if any: one message per event and recipient. */
function staffTopicOf(e: CaseEvent): Topic | undefined {
  // An appeal sends the case up one level like an escalation; its template says it is now yours.
  if (e.kind === 'escalate' || e.toStatus === 'appealed') return 'case_escalated';
  if (e.kind === 'created' || e.kind === 'reassign') return 'case_assigned';
  if (e.kind === 'comment') return 'case_comment';
  // The new handler took it themselves; the one who held it is the one to tell.
  if (e.kind === 'take_over') return 'case_taken_over';
  if (e.kind === 'deadline_reminder' || e.kind === 'deadline_breached') return e.kind;
  return undefined;
}

function complainantTopicOf(e: CaseEvent): Topic | undefined {
  if (e.kind === 'created') return 'complainant_receipt';
  if (e.kind === 'acknowledge') return 'complainant_acknowledged';
  if (e.kind === 'propose_resolution') return 'complainant_resolution_proposed';
  if (e.toStatus === 'closed') return 'complainant_closed';
  return undefined;
}

/**
 * Queues the messages an event calls for, in the transaction that wrote it, so they exist if and only if it
 * commits. Staff hear in-app and by email; the complainant, only with consent, by SMS and/or email. Payloads
 * hold the topic's variables only (references, codes, levels, dates, as the recipient reads them: see
 * message-values.ts) — never the description, a name or an address — so even a sensitive case's messages
 * reveal nothing; each staff recipient must see the case.
 */
export async function notifyEvent(tx: Queryable, deps: ProducerDeps, e: CaseEvent): Promise<void> {
  const c = await complaints.findComplaint(tx, e.complaintId);
  if (!c) return;
  const staffTopic = staffTopicOf(e);
  if (staffTopic) await notifyStaff(tx, c, e, staffTopic);
  const complainantTopic = complainantTopicOf(e);
  if (complainantTopic && deps.vault) await notifyComplainant(tx, deps.vault, c, e, complainantTopic);
}

/** Keeps the variables the topic's templates know, dropping absent ones: nothing else can leak. */
function payloadFor(topic: Topic, values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of TOPICS[topic])
    if (values[key] !== undefined && values[key] !== null) payload[key] = values[key];
  return payload;
}

const dedupeKey = (topic: Topic, c: Complaint, e: CaseEvent, channel: Channel, recipient: string) =>
  `${topic}:${c.id}:${e.id}:${channel}:${recipient}`;

/**
 * The handler of the case (the previous one for a take-over); for a deadline of a case nobody holds, its supervisors (national grievance
 * officers, or the sensitive-case focal points for a sensitive case) whose area covers it. Nobody is told of
 * their own act, and nobody who could not open the case hears of it.
 */
async function staffRecipients(tx: Queryable, c: Complaint, e: CaseEvent, topic: Topic) {
  const view = accessView(c);
  let candidates: UserRecord[];
  if (topic === 'case_taken_over') {
    const previous = e.payload?.previousAssigneeId;
    candidates = typeof previous === 'string' ? await findUsersByIds(tx, [previous]) : [];
  } else if (c.assigneeId) candidates = await findUsersByIds(tx, [c.assigneeId]);
  else if (topic === 'deadline_reminder' || topic === 'deadline_breached') {
    const role = c.sensitive ? 'sensitive_focal_point' : 'grm_officer';
    const rows = await tx.query<{ id: string }>(
      `select u.id from users u join user_roles r on r.user_id = u.id and r.role = $1 where u.active`,
      [role],
    );
    const users = await findUsersByIds(
      tx,
      rows.map((r) => r.id),
    );
    candidates = users.filter((u) => supervises(u, view));
  } else candidates = [];
  return candidates.filter((u) => u.active && u.id !== e.actorId && canSeeComplaint(u, view));
}

async function notifyStaff(tx: Queryable, c: Complaint, e: CaseEvent, topic: Topic) {
  const values = payloadFor(topic, {
    reference: c.reference,
    category: c.categoryCode,
    handlingLevel: c.handlingLevel,
    deadline: e.payload?.deadline,
    dueDate: e.payload?.dueDate,
    remainingBusinessDays: e.payload?.remainingBusinessDays,
  });
  // Each recipient reads the labels in their own language: one payload per language.
  const payloads = new Map<Locale, Record<string, unknown>>();
  for (const user of await staffRecipients(tx, c, e, topic)) {
    const locale: Locale = user.locale === 'en' ? 'en' : 'fr';
    if (!payloads.has(locale)) payloads.set(locale, await readableValues(tx, values, locale));
    // A user without an email address still has the in-app inbox.
    const channels: Channel[] = user.email ? ['in_app', 'email'] : ['in_app'];
    for (const channel of channels) {
      await enqueue(tx, {
        topic,
        channel,
        recipient: { kind: 'user', userId: user.id },
        subject: { type: 'complaint', id: c.id },
        locale,
        payload: payloads.get(locale)!,
        dedupeKey: dedupeKey(topic, c, e, channel, user.id),
      });
    }
  }
}

/** Where the complainant can be reached: a phone (or WhatsApp number) takes SMS, an email address email. */
async function complainantChannels(tx: Queryable, vault: Vault, c: Complaint): Promise<Channel[]> {
  const identity = await complaints.findIdentity(tx, vault, c.id);
  if (!identity) return [];
  const channels: Channel[] = [];
  if (identity.phone || identity.whatsapp) channels.push('sms');
  if (identity.email) channels.push('email');
  return channels;
}

async function answerDueDate(tx: Queryable, complaintId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ due: string }>(
    `select due_date::text as due from complaint_deadlines where complaint_id = $1 and kind = 'answer'`,
    [complaintId],
  );
  return row?.due;
}

async function notifyComplainant(tx: Queryable, vault: Vault, c: Complaint, e: CaseEvent, topic: Topic) {
  if (!c.notifyConsent || c.anonymous) return;
  const channels = await complainantChannels(tx, vault, c);
  if (channels.length === 0) return;
  const locale: Locale = c.preferredLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
  const payload = await readableValues(
    tx,
    payloadFor(topic, {
      trackingCode: c.trackingCode,
      receivedOn: isoDateOf(c.receivedAt),
      answerDueDate: topic === 'complainant_resolution_proposed' ? await answerDueDate(tx, c.id) : undefined,
    }),
    locale,
  );
  for (const channel of channels) {
    await enqueue(tx, {
      topic,
      channel,
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      locale,
      payload,
      dedupeKey: dedupeKey(topic, c, e, channel, 'complainant'),
    });
  }
}
