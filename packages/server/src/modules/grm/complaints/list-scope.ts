import { type Actor, COMPLAINT_VISIBILITY, holdsWholeAreaGrant } from '@coso/domain';
import {
  columnsOf,
  type Fragment,
  or,
  type ScopeBranch,
  scopeBranches as visibilityBranches,
} from '../../../platform/visibility/sql.js';

export { type Fragment, or, type ScopeBranch };

/** The case columns under the alias every case query uses. */
export const CASE_COLUMNS = columnsOf(COMPLAINT_VISIBILITY, 'c');

/**
 * The read rule of the complaints (COMPLAINT_VISIBILITY, the definition `canSeeComplaint` reads in the domain)
 * in SQL, as the branches of one OR (platform/visibility/sql.ts): the assignee; on sensitive cases the people
 * added to it; on the others who recorded it; then, per jurisdiction, the kinds of cases the roles open there.
 *
 * Each branch is on an indexed column, so that a narrow scope is one bitmap, or one ordered index walk per
 * branch (list.ts). With `original`, only the cases seen as a handler, original description included
 * (`seesOriginal` in the domain): wider staff's published cases are left out.
 */
export const scopeBranches = (actor: Actor, original = false): ScopeBranch[] =>
  visibilityBranches(COMPLAINT_VISIBILITY, 'read', actor, CASE_COLUMNS, { wholeOnly: original });

export const originalScope = (actor: Actor) => or(scopeBranches(actor, true));

/** Whether a search may match the original description for this actor (else only the published summary). */
export const mayMatchOriginal = (actor: Actor) => holdsWholeAreaGrant(COMPLAINT_VISIBILITY, 'read', actor);
