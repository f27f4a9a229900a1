import { isWithin } from '../../../platform/geo.js';
import type { Actor } from '../../../platform/permissions.js';
import type { Role } from '../../../platform/roles.js';
import { isVisible } from '../../../platform/visibility.js';
import { mayHandleCase } from './assignment.js';
import { type ComplaintActionName, type ComplaintStatus, isActionAllowed } from './lifecycle.js';
import { COMPLAINT_VISIBILITY, complaintScopeRow } from './visibility.js';

/** What the access rules need to know about a case. */
export interface ComplaintAccessView {
  sensitive: boolean;
  areaPath: string;
  status: ComplaintStatus;
  assigneeId: string | null;
  recordedBy: string | null;
  /**
   * People explicitly added to a sensitive case (complaint_access). Absent means nobody: every reader of this
   * view that does not load it fails closed.
   */
  sharedWith?: readonly string[];
  /** Whether a sanitised summary was published for wider staff (supervisors). Absent means not published. */
  published?: boolean;
  /** Path of the unit handling the case (assignment.ts); absent means nobody may take it over. */
  handlingUnitPath?: string;
}

/** Roles a person must hold to be added to a sensitive case: the case-handling roles, never wider staff. */
export const CASE_SHARE_ROLES: readonly Role[] = ['focal_point', 'grm_officer', 'sensitive_focal_point'];

const holds = (actor: Actor, role: Role) => actor.roles.includes(role);
const covers = (actor: Actor, path: string) => actor.jurisdictions.some((j) => isWithin(path, j.path));

/**
 * Who may see a case: the read rule of COMPLAINT_VISIBILITY (visibility.ts), the one definition the server's SQL
 * (lists, sync, reports, exports) is generated from. Sensitive cases (GBV/SEA/SH, corruption): their
 * assignee, the sensitive-case focal points of the area and the people they explicitly added — not even the
 * facilitator who recorded them. Other cases: the assignee, who recorded it, and the case-handling roles of
 * the area; wider staff (supervisors) only once its summary is published.
 */
export function canSeeComplaint(actor: Actor, c: ComplaintAccessView): boolean {
  return isVisible(COMPLAINT_VISIBILITY, 'read', actor, complaintScopeRow(c));
}

/** Sees the case as its handlers do, original description included (not through a published summary). */
function seesOriginal(actor: Actor, c: ComplaintAccessView): boolean {
  return isVisible(COMPLAINT_VISIBILITY, 'read', actor, complaintScopeRow(c), { wholeOnly: true });
}

/**
 * Whether this actor sees the case only through its published summary: the case file then shows the summary
 * instead of the description, and search must not match the original text.
 */
export function seesPublishedSummaryOnly(actor: Actor, c: ComplaintAccessView): boolean {
  return canSeeComplaint(actor, c) && !seesOriginal(actor, c);
}

/** A supervisor of the case: the national grievance officer (ordinary cases) or a sensitive-case focal point. */
export function supervises(actor: Actor, c: ComplaintAccessView): boolean {
  const role: Role = c.sensitive ? 'sensitive_focal_point' : 'grm_officer';
  return holds(actor, role) && covers(actor, c.areaPath);
}

// What a facilitator may do on a case they can see: relay the complainant's answer or withdrawal from the field.
const FIELD_ACTIONS: readonly ComplaintActionName[] = ['comment', 'record_answer', 'withdraw'];

/** May this actor take this action on this case now? (Lifecycle and role × jurisdiction together.) */
export function canAct(actor: Actor, c: ComplaintAccessView, action: ComplaintActionName): boolean {
  if (!isActionAllowed(c.status, action) || !canSeeComplaint(actor, c)) return false;
  // Taking over is for an eligible handler who does not hold the case yet, supervisor of it or not.
  if (action === 'take_over') return c.assigneeId !== actor.id && mayHandleCase(actor, c);
  if (c.assigneeId === actor.id || supervises(actor, c)) return true;
  // Whoever else sees a sensitive case was added to it: they read and comment, nothing more.
  if (c.sensitive) return action === 'comment';
  if (seesPublishedSummaryOnly(actor, c)) return false;
  const readOnly = actor.roles.every((r) => r === 'supervisor');
  if (action === 'comment') return !readOnly;
  return holds(actor, 'facilitator') && FIELD_ACTIONS.includes(action);
}

/**
 * Whether this actor may recategorise the case to this sensitivity: whoever may recategorise it at all (its
 * assignee or its supervisor), but making a sensitive case ordinary again widens who sees a possible GBV/SEA
 * survivor's file, so only a sensitive-case focal point of its area may decide it.
 */
export function canRecategorise(actor: Actor, c: ComplaintAccessView, toSensitive: boolean): boolean {
  if (!canAct(actor, c, 'recategorise')) return false;
  if (!c.sensitive || toSensitive) return true;
  return holds(actor, 'sensitive_focal_point') && covers(actor, c.areaPath);
}

/**
 * Attachments (photos, recordings, minutes) may identify people: they are for those who see the original
 * case, never for wider staff reading its published summary.
 */
export function canSeeAttachments(actor: Actor, c: ComplaintAccessView): boolean {
  return canSeeComplaint(actor, c) && !seesPublishedSummaryOnly(actor, c);
}

/** Roles that may ever see a complainant's identity; facilitators, supervisors, analysts and admins never. */
export const IDENTITY_ROLES: readonly Role[] = ['focal_point', 'grm_officer', 'sensitive_focal_point'];

/**
 * Whether the case file carries a complainant identity that was given without asking for confidentiality:
 * to those who handle the case (who may comment on it — comment is allowed in every status), never to a
 * read-only supervisor. A confidential identity is never in the case file, whoever asks (reveal it instead).
 * On a sensitive case, a person added to it comments but does not see the identity (survivor-centred: only
 * those who may reveal it).
 */
export function canSeeOpenIdentity(actor: Actor, c: ComplaintAccessView): boolean {
  if (c.sensitive && c.assigneeId !== actor.id && !supervises(actor, c)) return false;
  return canAct(actor, c, 'comment');
}

/**
 * Who may reveal the identity (an audited step, with a reason): a role allowed to see identities AND involved
 * in the case — its assignee, or the role supervising it in its area (the grievance officer for ordinary
 * cases, a sensitive-case focal point for sensitive ones). Not a peer focal point, a facilitator or a supervisor.
 */
export function canRevealIdentity(actor: Actor, c: ComplaintAccessView): boolean {
  if (!canSeeComplaint(actor, c) || !IDENTITY_ROLES.some((r) => holds(actor, r))) return false;
  return c.assigneeId === actor.id || supervises(actor, c);
}

/**
 * How long whoever filed a case may still attach its files and print its receipt, even a sensitive case they
 * cannot open afterwards: the facilitator in the field must be able to finish the intake they started.
 */
export const FILER_WINDOW_MINUTES = 120;

export function inFilerWindow(
  actor: Actor,
  c: { recordedBy: string | null; createdAt: Date },
  now: Date,
): boolean {
  return c.recordedBy === actor.id && now.getTime() - c.createdAt.getTime() <= FILER_WINDOW_MINUTES * 60_000;
}

/**
 * Who may add people to a sensitive case, or remove them: its assignee and the sensitive-case focal points of
 * its area (GRM.md: "the designated focal points and people they explicitly add"). Never on other cases.
 */
export function canShareCase(actor: Actor, c: ComplaintAccessView): boolean {
  if (!c.sensitive || !canSeeComplaint(actor, c)) return false;
  return c.assigneeId === actor.id || supervises(actor, c);
}

/**
 * Who may be added: an active user holding a case-handling role whose jurisdiction covers the case's area —
 * the people who could be assigned such a case, never wider staff, a facilitator or an analyst.
 */
export function mayBeAddedToCase(candidate: Actor & { active: boolean }, c: ComplaintAccessView): boolean {
  return (
    candidate.active && CASE_SHARE_ROLES.some((r) => holds(candidate, r)) && covers(candidate, c.areaPath)
  );
}

/**
 * Who may record referrals to services (health, psycho-social, legal…) and their outcome: whoever may
 * comment on the case — its handlers and the people added to it, never a read-only supervisor.
 */
export function canRecordReferral(actor: Actor, c: ComplaintAccessView): boolean {
  return canAct(actor, c, 'comment');
}

/**
 * Who may publish (or correct) the sanitised summary shown to wider staff: the grievance officer supervising
 * the case. Sensitive cases are never published (the server answers 422 before asking this).
 */
export function canPublishSummary(actor: Actor, c: ComplaintAccessView): boolean {
  return !c.sensitive && canSeeComplaint(actor, c) && holds(actor, 'grm_officer') && supervises(actor, c);
}
