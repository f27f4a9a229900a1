import { type Actor, grantHeldBy, type VisibilityDefinition } from '@coso/domain';
import {
  columnsOf,
  countArea,
  countScope,
  type Fragment,
  or,
  scopeBranches,
} from '../../../platform/visibility/sql.js';
import { MIS_READER_ROLES } from '../visibility.js';

const AREA = [{ to: { kind: 'area', roles: MIS_READER_ROLES }, rows: 'any' }] as const;

/**
 * Who sees an allocation (decision 0019): the MIS readers whose jurisdiction holds its canton (a CVD's
 * allocation stands at its canton's path). Its transfers, disbursement requests and disbursements are seen
 * with it; a payment with its contract's sub-project (SUBPROJECT_VISIBILITY, the same grants). No device
 * holds finance lines.
 */
export const ALLOCATION_VISIBILITY: VisibilityDefinition = {
  entity: 'mis_allocations',
  columns: { id: 'id', areaPath: 'area_path' },
  audiences: { read: AREA, dataset: AREA, count: AREA, device: [] },
};

/** The allocation columns under the alias every finance query uses for allocations. */
export const ALLOCATION_COLUMNS = columnsOf(ALLOCATION_VISIBILITY, 'a');

/** The allocations (and so the lines on them) the actor may read; out of scope is a 404 on writes. */
export const allocationReadScope = (actor: Actor): Fragment =>
  or(scopeBranches(ALLOCATION_VISIBILITY, 'read', actor, ALLOCATION_COLUMNS));

/** The allocations of the exports (the dataset audience, one prefix per jurisdiction). */
export const allocationDatasetScope = (actor: Actor): Fragment =>
  or(scopeBranches(ALLOCATION_VISIBILITY, 'dataset', actor, ALLOCATION_COLUMNS, { areaForm: 'prefix' }));

/** The allocations an aggregate counts for the actor (indicators: disbursed vs allocated). */
export function allocationCountScope(actor: Actor): Fragment {
  const held = ALLOCATION_VISIBILITY.audiences.count.some((g) => grantHeldBy(actor, g));
  return held ? countArea(ALLOCATION_COLUMNS, countScope(ALLOCATION_VISIBILITY, actor)) : or([]);
}
