import {
  ALLOCATION_COLUMNS,
  ALLOCATION_VISIBILITY,
  allocationCountScope,
  allocationDatasetScope,
  allocationReadScope,
} from '../modules/mis/finance/scope.js';
import { deviceScope, removalColumnsOf } from '../platform/visibility/sql.js';
import type { VisibilityFixture } from './visibility-fixtures.js';

/** The MIS allocations in the visibility agreement test: the lists' and exports' own scope functions. */
export const misAllocationsFixture: VisibilityFixture = {
  from: 'mis_allocations a',
  id: 'a.id::text',
  async store(db, rows) {
    const ids: string[] = [];
    for (const { unit, n } of rows) {
      const [a] = await db.query<{ id: string }>(
        `insert into mis_allocations (id, canton_id, area_path, component, amount, allocated_on)
         values (gen_random_uuid(), $1, $2, '1.1', $3, date '2026-01-01') returning id::text as id`,
        [unit.id, unit.path, n + 1],
      );
      ids.push(a!.id);
    }
    return ids;
  },
  sql: {
    read: allocationReadScope,
    dataset: allocationDatasetScope,
    count: allocationCountScope,
  },
  sync: {
    table: 'mis_allocations',
    visible: deviceScope(ALLOCATION_VISIBILITY, ALLOCATION_COLUMNS),
    visibleBefore: deviceScope(ALLOCATION_VISIBILITY, removalColumnsOf(ALLOCATION_VISIBILITY)),
  },
};
