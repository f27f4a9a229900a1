import { type Actor, COMPLAINT_VISIBILITY, type Role, type VisibilityDefinition } from '@coso/domain';

/**
 * Every entity with a visibility rule (decision 0019). Registering one here gives it the SQL generator
 * (sql.ts) and the TypeScript/SQL agreement test (visibility-agreement.test.ts), which fails until the test
 * kit knows how to store rows of the entity.
 */
export const VISIBILITY_ENTITIES: readonly VisibilityDefinition[] = [COMPLAINT_VISIBILITY];

const roleSet = (roles: readonly Role[]) => [...roles].sort().join(',');

/**
 * The roles of the device audience's area grants: the sync feed's `:handler` parameter says whether a user
 * holds one. One named parameter serves every entity only while they all name the same roles; a second set
 * needs its own parameter in SyncScope, so this refuses to start instead of syncing the wrong rows.
 */
export function deviceAreaRoles(entities: readonly VisibilityDefinition[]): readonly Role[] {
  const sets = new Map<string, readonly Role[]>();
  for (const def of entities)
    for (const g of def.audiences.device)
      if (g.to.kind === 'area' && g.to.roles !== 'any') sets.set(roleSet(g.to.roles), g.to.roles);
  if (sets.size > 1) throw new Error('visibility: device area grants name different roles (see registry.ts)');
  return [...sets.values()][0] ?? [];
}

export const DEVICE_AREA_ROLES = deviceAreaRoles(VISIBILITY_ENTITIES);

/** Whether the user's device receives the rows of its jurisdictions (the feed's `:handler`). */
export const holdsDeviceAreaRole = (actor: Actor) => actor.roles.some((r) => DEVICE_AREA_ROLES.includes(r));
