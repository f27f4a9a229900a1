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
 * An MIS table seen by area (decision 0019): the MIS readers whose jurisdiction covers the row's `area_path`,
 * in the API, the exports and the counts alike. No MIS row reaches a field device.
 */
export const misAreaVisibility = (entity: string): VisibilityDefinition => ({
  entity,
  columns: { id: 'id', areaPath: 'area_path' },
  audiences: { read: AREA, dataset: AREA, count: AREA, device: [] },
});

/** The scopes of an area-seen MIS table under the alias its queries use. */
export function misAreaScopes(definition: VisibilityDefinition, alias: string) {
  const columns = columnsOf(definition, alias);
  return {
    columns,
    /** The rows the actor may read (lists, detail, writes: a row out of scope is a 404). */
    read: (actor: Actor): Fragment => or(scopeBranches(definition, 'read', actor, columns)),
    /** The rows of the exports (the dataset audience, one prefix per jurisdiction). */
    dataset: (actor: Actor): Fragment =>
      or(scopeBranches(definition, 'dataset', actor, columns, { areaForm: 'prefix' })),
    /** The rows an aggregate counts for the actor (indicators): nothing without a reader role. */
    count(actor: Actor): Fragment {
      const held = definition.audiences.count.some((g) => grantHeldBy(actor, g));
      return held ? countArea(columns, countScope(definition, actor)) : or([]);
    },
  };
}

/** Who sees a sub-project: the MIS readers of the unit it stands in. */
export const SUBPROJECT_VISIBILITY = misAreaVisibility('mis_subprojects');
const subprojects = misAreaScopes(SUBPROJECT_VISIBILITY, 's');
export const SUBPROJECT_COLUMNS = subprojects.columns;
export const subprojectReadScope = subprojects.read;
export const subprojectDatasetScope = subprojects.dataset;
export const subprojectCountScope = subprojects.count;
