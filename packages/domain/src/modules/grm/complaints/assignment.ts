import { isWithin } from '../../../platform/geo.js';
import type { Actor } from '../../../platform/permissions.js';
import type { Role } from '../../../platform/roles.js';

/**
 * The roles that handle cases and may therefore be assigned one: focal points and grievance officers for
 * ordinary cases, sensitive-case focal points for sensitive ones (GRM.md: GBV/SEA cases go only to the
 * designated focal points). Never wider staff (supervisor, analyst), administrators or facilitators, who
 * record and relay but do not own a case.
 */
export function handlingRolesFor(sensitive: boolean): readonly Role[] {
  return sensitive ? ['sensitive_focal_point'] : ['focal_point', 'grm_officer'];
}

/** What deciding who may handle a case needs to know about it. */
export interface HandlingView {
  sensitive: boolean;
  /**
   * Path of the unit the case is handled at (its region for a regional case, the country once escalated).
   * Absent means unknown: nobody qualifies (fail closed).
   */
  handlingUnitPath?: string | undefined;
}

/**
 * Whether this person may be assigned the case at its current level: a handling role for the case's
 * sensitivity and a jurisdiction covering the unit that handles it — a focal point of the region for a
 * regional case, and also whoever works above it (the national grievance officer), never someone of a smaller
 * area below the level the case reached. Reassign, take over and the eligible-assignees list all use
 * this one rule.
 */
export function mayHandleCase(candidate: Actor & { active?: boolean }, c: HandlingView): boolean {
  if (candidate.active === false || !c.handlingUnitPath) return false;
  const unitPath = c.handlingUnitPath;
  return (
    handlingRolesFor(c.sensitive).some((r) => candidate.roles.includes(r)) &&
    candidate.jurisdictions.some((j) => isWithin(unitPath, j.path))
  );
}
