import { misAreaScopes, misAreaVisibility } from '../visibility.js';

/**
 * Who sees an allocation (decision 0019): the MIS readers whose jurisdiction holds its canton (a CVD's
 * allocation stands at its canton's path). Its transfers, disbursement requests and disbursements are seen
 * with it; a payment with its contract's sub-project (SUBPROJECT_VISIBILITY, the same grants). No device
 * holds finance lines.
 */
export const ALLOCATION_VISIBILITY = misAreaVisibility('mis_allocations');
const allocations = misAreaScopes(ALLOCATION_VISIBILITY, 'a');

/** The allocation columns under the alias every finance query uses for allocations. */
export const ALLOCATION_COLUMNS = allocations.columns;
export const allocationReadScope = allocations.read;
export const allocationDatasetScope = allocations.dataset;
/** The allocations an aggregate counts for the actor (indicators: disbursed vs allocated). */
export const allocationCountScope = allocations.count;
