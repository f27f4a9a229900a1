import {
  type Actor,
  grantHeldBy,
  ROLE_PERMISSIONS,
  type Role,
  type VisibilityDefinition,
} from '@coso/domain';
import {
  columnsOf,
  countArea,
  countScope,
  type Fragment,
  or,
  scopeBranches,
} from '../../platform/visibility/sql.js';

/** Every role that reads the MIS (mis.read): specialists, finance officers, supervisors, analysts. */
export const MIS_READER_ROLES: readonly Role[] = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) =>
  ROLE_PERMISSIONS[r].includes('mis.read'),
);

const AREA = [{ to: { kind: 'area', roles: MIS_READER_ROLES }, rows: 'any' }] as const;

/**
 * Who sees a sub-project (decision 0019): the MIS readers whose jurisdiction covers the unit it stands in
 * (`area_path`), in the API, the exports and the counts alike. No sub-project reaches a field device.
 */
export const SUBPROJECT_VISIBILITY: VisibilityDefinition = {
  entity: 'mis_subprojects',
  columns: { id: 'id', areaPath: 'area_path' },
  audiences: { read: AREA, dataset: AREA, count: AREA, device: [] },
};

/** The sub-project columns under the alias every sub-project query uses. */
export const SUBPROJECT_COLUMNS = columnsOf(SUBPROJECT_VISIBILITY, 's');

/** The sub-projects the actor may read (lists, detail, writes: a row out of scope is a 404). */
export const subprojectReadScope = (actor: Actor): Fragment =>
  or(scopeBranches(SUBPROJECT_VISIBILITY, 'read', actor, SUBPROJECT_COLUMNS));

/** The sub-projects of the exports (the dataset audience, one prefix per jurisdiction). */
export const subprojectDatasetScope = (actor: Actor): Fragment =>
  or(scopeBranches(SUBPROJECT_VISIBILITY, 'dataset', actor, SUBPROJECT_COLUMNS, { areaForm: 'prefix' }));

/** The sub-projects an aggregate counts for the actor (indicators): nothing without a reader role. */
export function subprojectCountScope(actor: Actor): Fragment {
  const held = SUBPROJECT_VISIBILITY.audiences.count.some((g) => grantHeldBy(actor, g));
  return held ? countArea(SUBPROJECT_COLUMNS, countScope(SUBPROJECT_VISIBILITY, actor)) : or([]);
}
