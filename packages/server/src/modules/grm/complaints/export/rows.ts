import type { Actor } from '@coso/domain';
import type { Queryable } from '../../../../db/driver.js';
import { type ComplaintCursor, type ComplaintFilter, filterConditions, SORTS } from '../list.js';
import { or, scopeBranches } from '../list-scope.js';
import { FEW_HITS } from '../list-text.js';
import type { ExportedCase } from './columns.js';

/**
 * The rows of the case-list export: the list's own filters, scope and keyset order (list.ts), but pages of
 * several thousand rows and only the exported columns.
 *
 * Why keyset pages rather than one cursor or `COPY … TO STDOUT`: the response is drained by the client, at
 * the client's pace. A cursor or a COPY would keep a statement and its snapshot open for as long as a slow
 * download lasts (minutes on a field office's line): "idle in transaction" pins the vacuum horizon on
 * PostgreSQL, and on PGlite, which has one connection, it would stop every other request meanwhile. Each page
 * here is one short statement with no transaction around it, and requests interleave between pages. The
 * cost that made the old export 15× slower than COPY was not the paging itself but 500-row pages of the
 * full list query (every column of the case page, five joins, per-branch unions), and a slow CSV writer.
 * A page is one ordered walk from the previous page's last key: on the national scope, a range of
 * complaints_received (received_at desc, id desc) read from where the previous one stopped.
 *
 * The same strategy serves both drivers: PGlite's queries run in-process, so a page costs the same work as
 * a cursor fetch would, without the lock-out.
 */
export const EXPORT_PAGE_SIZE = 5000;

/** What exportCells reads, and the keyset. */
export type ExportRow = ExportedCase & { id: string; cursorAt: string };

const EXPORT_COLUMNS = `c.id, c.tracking_code as "trackingCode", c.reference, c.received_at as "receivedAt",
       c.type_code as "typeCode", c.category_code as "categoryCode", c.channel_code as "channelCode",
       c.status, v.name as "villageName", c.handling_level as "handlingLevel",
       a.display_name as "assigneeName", c.gender, c.age_group as "ageGroup",
       c.escalation_count as "escalationCount"`;

type Filter = ComplaintFilter & { areaPath?: string | undefined; today: string };

/**
 * The exported cases, page after page, in the list's order. The scope is the list's whole rule as one OR
 * (its plan for many-area accounts): one ordered walk per page instead of one per scope branch.
 */
export async function* complaintExportPages(
  db: Queryable,
  actor: Actor,
  f: Filter,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportRow[], void, undefined> {
  // Built once: a text search's few-hits pick (a GIN lookup) is not repeated on every page.
  const { c, prefix, text } = await filterConditions(db, actor, f, FEW_HITS);
  const scope = or(scopeBranches(actor));
  c.add(scope.sql, ...scope.params);
  if (text) c.add(text.scoped.sql, ...text.scoped.params);
  const sort = SORTS[f.sort];
  const n = c.params.length;
  const keyset = sort.after.replace('?', `$${n + 1}`).replace('?', `$${n + 2}`);
  let after: ComplaintCursor | undefined;
  for (;;) {
    const where = after ? `${c.where} and ${keyset}` : c.where; // never empty: the scope is in it
    const rows = await db.query<ExportRow>(
      `${prefix} select ${sort.columns}, ${EXPORT_COLUMNS}
         from complaints c
         join geo_units v on v.id = c.village_id
         left join users a on a.id = c.assignee_id
        ${where}
        order by ${sort.order}
        limit ${Number(pageSize)}`,
      after ? [...c.params, after.at, after.id] : c.params,
    );
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.cursorAt, id: last.id };
  }
}
