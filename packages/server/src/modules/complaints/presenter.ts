import { type Actor, actionsFrom, type ComplaintAccessView, canAct } from '@coso/domain';
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
 * The case file. The complainant's identity appears only when it is not confidential; confidential
 * identities stay out of every answer (revealing one is a separate, audited step).
 */
export function presentComplaint(c: ComplaintRow, actor: Actor, identity: Identity | undefined) {
  const view = accessView(c);
  const showIdentity = !c.anonymous && !c.identityConfidential && identity;
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
      confidential: c.identityConfidential,
      kind: c.complainantKind,
      groupSize: c.groupSize,
      gender: c.gender,
      ageGroup: c.ageGroup,
      vulnerabilities: c.vulnerabilities,
      preferredLanguage: c.preferredLanguage,
      onBehalfOf: c.onBehalfOf,
      ...(showIdentity ? identity : {}),
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
