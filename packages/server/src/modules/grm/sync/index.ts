import type { SyncContribution } from '../../../platform/sync/registry.js';
import { grmMutations } from './mutations.js';
import { CASE_TABLES } from './tables.js';

export { grmMutations } from './mutations.js';
export { CASE_TABLES } from './tables.js';

/**
 * The grievance module's part of the field sync: the cases, their timelines and files a device holds, and the
 * mutation types it pushes (complaint.create, complaint.act, attachment.add).
 */
export const grmSync: SyncContribution = { sources: CASE_TABLES, mutations: grmMutations };
