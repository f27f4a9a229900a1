import type { Actor, Role, VisibilityDefinition } from '@coso/domain';

/**
 * Every entity with a visibility rule (decision 0019), from the module objects' `visibility` field: the
 * composition root (app.ts) registers them at start. A registered entity gets the agreement test
 * (visibility-agreement.test.ts), which fails until its fixture tells how to store rows of it.
 */
const entities = new Map<string, VisibilityDefinition>();
let deviceRoles: readonly Role[] = [];

const roleSet = (roles: readonly Role[]) => [...roles].sort().join(',');

/**
 * The roles of the device audiences' area grants: the sync feed's `:handler` parameter says whether a user
 * holds one. One named parameter serves every entity only while they all name the same roles; a second set
 * needs its own parameter in SyncScope, so this refuses to start instead of syncing the wrong rows.
 */
export function deviceAreaRoles(list: readonly VisibilityDefinition[]): readonly Role[] {
  const sets = new Map<string, readonly Role[]>();
  for (const def of list)
    for (const g of def.audiences.device)
      if (g.to.kind === 'area' && g.to.roles !== 'any') sets.set(roleSet(g.to.roles), g.to.roles);
  if (sets.size > 1) throw new Error('visibility: device area grants name different roles (see registry.ts)');
  return [...sets.values()][0] ?? [];
}

/**
 * Called by the composition root with each module's definitions. Registering the same definition again is a
 * no-op (several apps in one test process); two definitions of one entity are a programming error.
 */
export function registerVisibility(list: readonly VisibilityDefinition[]) {
  for (const def of list) {
    const existing = entities.get(def.entity);
    if (existing !== undefined && existing !== def)
      throw new Error(`visibility of ${def.entity} is registered twice`);
    entities.set(def.entity, def);
  }
  deviceRoles = deviceAreaRoles([...entities.values()]);
}

export const visibilityEntities = (): readonly VisibilityDefinition[] => [...entities.values()];

/** Whether the user's device receives the rows of its jurisdictions (the feed's `:handler`). */
export function holdsDeviceAreaRole(actor: Actor): boolean {
  if (entities.size === 0)
    throw new Error('visibility: no entity registered (createServices registers them)');
  return actor.roles.some((r) => deviceRoles.includes(r));
}
