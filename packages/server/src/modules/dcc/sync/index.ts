import type { SyncContribution } from '../../../platform/sync/registry.js';
import { dccMutations } from './mutations.js';
import { DCC_TABLES } from './tables.js';

/**
 * The DCC module's part of the field sync: a facilitator's cycles, template, assignments, task instances and
 * plans, and the mutation types dcc.task.* and dcc.plan.* (docs/sync.md, "DCC").
 */
export const dccSync: SyncContribution = { sources: DCC_TABLES, mutations: dccMutations };
