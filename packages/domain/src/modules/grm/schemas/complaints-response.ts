import { z } from 'zod';
import {
  type Contract,
  calendarDateSchema,
  pageOf,
  personRefSchema,
  timestampSchema,
} from '../../../platform/schemas/wire.js';
import { DEADLINE_KINDS } from '../complaints/deadlines.js';
import { COMPLAINT_ACTIONS, COMPLAINT_STATUSES } from '../complaints/lifecycle.js';

/** A case in lists (GET /api/v1/complaints). */
export const complaintListItemSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  reference: z.string(),
  type: z.string(),
  category: z.string(),
  channel: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  sensitive: z.boolean(),
  village: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  receivedAt: timestampSchema,
  assignee: personRefSchema.nullable(),
  handlingLevel: z.string(),
  escalationCount: z.number(),
  /** Earliest open deadline; null when no deadline is running. Lists flag it overdue before today. */
  nextDueDate: calendarDateSchema.nullable(),
  gender: z.string().nullable(),
  ageGroup: z.string().nullable(),
});
export type ComplaintListItem = Contract<typeof complaintListItemSchema>;

export const complaintPageSchema = pageOf(complaintListItemSchema);

/** A deadline of the case file, with its countdown in business days as of today (Togo). */
export const caseDeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  startedOn: calendarDateSchema,
  dueDate: calendarDateSchema,
  /** Negative once past the due date. */
  remainingBusinessDays: z.number(),
  overdue: z.boolean(),
  handlingLevel: z.string(),
  metAt: timestampSchema.nullable(),
  remindedAt: timestampSchema.nullable(),
  breachedAt: timestampSchema.nullable(),
});
export type CaseDeadline = Contract<typeof caseDeadlineSchema>;

/** The complainant's identity: only where the server shows it, or revealed for a reason (audited). */
export const revealedIdentitySchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  whatsapp: z.string().nullable(),
  postalAddress: z.string().nullable(),
});
export type RevealedIdentity = Contract<typeof revealedIdentitySchema>;

export const complainantViewSchema = z.object({
  anonymous: z.boolean(),
  confidential: z.boolean(),
  /** The caller may ask for the identity with a reason (POST …/reveal-identity, audited). */
  revealable: z.boolean(),
  kind: z.enum(['individual', 'group', 'organisation']),
  groupSize: z.number().nullable(),
  gender: z.string().nullable(),
  ageGroup: z.string().nullable(),
  vulnerabilities: z.array(z.string()),
  preferredLanguage: z.string().nullable(),
  /** Agreed to receive news of the case by SMS/email. */
  notifyConsent: z.boolean(),
  onBehalfOf: z.string().nullable(),
  /** Present only when the server shows the identity (named, not confidential). */
  ...revealedIdentitySchema.partial().shape,
});
export type Complainant = Contract<typeof complainantViewSchema>;

/** The case file (GET /api/v1/complaints/:id). */
export const complaintSchema = complaintListItemSchema.extend({
  /** The published summary when this reader is wider staff; the original text for handlers. */
  description: z.string(),
  incidentDate: calendarDateSchema.nullable(),
  ongoing: z.boolean(),
  recurring: z.boolean(),
  subprojectRef: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  placeDescription: z.string().nullable(),
  closureOutcome: z.enum(['satisfied', 'unsatisfied', 'no_response']).nullable(),
  complainant: complainantViewSchema,
  appealCount: z.number(),
  satisfaction: z.number().nullable(),
  recordedBy: personRefSchema.nullable(),
  acknowledgedAt: timestampSchema.nullable(),
  resolutionProposedAt: timestampSchema.nullable(),
  closedAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
  version: z.number(),
  allowedActions: z.array(z.enum(COMPLAINT_ACTIONS)),
  deadlines: z.array(caseDeadlineSchema),
  summaryOnly: z.boolean(),
  /** For handlers: the summary published for wider staff, if any. */
  publication: z
    .object({
      summary: z.string().nullable(),
      publishedAt: timestampSchema.nullable(),
      publishedBy: personRefSchema.nullable(),
    })
    .nullable(),
  canShare: z.boolean(),
  canRefer: z.boolean(),
  canPublish: z.boolean(),
});
export type Complaint = Contract<typeof complaintSchema>;

/** An action's answer: the case file, or only its id when the actor no longer sees it (recategorised). */
export const complaintActionResultSchema = z.union([
  complaintSchema,
  z.object({ id: z.string(), accessLost: z.boolean() }),
]);

/** One timeline event; `payload` is empty for a reader who sees only the published summary. */
export const complaintEventSchema = z.object({
  id: z.number(),
  at: timestampSchema,
  actor: personRefSchema.nullable(),
  /** 'created', 'attachment_added' or an action name. */
  kind: z.string(),
  fromStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  toStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type ComplaintEvent = Contract<typeof complaintEventSchema>;
