import { createHash } from 'node:crypto';
import { type Actor, CASE_HANDLER_READER_ROLES, pathIds } from '@coso/domain';

/**
 * Bumped whenever the rules below change what a device receives: every cursor issued before then carries an
 * older scope version, so every device re-pulls in full once.
 */
const SCOPE_RULES_VERSION = 1;

/** What decides which rows one user's device receives; the named parameters of the feed's SQL. */
export interface SyncScope {
  me: string;
  /** Holds a case-handling role (facilitator, focal point, grievance officer) over the jurisdictions. */
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
    handler: actor.roles.some((r) => CASE_HANDLER_READER_ROLES.includes(r)),
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

/**
 * The cases a device holds, over the given columns (a case row, or the old values kept in sync_removals): the
 * handler scope of the case lists (list-scope.ts originalScope: the assignee, who recorded it, the handling roles
 * of the area) without sensitive cases, which never reach a device. Wider staff's published summaries are not
 * synced either.
 */
export function deviceCaseScope(col: {
  sensitive: string;
  assignee: string;
  recordedBy: string;
  areaPath: string;
}): string {
  return `(not ${col.sensitive} and (${col.assignee} = :me::uuid or ${col.recordedBy} = :me::uuid
            or (:handler::boolean and ${col.areaPath} like any(:prefixes::text[]))))`;
}
