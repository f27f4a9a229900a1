import {
  type Actor,
  actionsFrom,
  type ClosureOutcome,
  type ComplaintAccessView,
  type ComplaintStatus,
  canAct,
  canPublishSummary,
  canRecordReferral,
  canRevealIdentity,
  canSeeOpenIdentity,
  canShareCase,
  seesPublishedSummaryOnly,
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
    sharedWith: c.sharedWith,
    published: c.publishedAt !== null,
    ...(c.handlingUnitPath ? { handlingUnitPath: c.handlingUnitPath } : {}),
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
    /** Lists flag it overdue when this date is before today (Togo: UTC). */
    nextDueDate: c.earliestDueDate,
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
  // Wider staff read the sanitised summary, never the original free text (publication review).
  const summaryOnly = seesPublishedSummaryOnly(actor, view);
  return {
    ...presentListItem(c),
    description: summaryOnly ? (c.publicSummary ?? '') : c.description,
    incidentDate: c.incidentDate,
    ongoing: c.ongoing,
    recurring: c.recurring,
    subprojectRef: c.subprojectRef,
    latitude: c.latitude,
    longitude: c.longitude,
    placeDescription: summaryOnly ? null : c.placeDescription,
    closureOutcome: c.closureOutcome as ClosureOutcome | null,
    complainant: {
      anonymous: c.anonymous,
      confidential: c.identityConfidential || !showIdentity,
      /** The caller may ask for the identity with a reason (the web shows a "Reveal" button). */
      revealable: !c.anonymous && canRevealIdentity(actor, view),
      kind: c.complainantKind as 'individual' | 'group' | 'organisation',
      groupSize: c.groupSize,
      gender: c.gender,
      ageGroup: c.ageGroup,
      vulnerabilities: c.vulnerabilities,
      preferredLanguage: c.preferredLanguage,
      /** Agreed to receive news of the case by SMS/email. */
      notifyConsent: c.notifyConsent,
      onBehalfOf: summaryOnly ? null : c.onBehalfOf,
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
    ...presentPublication(c, actor, summaryOnly),
  };
}

/**
 * Publication review and the case-access features as seen by this actor: whether the description shown is
 * the published summary, the summary itself for its handlers, and what the web may offer (share the case,
 * record referrals, publish).
 */
function presentPublication(c: ComplaintRow, actor: Actor, summaryOnly: boolean) {
  const view = accessView(c);
  const handler = !summaryOnly;
  return {
    summaryOnly,
    publication: handler
      ? {
          summary: c.publicSummary,
          publishedAt: c.publishedAt,
          publishedBy: c.publishedBy ? { id: c.publishedBy, displayName: c.publishedByName } : null,
        }
      : null,
    canShare: canShareCase(actor, view),
    canRefer: canRecordReferral(actor, view),
    canPublish: canPublishSummary(actor, view),
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

/**
 * One timeline event. `redacted` (a reader who sees only the published summary) keeps what happened and when
 * but drops the payload: comments, reasons and resolutions are free text about the people involved.
 */
export function presentEvent(e: EventRow, { redacted = false }: { redacted?: boolean } = {}) {
  return {
    id: e.id,
    at: e.at,
    actor: e.actorId ? { id: e.actorId, displayName: e.actorName } : null,
    kind: e.kind,
    fromStatus: e.fromStatus as ComplaintStatus | null,
    toStatus: e.toStatus as ComplaintStatus | null,
    payload: redacted ? {} : e.payload,
  };
}
