import { pullQuerySchema, SYNC_TABLES } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { requireUser } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { createSyncPullService } from './pull.js';

// Rows are documented, not re-validated: walking 2,000 rows of 50 fields through zod on every page costs more
// than the SQL (bench). Their shapes are in docs/sync.md.
const syncRow = z.unknown().describe("A row: `id` (string), `changeSeq` (number) and the table's fields");
const perTable = <T extends z.ZodType>(item: T) => z.partialRecord(z.enum(SYNC_TABLES), z.array(item));

const pullResponse = z.object({
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
    .describe('Position reached in the change feed and its current end: for a progress bar and an estimate'),
});

export function syncPullRoutes(app: Api, { db }: { db: Db }) {
  const pull = createSyncPullService({ db });

  app.get(
    '/api/v1/sync/pull',
    {
      schema: {
        tags: ['sync'],
        summary: "What changed for the caller's device since the cursor (field sync, docs/sync.md)",
        description:
          'Rows of reference_items, geo_units, complaints, complaint_events and attachments this user may hold ' +
          'offline (never a sensitive case, never a complainant identity), in change order, at most `limit` ' +
          'items per page. 403 account_disabled: the account was deactivated, wipe the device.',
        querystring: pullQuerySchema,
        response: { 200: pullResponse },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      return pull.pull(actor, request.query.cursor, request.query.limit);
    },
  );
}
