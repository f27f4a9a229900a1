import { type Actor, hasPermission, ROLE_PERMISSIONS, type Role } from '@coso/domain';
import type { Fragment } from '../../platform/visibility/sql.js';

/**
 * Which DCC task instances an actor may see, as SQL over an instance alias (`?` placeholders, numbered by
 * db/conditions.ts). Two kinds of people look at instances:
 *
 * - a facilitator (dcc.fill) sees what their work touches: the instances of the cycles where they hold an active
 *   assignment, for each assigned village — the village's own, its CVD's (one instance shared by the CVD's
 *   villages) and its canton's or commune's (an ancestor of the village). Their jurisdiction does not widen
 *   this: a facilitator reassigned away from a village stops seeing it, whatever their account's areas say.
 * - specialists, supervisors and analysts (dcc.read through a role without dcc.fill) see every instance whose
 *   scope_path lies within one of their jurisdictions (a CVD's instance: its canton's path).
 *
 * An actor holding both kinds of role sees the union. The REST routes, the service's checks and the sync feed
 * all read these functions: there is one rule.
 */

/** Roles that read DCC instances by area (their jurisdiction), not by assignment. */
export const DCC_AREA_ROLES: readonly Role[] = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter(
  (r) => ROLE_PERMISSIONS[r].includes('dcc.read') && !ROLE_PERMISSIONS[r].includes('dcc.fill'),
);

const NOTHING: Fragment = { sql: 'false', params: [] };

/**
 * The ids of the instances a facilitator's active assignments give, over `me` (an SQL expression: `?` or a
 * named parameter): for each assigned village, dcc_village_instances (migration 0025; inlined by PostgreSQL)
 * — the village's own, its CVD's and those of the geo units above it on its path, found by the
 * (unit_id, cycle_id) index, a few lookups per village instead of a test per instance. The REST scope, the sync
 * feed and the progress all read it: the one statement of the rule. Callers test `id = any(array(…))`: the
 * set is computed once, then the instances are fetched by primary key (with `in (…)` PostgreSQL walked the feed's
 * change_seq index and tested each of 160,000 instances: two minutes for a first pull).
 */
export const assignedInstanceIds = (me: string, cycle?: string) =>
  `select vi.id from dcc_assignments sa cross join lateral dcc_village_instances(sa.cycle_id, sa.village_id) vi(id)
    where sa.facilitator_id = ${me} and sa.active${cycle ? ` and sa.cycle_id = ${cycle}` : ''}`;

/**
 * The instances of cycles where `facilitatorId` holds an active assignment of a village the instance is about:
 * the village itself, its CVD, or a geo unit above it (canton, commune).
 */
export function assignmentScope(facilitatorId: string, alias = 'ti'): Fragment {
  return { sql: `${alias}.id = any(array(${assignedInstanceIds('?::uuid')}))`, params: [facilitatorId] };
}

/** The instances whose scope_path lies within one of the actor's jurisdictions. */
export function jurisdictionScope(actor: Actor, alias = 'ti'): Fragment {
  if (actor.jurisdictions.length === 0) return NOTHING;
  return {
    sql: `(${actor.jurisdictions.map(() => `${alias}.scope_path like ? || '%'`).join(' or ')})`,
    params: actor.jurisdictions.map((j) => j.path),
  };
}

/** Whether the actor reads instances by area (a specialist, supervisor or analyst role). */
export const readsByArea = (actor: Actor) => actor.roles.some((r) => DCC_AREA_ROLES.includes(r));

/** Every instance the actor may see (`false` for an actor without dcc.read). */
export function taskScope(actor: Actor, alias = 'ti'): Fragment {
  if (!hasPermission(actor, 'dcc.read')) return NOTHING;
  const parts: Fragment[] = [];
  if (hasPermission(actor, 'dcc.fill')) parts.push(assignmentScope(actor.id, alias));
  if (readsByArea(actor)) parts.push(jurisdictionScope(actor, alias));
  if (parts.length === 0) return NOTHING;
  if (parts.length === 1) return parts[0]!;
  return { sql: `(${parts.map((p) => p.sql).join(' or ')})`, params: parts.flatMap((p) => p.params) };
}

/** The instances the actor may review (validate, return): dcc.review, within their jurisdictions. */
export function reviewScope(actor: Actor, alias = 'ti'): Fragment {
  return hasPermission(actor, 'dcc.review') ? jurisdictionScope(actor, alias) : NOTHING;
}

/** The instances the actor may fill (draft, submit, attach): dcc.fill, through an active assignment. */
export function fillScope(actor: Actor, alias = 'ti'): Fragment {
  return hasPermission(actor, 'dcc.fill') ? assignmentScope(actor.id, alias) : NOTHING;
}
