import { pullQuerySchema, type SyncTable } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { requireUser } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { createSyncPullService } from './pull.js';
import type { SyncRegistry } from './registry.js';

// Rows are documented, not re-validated: walking 2,000 rows of 50 fields through zod on every page costs more
// than the SQL (bench). Their shapes are in docs/sync.md.
const syncRow = z.unknown().describe("A row: `id` (string), `changeSeq` (number) and the table's fields");

/** The answer's schema, keyed by the registry's tables (OpenAPI lists them). */
function pullResponse(tables: readonly SyncTable[]) {
  const perTable = <T extends z.ZodType>(item: T) =>
    z.partialRecord(z.enum(tables as [SyncTable, ...SyncTable[]]), z.array(item));
  return z.object({
    reset: z
      .boolean()
      .describe('First page of a full pull: empty every synced table (never the outbox) before applying it'),
    changes: perTable(syncRow).describe('Rows to insert or replace, per table'),
    removed: perTable(z.string()).describe(
      'Ids to drop, per table; a removed case comes with the ids of its events and attachments',
    ),
    cursor: z.string().describe('Opaque: send it back as `cursor` on the next pull'),
    hasMore: z.boolean().describe('Pull again at once with the new cursor'),
    progress: z
      .object({ done: z.number().int(), end: z.number().int() })
      .optional()
      .describe(
        'Position reached in the change feed and its current end: for a progress bar and an estimate',
      ),
  });
}

/** "a, b and c". */
const tableList = (tables: readonly string[]) =>
  tables.length > 1 ? `${tables.slice(0, -1).join(', ')} and ${tables.at(-1)}` : (tables[0] ?? 'no table');

export function syncPullRoutes(app: Api, { db, sync }: { db: Db; sync: SyncRegistry }) {
  const pull = createSyncPullService({ db, sync });

  app.get(
    '/api/v1/sync/pull',
    {
      schema: {
        tags: ['sync'],
        summary: "What changed for the caller's device since the cursor (field sync, docs/sync.md)",
        description:
          `Rows of ${tableList(sync.tables)} this user may hold ` +
          'offline (never a sensitive case, never a complainant identity), in change order, at most `limit` ' +
          'items per page. 403 account_disabled: the account was deactivated, wipe the device.',
        querystring: pullQuerySchema,
        response: { 200: pullResponse(sync.tables) },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      return pull.pull(actor, request.query.cursor, request.query.limit);
    },
  );
}
