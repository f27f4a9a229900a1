import {
  type Actor,
  COMPLAINT_STATUSES,
  filterDaySchema,
  isValidTrackingCode,
  normalizeTrackingCode,
} from '@coso/domain';
import { z } from 'zod';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { loadCalendar } from '../deadlines/calendar.js';
import { or, scopeBranches } from './list-scope.js';
import { FEW_HITS, fewHits, type TextSearch, textSearch } from './list-text.js';
import { COMPLAINT_SELECT, type ComplaintRow } from './repo.js';

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(1000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(50));

/** Every filter of the case lists (also what saved filters store). */
export const complaintFilterSchema = z.object({
  queue: z.enum(['mine', 'area', 'unassigned', 'escalated']).optional(),
  status: csv(z.enum(COMPLAINT_STATUSES)).optional(),
  type: csv(z.string().max(40)).optional(),
  category: csv(z.string().max(40)).optional(),
  channel: csv(z.string().max(40)).optional(),
  gender: csv(z.string().max(40)).optional(),
  ageGroup: csv(z.string().max(40)).optional(),
  vulnerability: z.string().max(40).optional(),
  area: z.uuid().optional(),
  assignee: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  escalated: z.enum(['true', 'false']).optional(),
  sensitive: z.enum(['true', 'false']).optional(),
  from: filterDaySchema.optional(),
  to: filterDaySchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** Cases with an open deadline past its due date. */
  overdue: z.enum(['true', 'false']).optional(),
  /** due_asc: the case whose next open deadline comes first; cases without one come last. */
  sort: z.enum(['received_desc', 'received_asc', 'due_asc']).default('received_desc'),
  /** Cases whose next open deadline falls from today to this many business days ahead (not overdue yet). */
  dueWithin: z.coerce.number().int().min(0).max(30).optional(),
});
export type ComplaintFilter = z.infer<typeof complaintFilterSchema>;

export const complaintCursorSchema = z.object({ at: z.string(), id: z.uuid() });
export type ComplaintCursor = z.infer<typeof complaintCursorSchema>;

/**
 * A listed case with `cursorAt`, its sort key as the database prints it: the received time keeps its
 * microseconds (a JavaScript Date would drop them and a page boundary could skip or repeat cases), or the
 * next due date when sorted by due date.
 */
export type ListedComplaint = ComplaintRow & { nextDueDate?: string; cursorAt: string };

type ListFilter = ComplaintFilter & { areaPath?: string | undefined; today?: string };

/** The WHERE clauses of the filters (scope apart), shared by the list, its counts and its export. */
export async function filterConditions(db: Queryable, actor: Actor, f: ListFilter, fewHitsLimit: number) {
  const c = new Conditions();
  if (f.queue === 'mine' || f.assignee === 'me') c.add('c.assignee_id = ?', actor.id);
  if (f.queue === 'unassigned' || f.assignee === 'none') c.add('c.assignee_id is null');
  if (f.queue === 'escalated' || f.escalated === 'true') c.add('c.escalation_count > 0');
  if (f.escalated === 'false') c.add('c.escalation_count = 0');
  if (f.assignee && f.assignee !== 'me' && f.assignee !== 'none') c.add('c.assignee_id = ?', f.assignee);
  if (f.status?.length) c.add('c.status = any(?::text[])', f.status);
  if (f.type?.length) c.add('c.type_code = any(?::text[])', f.type);
  if (f.category?.length) c.add('c.category_code = any(?::text[])', f.category);
  if (f.channel?.length) c.add('c.channel_code = any(?::text[])', f.channel);
  if (f.gender?.length) c.add('c.gender = any(?::text[])', f.gender);
  if (f.ageGroup?.length) c.add('c.age_group = any(?::text[])', f.ageGroup);
  if (f.vulnerability) c.add('? = any(c.vulnerabilities)', f.vulnerability);
  if (f.sensitive) c.add('c.sensitive = ?', f.sensitive === 'true');
  if (f.areaPath) c.add("c.area_path like ? || '%'", f.areaPath);
  if (f.from) c.add('c.received_at >= ?::date', f.from);
  if (f.to) c.add("c.received_at < ?::date + interval '1 day'", f.to);
  let prefix = '';
  let text: TextSearch | undefined;
  if (f.q) {
    if (isValidTrackingCode(f.q)) c.add('c.tracking_code = ?', normalizeTrackingCode(f.q));
    else {
      text = textSearch(actor, f.q);
      // A rare word: its few matching ids come from the GIN indexes first, then scope, filters and order
      // apply to them. Left to itself, PostgreSQL walks the received_at index hoping to fill the page soon,
      // and reads every case when nothing matches (seconds at a million cases).
      const hits = await fewHits(db, text.anywhere, fewHitsLimit);
      if (hits) {
        prefix = `with hits as materialized (select c.id from complaints c where ${c.text(hits)})`;
        c.add('c.id in (select id from hits)');
      }
    }
  }
  // next_due_date is the earliest open deadline (kept by the deadline sync): overdue ⇔ it is past.
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  if (f.overdue === 'true') c.add('c.next_due_date < ?::date', today);
  if (f.overdue === 'false') c.add('(c.next_due_date is null or c.next_due_date >= ?::date)', today);
  if (f.dueWithin !== undefined) {
    // Business days, as every deadline is counted: on a Friday, "within 2" reaches Tuesday.
    const until = (await loadCalendar(db, today)).addBusinessDays(today, f.dueWithin);
    c.add('c.next_due_date between ?::date and ?::date', today, until);
  }
  return { c, prefix, text };
}

/** How many cases the list would show with these filters (the same rule, scope included). */
export async function countComplaints(db: Queryable, actor: Actor, f: ListFilter): Promise<number> {
  const { c, prefix, text } = await filterConditions(db, actor, f, FEW_HITS);
  const scope = or(scopeBranches(actor));
  c.add(scope.sql, ...scope.params);
  if (text) c.add(text.scoped.sql, ...text.scoped.params);
  const [row] = await db.query<{ n: number }>(
    `${prefix} select count(*)::int as n from complaints c ${c.where}`,
    c.params,
  );
  return row?.n ?? 0;
}

export async function listComplaints(
  db: Queryable,
  actor: Actor,
  f: ListFilter,
  after: ComplaintCursor | undefined,
  limit: number,
  /** Tests only: force either plan (see FEW_HITS and MAX_BRANCHES). */
  tuning: { fewHits?: number; maxBranches?: number } = {},
): Promise<ListedComplaint[]> {
  const { c, prefix, text } = await filterConditions(db, actor, f, tuning.fewHits ?? FEW_HITS);
  const sort = SORTS[f.sort];
  if (after) c.add(sort.after, after.at, after.id);
  const select = COMPLAINT_SELECT.replace(/^\s*select /, `select ${sort.columns}, `);
  const lim = c.param(limit);
  const branches = scopeBranches(actor);
  if (branches.length > (tuning.maxBranches ?? MAX_BRANCHES)) {
    const scope = or(branches);
    c.add(scope.sql, ...scope.params);
    if (text) c.add(text.scoped.sql, ...text.scoped.params);
    return db.query<ListedComplaint>(
      `${prefix} ${select} ${c.where} order by ${sort.order} limit ${lim}`,
      c.params,
    );
  }
  // One ordered, limited pick per branch of the scope (each with its own index: a village's cases in
  // received order, the assignee's, …), then the page from their union: a facilitator's villages no longer
  // read every case of the villages to sort them. A text search is matched as the branch's cases are seen.
  const filters = c.where.replace(/^where /, ' and ');
  const picks = branches.map((b) => {
    const match = text ? ` and ${c.text(b.asHandler ? text.asHandler : text.asPublic)}` : '';
    return `(select c.id from complaints c where ${c.text(b)}${filters}${match} order by ${sort.order} limit ${lim})`;
  });
  return db.query<ListedComplaint>(
    `${prefix} ${select} where c.id in (${picks.join(' union all ')}) order by ${sort.order} limit ${lim}`,
    c.params,
  );
}

/** Beyond this many scope branches (a person with many areas), one query with the whole rule as an OR. */
const MAX_BRANCHES = 35;

/** Cases with no open deadline sort after every date, so that keyset pagination stays total. */
const DUE_KEY = `coalesce(c.next_due_date, '9999-12-31'::date)`;

/**
 * The orders of the list, keyset-paginated. The cursor's `at` is the sort key as the database prints it:
 * the received time with its microseconds, or the next open due date (an indexed expression).
 */
export const SORTS = {
  received_desc: {
    order: 'c.received_at desc, c.id desc',
    after: '(c.received_at, c.id) < (?::timestamptz, ?::uuid)',
    columns: 'c.received_at::text as "cursorAt"',
  },
  received_asc: {
    order: 'c.received_at, c.id',
    after: '(c.received_at, c.id) > (?::timestamptz, ?::uuid)',
    columns: 'c.received_at::text as "cursorAt"',
  },
  due_asc: {
    order: `${DUE_KEY}, c.id`,
    after: `(${DUE_KEY}, c.id) > (?::date, ?::uuid)`,
    columns: `${DUE_KEY} as "nextDueDate", ${DUE_KEY}::text as "cursorAt"`,
  },
} as const;
