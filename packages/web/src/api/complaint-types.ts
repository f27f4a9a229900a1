import type { GrmReferenceLists as ReferenceLists, RegisterImportReport } from '@coso/domain';

/**
 * API shapes of the grievance mechanism. The answers the server declares a contract for come from
 * @coso/domain (docs/api.md); the others are still written here. ReferenceLists: the grievance forms' lists
 * in GET /api/v1/reference.
 */
export type {
  Attachment,
  CaseDeadline,
  Complainant,
  Complaint,
  ComplaintEvent,
  ComplaintListItem,
  GrmReferenceLists as ReferenceLists,
  PersonRef,
  ReferenceItem,
  RegisterImportReport,
  RevealedIdentity,
  SavedFilter,
} from '@coso/domain';
export { DEADLINE_KINDS, type DeadlineKind } from '@coso/domain';

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

export const ATTACHMENT_PURPOSES = ['evidence', 'minutes', 'investigation'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const COMPLAINT_QUEUES = ['mine', 'area', 'unassigned', 'escalated'] as const;
export type ComplaintQueue = (typeof COMPLAINT_QUEUES)[number];

/** The list's filters exactly as they travel in the query string (and in saved filters). */
export type ComplaintFilterQuery = Record<string, string>;

export type RegisterRejection = RegisterImportReport['rejected'][number];
