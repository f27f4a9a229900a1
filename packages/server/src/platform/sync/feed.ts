import type { PullResponse, SyncRow, SyncTable } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import type { SyncScope } from './scope.js';
import { bindNamed, type SyncSource } from './tables.js';

export interface FeedPage {
  changes: PullResponse['changes'];
  removed: PullResponse['removed'];
  /** The change_seq to resume after. */
  cursor: number;
  hasMore: boolean;
}

/** One numbered item of the feed: a row to send (rid null) or a removal of row `rid`. */
interface Entry {
  t: SyncTable;
  seq: number;
  rid: string | null;
}

const seqOf = (s: SyncSource) => `${s.alias}.change_seq`;

function changeSeqs(s: SyncSource): string {
  return `(select '${s.name}' as t, ${seqOf(s)} as seq, null::text as rid from ${s.from}
            where ${seqOf(s)} > :cursor::bigint and ${seqOf(s)} <= :horizon::bigint and ${s.visible}
            order by ${seqOf(s)} limit :take::int)`;
}

/**
 * Removals the user must hear of: rows they could see under the values kept when the row changed (so ids they
 * never saw are not told) and cannot see now. The CASE keeps the cast to rows of this very table.
 */
function removalSeqs(s: SyncSource): string {
  const sameRow = `${s.id.sql} = (case when r.table_name = '${s.table}' then r.row_id::${s.id.type} end)`;
  return `(select '${s.name}' as t, r.seq, r.row_id as rid from sync_removals r
            where r.table_name = '${s.table}' and r.seq > :cursor::bigint and r.seq <= :horizon::bigint
              and ${s.visibleBefore}
              and not exists (select 1 from ${s.from} where ${sameRow} and ${s.visible})
            order by r.seq limit :take::int)`;
}

/**
 * One page of the feed after `cursor`: at most `limit` items (rows and removals) over every table, in
 * change_seq order, none above `horizon` (the highest number that may be served, see pull.ts). Every table is
 * numbered from one sequence, so the page is a merge: first the numbers of the next `limit + 1` items (one
 * statement, index scans on change_seq), then the full rows of the numbers served, by number. Must run in one
 * snapshot (a repeatable-read transaction), so that both steps see the same rows.
 */
export async function readFeed(
  q: Queryable,
  sources: readonly SyncSource[],
  scope: SyncScope,
  { cursor, limit, horizon }: { cursor: number; limit: number; horizon: number },
): Promise<FeedPage> {
  const values = {
    cursor,
    horizon,
    take: limit + 1,
    me: scope.me,
    handler: scope.handler,
    prefixes: scope.prefixes,
    ancestors: scope.ancestors,
  };
  const union = sources.flatMap((s) => [changeSeqs(s), removalSeqs(s)]).join('\n union all ');
  const next = bindNamed(`select t, seq, rid from (${union}) s order by seq limit :take::int`, values);
  const entries = await q.query<Entry>(next.text, next.params);
  const hasMore = entries.length > limit;
  const served = entries.slice(0, limit);
  const last = served.at(-1)?.seq;
  // Nothing left up to the horizon: the cursor may jump there, so that the next pull does not scan again the
  // rows this user may not see.
  const page: FeedPage = {
    changes: {},
    removed: {},
    cursor: hasMore ? last! : Math.max(cursor, horizon),
    hasMore,
  };
  if (last !== undefined) {
    for (const s of sources) {
      const seqs = served.filter((e) => e.t === s.name && e.rid === null).map((e) => e.seq);
      if (seqs.length > 0) page.changes[s.name] = await readRows(q, s, seqs);
      const ids = [...new Set(served.filter((e) => e.t === s.name && e.rid !== null).map((e) => e.rid!))];
      if (ids.length > 0) await addRemoved(q, page, s, ids);
    }
  }
  return page;
}

/**
 * The full rows of the numbers served. Numbers are unique per table (unique indexes, migration 0010) and were
 * found visible in this very snapshot, so fetching them by number returns exactly those rows; checking the
 * scope again would make PostgreSQL scan every case for each page of events.
 */
async function readRows(q: Queryable, s: SyncSource, seqs: number[]): Promise<SyncRow[]> {
  const rows = await q.query<Record<string, unknown>>(
    `select ${s.columns}, ${seqOf(s)} as "changeSeq" from ${s.table} ${s.alias} ${s.joins ?? ''}
      where ${seqOf(s)} = any($1::bigint[]) order by ${seqOf(s)}`,
    [seqs],
  );
  return rows.map((row) => s.present(row));
}

async function addRemoved(q: Queryable, page: FeedPage, s: SyncSource, ids: string[]) {
  const add = (name: SyncTable, more: string[]) => {
    if (more.length > 0) page.removed[name] = [...new Set([...(page.removed[name] ?? []), ...more])];
  };
  add(s.name, ids);
  for (const d of s.dependents ?? []) {
    const { text, params } = bindNamed(d.ids, { ids });
    add(
      d.name,
      (await q.query<{ id: string }>(text, params)).map((r) => r.id),
    );
  }
}
