import { type Actor, COMPLAINT_STATUSES, isValidTrackingCode, normalizeTrackingCode } from '@coso/domain';
import { z } from 'zod';
import { Conditions } from '../../db/conditions.js';
import type { Queryable } from '../../db/driver.js';
import { type Fragment, mayMatchOriginal, originalScope, visibleScope } from './list-scope.js';
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
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** Cases with an open deadline past its due date. */
  overdue: z.enum(['true', 'false']).optional(),
  /** due_asc: the case whose next open deadline comes first; cases without one come last. */
  sort: z.enum(['received_desc', 'received_asc', 'due_asc']).default('received_desc'),
});
export type ComplaintFilter = z.infer<typeof complaintFilterSchema>;

export const complaintCursorSchema = z.object({ at: z.string(), id: z.uuid() });
export type ComplaintCursor = z.infer<typeof complaintCursorSchema>;

/** The visibility rule (list-scope.ts) as one condition of the list. */
export function addScope(c: Conditions, actor: Actor) {
  const scope = visibleScope(actor);
  c.add(scope.sql, ...scope.params);
}

/**
 * Full-text search: the description matches only on the cases the actor sees as a handler; on a case seen
 * through its published summary, only its tracking code, reference or summary (public_search) may match, so
 * that a search never tells wider staff what the original text says.
 */
function textMatch(actor: Actor, q: string, withScope: boolean): Fragment {
  const branches: Fragment[] = [];
  // Only someone who may handle cases can match an original text; for wider staff the branch would make
  // PostgreSQL test every description match against a scope that is always false.
  if (mayMatchOriginal(actor)) {
    const scope = withScope ? originalScope(actor) : { sql: 'true', params: [] };
    branches.push({
      sql: `(c.search @@ websearch_to_tsquery('french', ?) and ${scope.sql})`,
      params: [q, ...scope.params],
    });
  }
  branches.push({ sql: `c.public_search @@ websearch_to_tsquery('french', ?)`, params: [q] });
  // A reference fragment ("2026-0001") has digits; a word search never needs the substring match (trigram
  // index complaints_reference_trgm).
  if (/\d/.test(q)) branches.push({ sql: 'c.reference ilike ?', params: [`%${escapeLike(q)}%`] });
  return { sql: `(${branches.map((b) => b.sql).join(' or ')})`, params: branches.flatMap((b) => b.params) };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * A listed case with `cursorAt`, its sort key as the database prints it: the received time keeps its
 * microseconds (a JavaScript Date would drop them and a page boundary could skip or repeat cases), or the
 * next due date when sorted by due date.
 */
export type ListedComplaint = ComplaintRow & { nextDueDate?: string; cursorAt: string };

export async function listComplaints(
  db: Queryable,
  actor: Actor,
  f: ComplaintFilter & { areaPath?: string | undefined; today?: string },
  after: ComplaintCursor | undefined,
  limit: number,
  tuning: { fewHits?: number } = {},
): Promise<ListedComplaint[]> {
  const c = new Conditions();
  addScope(c, actor);
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
  let hits: Fragment | undefined;
  if (f.q) {
    if (isValidTrackingCode(f.q)) c.add('c.tracking_code = ?', normalizeTrackingCode(f.q));
    else {
      const match = textMatch(actor, f.q, true);
      c.add(match.sql, ...match.params);
      hits = await fewHits(db, textMatch(actor, f.q, false), tuning.fewHits ?? FEW_HITS);
    }
  }
  if (f.overdue) {
    // next_due_date is the earliest open deadline (kept by the deadline sync): overdue ⇔ it is past.
    const today = f.today ?? new Date().toISOString().slice(0, 10);
    if (f.overdue === 'true') c.add('c.next_due_date < ?::date', today);
    else c.add('(c.next_due_date is null or c.next_due_date >= ?::date)', today);
  }
  // A rare word: its few matching ids come from the GIN indexes first, then scope, filters and order apply
  // to them. Left to itself, PostgreSQL walks the received_at index hoping to fill the page soon, and reads
  // every case when nothing matches (seconds at a million cases).
  const prefix = hits
    ? `with hits as materialized (select c.id from complaints c where ${c.text(hits)})`
    : '';
  if (hits) c.add('c.id in (select id from hits)');
  if (f.sort === 'due_asc') return listByDueDate(db, prefix, c, after, limit);
  const desc = f.sort === 'received_desc';
  if (after) c.add(`(c.received_at, c.id) ${desc ? '<' : '>'} (?::timestamptz, ?::uuid)`, after.at, after.id);
  const order = desc ? 'c.received_at desc, c.id desc' : 'c.received_at, c.id';
  const select = COMPLAINT_SELECT.replace(/^\s*select /, `select c.received_at::text as "cursorAt", `);
  return db.query<ListedComplaint>(
    `${prefix} ${select} ${c.where} order by ${order} limit ${c.param(limit)}`,
    c.params,
  );
}

/** Up to this many matches, a text search starts from its matches rather than from the sort order. */
const FEW_HITS = 5000;

/** The match itself when it finds at most FEW_HITS cases (counted through the GIN and trigram indexes). */
async function fewHits(db: Queryable, match: Fragment, few: number): Promise<Fragment | undefined> {
  const c = new Conditions();
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from complaints c where ${c.text(match)} limit ${c.param(few + 1)}) h`,
    c.params,
  );
  return row!.n <= few ? match : undefined;
}

/** Cases with no open deadline sort after every date, so that keyset pagination stays total. */
const DUE_KEY = `coalesce(c.next_due_date, '9999-12-31'::date)`;

/** Keyset-paginated on (next open due date, id), an indexed expression; the cursor's `at` holds the date. */
function listByDueDate(
  db: Queryable,
  prefix: string,
  c: Conditions,
  after: ComplaintCursor | undefined,
  limit: number,
) {
  if (after) c.add(`(${DUE_KEY}, c.id) > (?::date, ?::uuid)`, after.at, after.id);
  const select = COMPLAINT_SELECT.replace(
    /^\s*select /,
    `select ${DUE_KEY} as "nextDueDate", ${DUE_KEY}::text as "cursorAt", `,
  );
  return db.query<ListedComplaint>(
    `${prefix} ${select} ${c.where} order by ${DUE_KEY}, c.id limit ${c.param(limit)}`,
    c.params,
  );
}
