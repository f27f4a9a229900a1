import type { SubprojectExportQuery, SubprojectSummary } from '@coso/domain';
import { z } from 'zod';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { decodeCursor, encodeCursor } from '../../../http/cursor.js';
import { likeContaining } from '../../../platform/geo/repo.js';
import type { Fragment } from '../../../platform/visibility/sql.js';
import { fcfa } from './repo.js';

/**
 * Reads of sub-projects: the list (filters, scope, keyset pages on updated_at desc, id desc) — the same query
 * pages the export — and the summary columns the detail extends.
 */

/** The summary columns over `s` (sub-project) and `u` (its unit). */
export const SUMMARY_COLUMNS = `
  s.id, s.code, s.title, json_build_object('id', u.id, 'name', u.name, 'level', u.level) as unit,
  array(select a.name from geo_units a
         where a.id = any(string_to_array(trim(both '/' from s.area_path), '/')::uuid[])
           and a.id <> s.unit_id and a.level <> 'country' order by length(a.path)) as "areaNames",
  s.component, s.sector, s.type, s.status, s.progress_percent as "progressPercent",
  s.estimated_cost as "estimatedCost", s.amount_spent as "amountSpent", s.updated_at as "updatedAt"`;

export const SUMMARY_FROM = 'from mis_subprojects s join geo_units u on u.id = s.unit_id';

/** Amounts as exact numbers (bigint columns). */
export const withAmounts = <T extends { estimatedCost: unknown; amountSpent: unknown }>(row: T) => ({
  ...row,
  estimatedCost: fcfa(row.estimatedCost),
  amountSpent: fcfa(row.amountSpent),
});

/** The key of the last row sent: updated_at at full precision (text) and id. */
const cursorSchema = z.object({ at: z.string().min(10).max(40), id: z.uuid() });
type Cursor = z.infer<typeof cursorSchema>;

/** The list's filters as conditions (scope first); an unknown `within` matches nothing. */
export function listConditions(scope: Fragment, f: SubprojectExportQuery): Conditions {
  const c = new Conditions();
  c.add(c.text(scope));
  if (f.within)
    c.add(
      `s.area_path like coalesce((select g.path from geo_units g where g.id = ?), '/none/') || '%'`,
      f.within,
    );
  if (f.status) c.add('s.status = ?', f.status);
  if (f.sector) c.add('s.sector = ?', f.sector);
  if (f.type) c.add('s.type = ?', f.type);
  if (f.component) c.add('s.component = ?', f.component);
  if (f.cycleId) c.add('s.cycle_id = ?', f.cycleId);
  if (f.q) c.add('(s.title ilike ? or s.code ilike ?)', likeContaining(f.q), likeContaining(f.q));
  return c;
}

/**
 * One page of summaries after `after` (newest change first), `limit + 1` rows read to know if more follow;
 * `extra`: more columns over `s` (the export's).
 */
export async function summaryPage<X extends object = object>(
  q: Queryable,
  scope: Fragment,
  filters: SubprojectExportQuery,
  after: Cursor | undefined,
  limit: number,
  extra = '',
): Promise<{ items: Array<SubprojectSummary & X>; next: Cursor | null }> {
  const c = listConditions(scope, filters);
  if (after) c.add('(s.updated_at, s.id) < (?::timestamptz, ?::uuid)', after.at, after.id);
  const rows = await q.query<SubprojectSummary & X & { cursorAt: string }>(
    `select ${SUMMARY_COLUMNS}${extra}, s.updated_at::text as "cursorAt" ${SUMMARY_FROM} ${c.where}
      order by s.updated_at desc, s.id desc limit ${c.param(limit + 1)}`,
    c.params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ cursorAt: _, ...r }) => withAmounts(r) as SubprojectSummary & X),
    next: rows.length > limit && last ? { at: last.cursorAt, id: last.id } : null,
  };
}

/** `GET /api/v1/mis/subprojects`: a page and the cursor of the next one. */
export async function listSubprojects(
  q: Queryable,
  scope: Fragment,
  query: SubprojectExportQuery & { cursor?: string | undefined; limit?: number | undefined },
) {
  const { cursor, limit = 50, ...filters } = query;
  const page = await summaryPage(q, scope, filters, decodeCursor(cursor, cursorSchema), limit);
  return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
}

/** Every matching summary in the list's order, page after page (the export, with its `extra` columns). */
export async function* summaryPages<X extends object>(
  q: Queryable,
  scope: Fragment,
  filters: SubprojectExportQuery,
  extra: string,
  size = 500,
): AsyncGenerator<Array<SubprojectSummary & X>> {
  let after: Cursor | undefined;
  for (;;) {
    const page = await summaryPage<X>(q, scope, filters, after, size, extra);
    if (page.items.length > 0) yield page.items;
    if (!page.next) return;
    after = page.next;
  }
}

/** Whether the actor's scope covers the sub-project (else the caller answers 404). */
export async function inScope(q: Queryable, scope: Fragment, id: string): Promise<boolean> {
  const c = new Conditions().add('s.id = ?', id);
  c.add(c.text(scope));
  return (await q.query(`select 1 from mis_subprojects s ${c.where}`, c.params)).length > 0;
}
