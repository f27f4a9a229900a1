import type { ComplaintActionName, ComplaintStatus } from '@coso/domain';

/** API shapes of the grievance mechanism, as the server's presenters write them. */

export interface ReferenceItem {
  code: string;
  /** In the caller's language. */
  label: string;
  labelFr: string;
  labelEn: string;
  sort: number;
  active: boolean;
  /** Categories only. */
  sensitive?: boolean;
  requiresMinutes?: boolean;
  outOfScope?: boolean;
}

export interface ReferenceLists {
  types: ReferenceItem[];
  categories: ReferenceItem[];
  channels: ReferenceItem[];
  ageGroups: ReferenceItem[];
  genders: ReferenceItem[];
  vulnerabilityGroups: ReferenceItem[];
}

/** The list names of PUT /api/v1/reference/:list/:code, and the key of each in GET /api/v1/reference. */
export const REFERENCE_LIST_KEYS = {
  type: 'types',
  category: 'categories',
  channel: 'channels',
  age_group: 'ageGroups',
  gender: 'genders',
  vulnerability: 'vulnerabilityGroups',
} as const satisfies Record<string, keyof ReferenceLists>;
export type ReferenceListName = keyof typeof REFERENCE_LIST_KEYS;

export interface ReferenceItemBody {
  labelFr: string;
  labelEn: string;
  sort: number;
  active: boolean;
  sensitive: boolean;
  requiresMinutes: boolean;
  outOfScope: boolean;
}

export interface PersonRef {
  id: string;
  displayName: string | null;
}

export interface ComplaintListItem {
  id: string;
  trackingCode: string;
  reference: string;
  type: string;
  category: string;
  channel: string;
  status: ComplaintStatus;
  sensitive: boolean;
  village: { id: string; code: string; name: string };
  receivedAt: string;
  assignee: PersonRef | null;
  handlingLevel: string;
  escalationCount: number;
  /** Earliest open deadline (YYYY-MM-DD); null when no deadline is running. */
  nextDueDate: string | null;
  gender: string | null;
  ageGroup: string | null;
}

export interface Complainant {
  anonymous: boolean;
  confidential: boolean;
  kind: 'individual' | 'group' | 'organisation';
  groupSize: number | null;
  gender: string | null;
  ageGroup: string | null;
  vulnerabilities: string[];
  preferredLanguage: string | null;
  onBehalfOf: string | null;
  /** The caller may ask for the identity with a reason (POST …/reveal-identity, audited). */
  revealable: boolean;
  /** Present only when the server shows the identity (named, not confidential). */
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  whatsapp?: string | null;
  postalAddress?: string | null;
}

export interface Complaint extends ComplaintListItem {
  /** The published summary when this reader is wider staff; the original text for handlers. */
  description: string;
  summaryOnly: boolean;
  /** For handlers: the summary published for wider staff, if any. */
  publication: {
    summary: string | null;
    publishedAt: string | null;
    publishedBy: { id: string; displayName: string | null } | null;
  } | null;
  canShare: boolean;
  canRefer: boolean;
  canPublish: boolean;
  incidentDate: string | null;
  ongoing: boolean;
  recurring: boolean;
  subprojectRef: string | null;
  latitude: number | null;
  longitude: number | null;
  placeDescription: string | null;
  closureOutcome: 'satisfied' | 'unsatisfied' | 'no_response' | null;
  complainant: Complainant;
  appealCount: number;
  satisfaction: number | null;
  recordedBy: PersonRef | null;
  acknowledgedAt: string | null;
  resolutionProposedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  version: number;
  allowedActions: ComplaintActionName[];
  deadlines: CaseDeadline[];
}

export const DEADLINE_KINDS = ['acknowledge', 'resolve', 'answer', 'appeal'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A deadline of the case file, with its countdown in business days as of today (Togo). */
export interface CaseDeadline {
  kind: DeadlineKind;
  /** Calendar dates (YYYY-MM-DD). */
  startedOn: string;
  dueDate: string;
  /** Negative once past the due date. */
  remainingBusinessDays: number;
  overdue: boolean;
  handlingLevel: string;
  metAt: string | null;
  remindedAt: string | null;
  breachedAt: string | null;
}

/** The answer of POST /api/v1/complaints/:id/reveal-identity: only ever kept in component state. */
export interface RevealedIdentity {
  name: string | null;
  phone: string | null;
  email: string | null;
  whatsapp: string | null;
  postalAddress: string | null;
}

export interface ComplaintEvent {
  id: number;
  at: string;
  actor: PersonRef | null;
  /** 'created', 'attachment_added' or an action name. */
  kind: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  payload: Record<string, unknown>;
}

export const ATTACHMENT_PURPOSES = ['evidence', 'minutes', 'investigation'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export interface Attachment {
  id: string;
  purpose: AttachmentPurpose;
  kind: 'image' | 'pdf' | 'audio';
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  uploadedBy: PersonRef | null;
  url: string;
  previewUrl: string | null;
}

export const COMPLAINT_QUEUES = ['mine', 'area', 'unassigned', 'escalated'] as const;
export type ComplaintQueue = (typeof COMPLAINT_QUEUES)[number];

/** The list's filters exactly as they travel in the query string (and in saved filters). */
export type ComplaintFilterQuery = Record<string, string>;

export interface SavedFilter {
  id: string;
  name: string;
  query: ComplaintFilterQuery;
  createdAt: string;
}

export interface RegisterRejection {
  line: number;
  column: string | null;
  code?: string;
  reason: string;
}

export interface RegisterImportReport {
  dryRun: boolean;
  applied: boolean;
  created: number;
  rejected: RegisterRejection[];
  ignoredColumns: string[];
  notes: string[];
}
