import type { SyncContribution } from '../../../platform/sync/registry.js';
import { placeMutations, placesSource } from '../places/sync.js';
import { dccMutations } from './mutations.js';
import { DCC_TABLES } from './tables.js';

/**
 * The DCC module's part of the field sync: a facilitator's cycles, template, assignments, task instances and
 * plans, their villages' GPS points, and the mutation types dcc.task.*, dcc.plan.* and dcc.place.record
 * (docs/sync.md, "DCC").
 */
export const dccSync: SyncContribution = {
  sources: [...DCC_TABLES, placesSource],
  mutations: { ...dccMutations, ...placeMutations },
};
