import { createHash } from 'node:crypto';
import { type Actor, pathIds } from '@coso/domain';
import { holdsDeviceAreaRole } from '../visibility/registry.js';

/**
 * Bumped whenever the rules below change what a device receives: every cursor issued before then carries an
 * older scope version, so every device re-pulls in full once.
 */
const SCOPE_RULES_VERSION = 1;

/** What decides which rows one user's device receives; the named parameters of the feed's SQL. */
export interface SyncScope {
  me: string;
  /**
   * Holds a role of the device audience's area grants over the jurisdictions (for complaints the case-handling
   * roles: facilitator, focal point, grievance officer; platform/visibility/registry.ts).
   */
  handler: boolean;
  /** LIKE patterns of the jurisdiction subtrees. */
  prefixes: string[];
  /** Units above the jurisdictions (the wizard shows the whole path). */
  ancestors: string[];
  /** Changes when the roles or jurisdictions change: a cursor of another version means a full pull. */
  version: string;
}

export function syncScope(actor: Actor): SyncScope {
  const own = new Set(actor.jurisdictions.map((j) => j.unitId));
  const ancestors = [...new Set(actor.jurisdictions.flatMap((j) => pathIds(j.path)))].filter(
    (id) => !own.has(id),
  );
  return {
    me: actor.id,
    handler: holdsDeviceAreaRole(actor),
    prefixes: actor.jurisdictions.map((j) => `${j.path}%`),
    ancestors,
    version: scopeVersion(actor),
  };
}

/** A short hash of the rules version, the sorted roles and the sorted jurisdiction unit ids. */
export function scopeVersion(actor: Actor): string {
  const key = JSON.stringify([
    SCOPE_RULES_VERSION,
    [...actor.roles].sort(),
    actor.jurisdictions.map((j) => j.unitId).sort(),
  ]);
  return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}
