import type { Actor, SyncRow, SyncTable } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import { syncScope } from './scope.js';
import { bindNamed, SYNC_SOURCES } from './tables.js';

/**
 * A conflict's `current`: the row exactly as a pull would send it to this user (same columns, presenter and
 * visibility rules as the feed), or undefined when the user's device may not hold it (a sensitive case, a
 * case out of scope), in which case the pull removes it from the device anyway.
 */
export async function currentSyncRow(
  q: Queryable,
  actor: Actor,
  table: SyncTable,
  id: string,
): Promise<SyncRow | undefined> {
  const source = SYNC_SOURCES.find((s) => s.name === table);
  if (!source) return undefined;
  const scope = syncScope(actor);
  const { text, params } = bindNamed(
    `select ${source.columns}, ${source.alias}.change_seq as "changeSeq" from ${source.from} ${source.joins ?? ''}
      where ${source.id.sql} = :id::${source.id.type} and ${source.visible}`,
    { id, me: scope.me, handler: scope.handler, prefixes: scope.prefixes, ancestors: scope.ancestors },
  );
  const [row] = await q.query<Record<string, unknown>>(text, params);
  return row ? source.present(row) : undefined;
}
