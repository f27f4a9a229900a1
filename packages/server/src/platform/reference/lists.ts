import { validationError } from '../../http/app-error.js';

/**
 * A reference list (the configurable codes of a module's forms), registered by its module
 * (modules/grm/reference-lists.ts). All lists live in one table, reference_items; the list's name is
 * checked here, not in SQL.
 */
export interface ReferenceListDef {
  /** Stored in reference_items.list, and the `:list` of PUT /api/v1/reference/:list/:code. */
  name: string;
  /** Its key in the answer of GET /api/v1/reference ("categories"). */
  apiKey: string;
  /** Whether its items carry the routing flags (sensitive, requires minutes, out of scope). */
  flags?: boolean;
}

const lists = new Map<string, ReferenceListDef>();

/** Called by the composition root with each module's lists; the same definition twice is a no-op. */
export function registerReferenceLists(defs: readonly ReferenceListDef[]) {
  for (const d of defs) {
    const existing = lists.get(d.name);
    if (existing && existing !== d) throw new Error(`reference list ${d.name} is registered twice`);
    lists.set(d.name, d);
  }
}

export const allReferenceLists = () => [...lists.values()];
export const findReferenceList = (name: string) => lists.get(name);

/** The registered list; a name no module registered is refused (400 validation_error, path `list`). */
export function requireReferenceList(name: string): ReferenceListDef {
  const def = lists.get(name);
  if (!def) throw validationError([{ path: 'list', message: 'unknown_reference_list' }]);
  return def;
}
