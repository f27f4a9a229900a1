import type { NotificationTopic, SubjectKind } from '../../../platform/notifications/topics.js';
import * as complaints from '../complaints/repo.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

/**
 * The grievance module's kinds of message and the template variables each payload carries. Staff topics go to
 * users (in-app and email); complainant topics go, with consent, to the phone (SMS) or email the complainant
 * gave.
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
export type GrmTopic = keyof typeof TOPICS;

/** Payload keys that are secrets: the sender erases them from the row once it is sent or given up. */
export const SECRET_PAYLOAD_KEYS = ['otp'] as const;

/** The module's topics as the platform registers them (platform/notifications/topics.ts). */
export const grmNotificationTopics: readonly NotificationTopic[] = (Object.keys(TOPICS) as GrmTopic[]).map(
  (name) => ({
    name,
    variables: TOPICS[name],
    secretVariables: SECRET_PAYLOAD_KEYS.filter((k) => (TOPICS[name] as readonly string[]).includes(k)),
    texts: DEFAULT_TEMPLATES[name],
  }),
);

/** A complaint as the subject of messages: its complainant's contacts (from the vault), its reference. */
export const complaintSubject: SubjectKind = {
  entityType: 'complaint',
  async contact(q, vault, entityId) {
    const identity = await complaints.findIdentity(q, vault, entityId);
    return identity && { email: identity.email, phone: identity.phone || identity.whatsapp };
  },
  referenceSql: 'select c.reference from complaints c where c.id = o.entity_id::uuid',
};

export const grmSubjectKinds: readonly SubjectKind[] = [complaintSubject];
