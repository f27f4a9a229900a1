import { isWithin } from '../geo.js';
import type { Actor } from '../permissions.js';
import type { Role } from '../roles.js';
import { type ComplaintActionName, type ComplaintStatus, isActionAllowed } from './lifecycle.js';

/** What the access rules need to know about a case. */
export interface ComplaintAccessView {
  sensitive: boolean;
  areaPath: string;
  status: ComplaintStatus;
  assigneeId: string | null;
  recordedBy: string | null;
}

/** Roles that see the ordinary (non-sensitive) cases of their jurisdiction. */
export const CASE_READER_ROLES: readonly Role[] = ['facilitator', 'focal_point', 'grm_officer', 'supervisor'];

const holds = (actor: Actor, role: Role) => actor.roles.includes(role);
const covers = (actor: Actor, path: string) => actor.jurisdictions.some((j) => isWithin(path, j.path));

/**
 * Who may see a case. Sensitive cases (GBV/SEA/SH, corruption): their assignee and the sensitive-case focal
 * points of the area only — not even the facilitator who recorded them. Other cases: the assignee, who
 * recorded it, and the case-handling roles of the area.
 */
export function canSeeComplaint(actor: Actor, c: ComplaintAccessView): boolean {
  if (c.assigneeId === actor.id) return true;
  if (c.sensitive) return holds(actor, 'sensitive_focal_point') && covers(actor, c.areaPath);
  if (c.recordedBy === actor.id) return true;
  return CASE_READER_ROLES.some((r) => holds(actor, r)) && covers(actor, c.areaPath);
}

/** A supervisor of the case: the national grievance officer (ordinary cases) or a sensitive-case focal point. */
function supervises(actor: Actor, c: ComplaintAccessView): boolean {
  const role: Role = c.sensitive ? 'sensitive_focal_point' : 'grm_officer';
  return holds(actor, role) && covers(actor, c.areaPath);
}

// What a facilitator may do on a case they can see: relay the complainant's answer or withdrawal from the field.
const FIELD_ACTIONS: readonly ComplaintActionName[] = ['comment', 'record_answer', 'withdraw'];

/** May this actor take this action on this case now? (Lifecycle and role × jurisdiction together.) */
export function canAct(actor: Actor, c: ComplaintAccessView, action: ComplaintActionName): boolean {
  if (!isActionAllowed(c.status, action) || !canSeeComplaint(actor, c)) return false;
  if (c.assigneeId === actor.id || supervises(actor, c)) return true;
  const readOnly = actor.roles.every((r) => r === 'supervisor');
  if (action === 'comment') return !readOnly;
  return holds(actor, 'facilitator') && FIELD_ACTIONS.includes(action);
}

/** Roles that may ever see a complainant's identity; facilitators, supervisors, analysts and admins never. */
export const IDENTITY_ROLES: readonly Role[] = ['focal_point', 'grm_officer', 'sensitive_focal_point'];

/**
 * Whether the case file carries a complainant identity that was given without asking for confidentiality:
 * to those who handle the case (who may comment on it — comment is allowed in every status), never to a
 * read-only supervisor. A confidential identity is never in the case file, whoever asks (reveal it instead).
 */
export function canSeeOpenIdentity(actor: Actor, c: ComplaintAccessView): boolean {
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
