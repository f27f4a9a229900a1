import { handlingRolesFor, type Role } from '@coso/domain';

const HANDLING = new Set<Role>([...handlingRolesFor(false), ...handlingRolesFor(true)]);

/** Roles that own cases: they are assigned, assign and take cases over (the domain's handling roles). */
export const handlesCases = (roles: readonly Role[]) => roles.some((r) => HANDLING.has(r));

/**
 * Wider staff (the supervisor) who list only the published summaries of cases: their lists look empty while
 * the dashboard counts every case, so the screens say why.
 */
export const readsPublishedOnly = (roles: readonly Role[]) =>
  !handlesCases(roles) && !roles.includes('facilitator');
