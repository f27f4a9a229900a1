import type { SyncRow, SyncTable } from '@coso/domain';

/**
 * One table a device holds, as the pull feed reads it. SQL fragments use named parameters (:cursor, :me,
 * :handler, :prefixes, :ancestors; see SyncScope) and fixed aliases: the table's own alias, and `r` for a
 * sync_removals row. Modules contribute theirs to the sync registry (registry.ts), which checks them at start.
 */
export interface SyncSource {
  name: SyncTable;
  /** The SQL table: it has change_seq (stamped by the sync_stamp trigger) and names its sync_removals rows. */
  table: string;
  alias: string;
  /** FROM clause: the table (as `alias`) and the joins `visible` needs. */
  from: string;
  /** The rows this user's device may hold. */
  visible: string;
  /** Joins the full row needs (names of people, of places), on the table alone. */
  joins?: string;
  /** The columns of the full row, camelCase, with `id`; change_seq is added by the feed. */
  columns: string;
  /** The row's sync id in SQL and its type, to find the row a sync_removals row names. */
  id: { sql: string; type: 'uuid' | 'bigint' | 'text' };
  /** Whether the user could see the row under the values sync_removals kept (columns of `r`). */
  visibleBefore: string;
  /** Shapes one row for the device; it must never add what the device may not hold. */
  present(row: Record<string, unknown>): SyncRow;
  /** Rows of other tables that leave the device with a removed row of this one (a case's timeline). */
  dependents?: Array<{ name: SyncTable; ids: string }>;
}

/** Replaces each `:name` (never the `::` of a cast) with `$n`, numbering each distinct name once. */
export function bindNamed(sql: string, values: Record<string, unknown>): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`sync SQL: no value for :${name}`);
    let n = index.get(name);
    if (n === undefined) {
      params.push(values[name]);
      n = params.length;
      index.set(name, n);
    }
    return `$${n}`;
  });
  return { text, params };
}
