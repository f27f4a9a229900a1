import {
  SUBPROJECT_COLUMNS,
  SUBPROJECT_VISIBILITY,
  subprojectCountScope,
  subprojectDatasetScope,
  subprojectReadScope,
} from '../modules/mis/visibility.js';
import { deviceScope, removalColumnsOf } from '../platform/visibility/sql.js';
import type { VisibilityFixture } from './visibility-fixtures.js';

/**
 * How the visibility agreement test stores sub-projects and the SQL the MIS
 * runs for each audience — the list's, the export's and the counts' own functions.
 */
export const misSubprojectsFixture: VisibilityFixture = {
  from: 'mis_subprojects s',
  id: 's.id::text',
  async store(db, rows) {
    const ids: string[] = [];
    for (const { unit, n } of rows) {
      const [s] = await db.query<{ id: string }>(
        `insert into mis_subprojects (id, code, title, unit_id, area_path, component, sector, type, estimated_cost)
         values (gen_random_uuid(), 'VIS-' || $1, 'Sous-projet de visibilité', $2, $3, '1.1', 'education',
                 'school_primary', 1000000 + $1::int)
         returning id::text as id`,
        [n, unit.id, unit.path],
      );
      ids.push(s!.id);
    }
    return ids;
  },
  sql: {
    read: subprojectReadScope,
    dataset: subprojectDatasetScope,
    count: subprojectCountScope,
  },
  sync: {
    table: 'mis_subprojects',
    visible: deviceScope(SUBPROJECT_VISIBILITY, SUBPROJECT_COLUMNS),
    visibleBefore: deviceScope(SUBPROJECT_VISIBILITY, removalColumnsOf(SUBPROJECT_VISIBILITY)),
  },
};
