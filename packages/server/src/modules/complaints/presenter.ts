import {
  type Actor,
  actionsFrom,
  type ComplaintAccessView,
  canAct,
  canRevealIdentity,
  canSeeOpenIdentity,
} from '@coso/domain';
import type { CaseDeadline } from '../deadlines/presenter.js';
import type { ComplaintRow, EventRow, Identity } from './repo.js';

export function accessView(c: ComplaintRow): ComplaintAccessView {
  return {
    sensitive: c.sensitive,
    areaPath: c.areaPath,
    status: c.status,
    assigneeId: c.assigneeId,
    recordedBy: c.recordedBy,
  };
}

export function presentListItem(c: ComplaintRow) {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    reference: c.reference,
    type: c.typeCode,
    category: c.categoryCode,
    channel: c.channelCode,
    status: c.status,
    sensitive: c.sensitive,
    village: { id: c.villageId, code: c.villageCode, name: c.villageName },
    receivedAt: c.receivedAt,
    assignee: c.assigneeId ? { id: c.assigneeId, displayName: c.assigneeName } : null,
    handlingLevel: c.handlingLevel,
    escalationCount: c.escalationCount,
    gender: c.gender,
    ageGroup: c.ageGroup,
  };
}

/**
 * Whether this case file may carry the complainant's identity: never a confidential one (revealing it is a
 * separate, audited step: POST …/reveal-identity), and a non-confidential one only for those who handle the
 * case (canSeeOpenIdentity: not a read-only supervisor). Everyone else sees `confidential: true` and no name,
 * phone, e-mail, WhatsApp or address.
 */
export function identityShown(c: ComplaintRow, actor: Actor): boolean {
  return !c.anonymous && !c.identityConfidential && canSeeOpenIdentity(actor, accessView(c));
}

/** The case file; see identityShown for the complainant block. */
export function presentComplaint(
  c: ComplaintRow & { deadlines?: CaseDeadline[] },
  actor: Actor,
  identity: Identity | undefined,
) {
  const view = accessView(c);
  const showIdentity = identityShown(c, actor) && identity;
  return {
    ...presentListItem(c),
    description: c.description,
    incidentDate: c.incidentDate,
    ongoing: c.ongoing,
    recurring: c.recurring,
    subprojectRef: c.subprojectRef,
    latitude: c.latitude,
    longitude: c.longitude,
    placeDescription: c.placeDescription,
    closureOutcome: c.closureOutcome,
    complainant: {
      anonymous: c.anonymous,
      confidential: c.identityConfidential || !showIdentity,
      /** The caller may ask for the identity with a reason (the web shows a "Reveal" button). */
      revealable: !c.anonymous && canRevealIdentity(actor, view),
      kind: c.complainantKind,
      groupSize: c.groupSize,
      gender: c.gender,
      ageGroup: c.ageGroup,
      vulnerabilities: c.vulnerabilities,
      preferredLanguage: c.preferredLanguage,
      onBehalfOf: c.onBehalfOf,
      ...(showIdentity ? pickIdentity(identity) : {}),
    },
    appealCount: c.appealCount,
    satisfaction: c.satisfaction,
    recordedBy: c.recordedBy ? { id: c.recordedBy, displayName: c.recordedByName } : null,
    acknowledgedAt: c.acknowledgedAt,
    resolutionProposedAt: c.resolutionProposedAt,
    closedAt: c.closedAt,
    updatedAt: c.updatedAt,
    version: c.version,
    allowedActions: actionsFrom(c.status).filter((a) => canAct(actor, view, a)),
    deadlines: c.deadlines ?? [],
  };
}

/** The identity fields, and only them, whatever else the object carries. */
export function pickIdentity(i: Identity): Identity {
  return {
    name: i.name,
    phone: i.phone,
    email: i.email,
    whatsapp: i.whatsapp,
    postalAddress: i.postalAddress,
  };
}

export function presentEvent(e: EventRow) {
  return {
    id: e.id,
    at: e.at,
    actor: e.actorId ? { id: e.actorId, displayName: e.actorName } : null,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: e.payload,
  };
}
