import {
  type Actor,
  actionsFrom,
  COMPLAINT_STATUSES,
  type ComplaintActionName,
  type ComplaintStatus,
  canAct,
  isOpen,
  type LocalComplaint,
  nameKey,
  normalizeTrackingCode,
} from '@coso/domain';
import { type GeoNode, placeLabel } from './geo';

/**
 * A case as the screens read it. Rows come from the server (pull) or from the device's own queued
 * `complaint.create` (the engine's view of the outbox), so every field is read defensively.
 */
export interface CaseView {
  id: string;
  trackingCode: string;
  reference: string | null;
  status: ComplaintStatus;
  type: string;
  category: string;
  channel: string;
  sensitive: boolean;
  villageId: string;
  /** As the server named it (the village may not be among the units pulled to this phone). */
  villageName: string | null;
  areaPath: string;
  assigneeId: string | null;
  assigneeName: string | null;
  recordedBy: string | null;
  description: string;
  receivedAt: string | null;
  incidentDate: string | null;
  ongoing: boolean;
  recurring: boolean;
  subprojectRef: string | null;
  placeDescription: string | null;
  latitude: number | null;
  longitude: number | null;
  anonymous: boolean;
  confidential: boolean;
  version: number;
  pending: boolean;
  /** Recorded on this phone (the engine's own row until a pull brings the server's, which has no payload). */
  createdHere: boolean;
  /** The tracking code was made on the phone (no reserved code left): the server may give another. */
  provisionalCode: boolean;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const idOf = (v: unknown): string | null =>
  text(v) ?? (v && typeof v === 'object' ? text((v as { id?: unknown }).id) : null);

export function caseView(row: LocalComplaint, geo: ReadonlyMap<string, GeoNode>): CaseView {
  const complainant = (row.complainant ?? {}) as Record<string, unknown>;
  const status = (COMPLAINT_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as ComplaintStatus)
    : 'received';
  const villageId = text(row.villageId) ?? idOf(row.village) ?? '';
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    reference: text(row.reference),
    status,
    type: text(row.type) ?? text(row.typeCode) ?? '',
    category: text(row.category) ?? text(row.categoryCode) ?? '',
    channel: text(row.channel) ?? text(row.channelCode) ?? '',
    sensitive: row.sensitive === true,
    villageId,
    villageName: text(row.villageName),
    // A case queued on this device has no area yet: its village's path is where it will be.
    areaPath: text(row.areaPath) ?? geo.get(villageId)?.path ?? '',
    assigneeId: text(row.assigneeId) ?? idOf(row.assignee),
    assigneeName: text(row.assigneeName),
    recordedBy: text(row.recordedById) ?? idOf(row.recordedBy),
    description: text(row.description) ?? '',
    receivedAt: text(row.receivedAt) ?? text(row.createdAt),
    incidentDate: text(row.incidentDate),
    ongoing: row.ongoing === true,
    recurring: row.recurring === true,
    subprojectRef: text(row.subprojectRef),
    placeDescription: text(row.placeDescription),
    latitude: num(row.latitude),
    longitude: num(row.longitude),
    anonymous: (row.anonymous ?? complainant.anonymous) === true,
    confidential: (row.identityConfidential ?? row.confidential ?? complainant.confidential) !== false,
    version: row.version,
    pending: row.pending === true,
    createdHere: typeof row.complainant === 'object' && row.complainant !== null,
    provisionalCode: row.provisionalCode === true,
  };
}

/** "Lama (Pya, Kozah 1)" from the units on the phone, else the village name the server sent. */
export function casePlace(c: CaseView, geo: ReadonlyMap<string, GeoNode>): string {
  const label = placeLabel(geo, c.villageId);
  return label === '—' && c.villageName ? c.villageName : label;
}

/** Mine: assigned to me, or recorded by me (on this device too, before the server has it). */
export function isMine(c: CaseView, userId: string): boolean {
  return c.assigneeId === userId || c.recordedBy === userId || c.createdHere;
}

export type Queue = 'mine' | 'area';
/** '' = every status, 'open' = the statuses still waiting for someone, else one status. */
export type StatusFilter = '' | 'open' | ComplaintStatus;

export interface CaseFilter {
  queue: Queue;
  query: string;
  status: StatusFilter;
}

/** The list screen's filter: queue, status, and a search over code, reference, village and description. */
export function filterCases(
  cases: readonly CaseView[],
  filter: CaseFilter,
  userId: string,
  geo: ReadonlyMap<string, GeoNode>,
): CaseView[] {
  const q = nameKey(filter.query);
  const code = normalizeTrackingCode(filter.query);
  return cases.filter((c) => {
    if (filter.queue === 'mine' && !isMine(c, userId)) return false;
    if (filter.status === 'open' && !isOpen(c.status)) return false;
    if (filter.status && filter.status !== 'open' && c.status !== filter.status) return false;
    if (!q) return true;
    return (
      (code.length >= 3 && c.trackingCode.includes(code)) ||
      nameKey(c.reference ?? '').includes(q) ||
      nameKey(casePlace(c, geo)).includes(q) ||
      nameKey(c.description).includes(q)
    );
  });
}

// Reassigning and taking over need who may handle the case, which is not on the device; recategorising needs
// the reference lists and may take the case off the phone at once: all three are done at the desk.
const DESKTOP_ONLY: readonly ComplaintActionName[] = ['reassign', 'take_over', 'recategorise'];

/**
 * The actions this user may take on the case now, by the domain's lifecycle and policy. A case still queued
 * on this device waits for the server (which routes it) before anything else than a comment.
 */
export function allowedActions(c: CaseView, actor: Actor): ComplaintActionName[] {
  const view = {
    sensitive: c.sensitive,
    areaPath: c.areaPath,
    status: c.status,
    assigneeId: c.assigneeId,
    recordedBy: c.recordedBy ?? (c.pending && c.reference === null ? actor.id : null),
  };
  return actionsFrom(c.status).filter(
    (a) =>
      !DESKTOP_ONLY.includes(a) &&
      canAct(actor, view, a) &&
      (!(c.pending && c.reference === null) || a === 'comment'),
  );
}
