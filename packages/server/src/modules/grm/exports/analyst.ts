import { type Actor, addCalendarDays, OPEN_STATUSES, pathIds, togoDate } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { formatDateTime, type TableSpec } from '../../../platform/exports/table-stream.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { holidaysBetween } from '../reports/holidays.js';
import { reportScope, type SummaryQuery } from '../reports/summary.js';
import { summaryConditions } from '../reports/summary-sql.js';
import { datasetScope } from './dataset-scope.js';

/**
 * The analysts' dataset: one row per case with every dimension and the durations in business days, and a
 * second file with one row per event. The cases of the caller's jurisdictions that their role may see row by
 * row (datasetScope: the case API's scope, e.g. published cases only for a supervisor), filtered like the
 * summary. Deliberately absent: the complainant's
 * identity (name, phone, email, WhatsApp, address), the description and the published summary, the place
 * description and GPS point, event payloads (comments, reasons, resolutions are free text about people) and
 * who acted. Codes, not labels: the dictionary is in docs/reports.md.
 */

/**
 * Rows per query: no transaction spans a page (complaints/export/rows.ts says why: a slow download must not
 * hold a snapshot, nor PGlite's only connection). 2,000 rather than the case list's 5,000: a row here is 39
 * derived cells, and 5,000 took the XLSX export to 333 MB peak RSS against 233 MB at 2,000, at the same
 * speed (bench/RESULTS.md, 2026-12-07).
 */
export const ANALYST_PAGE_SIZE = 2000;

interface CaseRow {
  id: string;
  reference: string;
  received_at: Date;
  /** received_at at full (microsecond) precision, for the keyset: a Date keeps milliseconds only. */
  keyset_at: string;
  type_code: string;
  category_code: string;
  channel_code: string;
  sensitive: boolean;
  status: string;
  closure_outcome: string | null;
  area_path: string;
  handling_level: string;
  complainant_kind: string;
  group_size: number | null;
  anonymous: boolean;
  gender: string | null;
  age_group: string | null;
  vulnerabilities: string[];
  escalation_count: number;
  appeal_count: number;
  satisfaction: number | null;
  subproject_ref: string | null;
  published: boolean;
  acknowledged_at: Date | null;
  resolution_proposed_at: Date | null;
  closed_at: Date | null;
  next_due_date: string | null;
  ack_due: string | null;
  ack_met: Date | null;
  res_due: string | null;
  res_met: Date | null;
}

export const ANALYST_HEADERS = [
  'case_ref',
  'received_on',
  'received_month',
  'type',
  'category',
  'channel',
  'sensitive',
  'status',
  'closure_outcome',
  'region',
  'prefecture',
  'commune',
  'canton',
  'village',
  'village_code',
  'handling_level',
  'complainant_kind',
  'group_size',
  'anonymous',
  'gender',
  'age_group',
  'vulnerabilities',
  'subproject_ref',
  'published',
  'escalations',
  'appeals',
  'satisfaction',
  'acknowledged_on',
  'resolution_proposed_on',
  'closed_on',
  'business_days_to_acknowledge',
  'business_days_to_resolution',
  'business_days_to_close',
  'acknowledge_due_on',
  'acknowledged_on_time',
  'resolve_due_on',
  'resolved_on_time',
  'open',
  'overdue',
] as const;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** Business days counted from the start of a window, so that "business days between" is a subtraction. */
export async function businessDayIndex(db: Queryable, from: string, to: string) {
  const off = new Set(await holidaysBetween(db, from, to));
  const index = new Map<string, number>();
  let n = 0;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    if (!off.has(d)) n += 1;
    index.set(d, n);
  }
  return (start: Date, end: Date | null) => {
    const a = index.get(day(start)!);
    const b = end ? index.get(day(end)!) : undefined;
    return a === undefined || b === undefined ? null : b - a;
  };
}

interface Dataset {
  where: ReturnType<typeof summaryConditions>;
  today: string;
}

async function dataset(db: Queryable, actor: Actor, q: SummaryQuery, today: string): Promise<Dataset> {
  const area = q.area ? await findUnit(db, q.area) : undefined;
  const areaPath = area ? area.path : q.area ? '/none/' : undefined;
  // The summary's jurisdiction prefixes and filters; which of those cases the role may see row by row is
  // datasetScope's alone (hence `sensitive: true` here: no blanket rule on top of it).
  const where = summaryConditions({ ...reportScope(actor), sensitive: true }, { ...q, areaPath });
  where.add(`(${where.text(datasetScope(actor))})`);
  return { where, today };
}

/** The cases, page after page on (received_at, id), with what the row needs to compute its durations. */
export async function* analystPages(db: Queryable, actor: Actor, q: SummaryQuery, today = togoDate()) {
  const { where } = await dataset(db, actor, q, today);
  const [first] = await db.query<{ day: string | null }>(
    `select min(c.received_at)::date::text as day from complaints c ${where.where}`,
    where.params,
  );
  if (!first?.day) return;
  const between = await businessDayIndex(db, addCalendarDays(first.day, -1), addCalendarDays(today, 400));
  const units = new Map(
    (
      await db.query<{ id: string; code: string; name: string; level: string }>(
        'select id, code, name, level from geo_units',
      )
    ).map((u) => [u.id, u]),
  );
  const open = new Set<string>(OPEN_STATUSES);
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const params = [...where.params];
    const keyset = after
      ? `and (c.received_at, c.id) > ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)`
      : '';
    if (after) params.push(after.at, after.id);
    const rows = await db.query<CaseRow>(
      `select c.id, c.reference, c.received_at, c.received_at::text as keyset_at, c.type_code, c.category_code, c.channel_code, c.sensitive,
              c.status, c.closure_outcome, c.area_path, c.handling_level, c.complainant_kind, c.group_size,
              c.anonymous, c.gender, c.age_group, c.vulnerabilities, c.escalation_count, c.appeal_count,
              c.satisfaction, c.subproject_ref, c.published_at is not null as published, c.acknowledged_at,
              c.resolution_proposed_at, c.closed_at, c.next_due_date::text as next_due_date,
              da.due_date::text as ack_due, da.met_at as ack_met, dr.due_date::text as res_due, dr.met_at as res_met
         from complaints c
         left join complaint_deadlines da on da.complaint_id = c.id and da.kind = 'acknowledge'
         left join complaint_deadlines dr on dr.complaint_id = c.id and dr.kind = 'resolve'
        ${where.where} ${keyset}
        order by c.received_at, c.id
        limit ${ANALYST_PAGE_SIZE}`,
      params,
    );
    if (rows.length) {
      yield rows.map((c) => {
        const places: Record<string, { code: string; name: string }> = {};
        for (const id of pathIds(c.area_path)) {
          const u = units.get(id);
          if (u) places[u.level] = u;
        }
        const onTime = (due: string | null, met: Date | null) =>
          due === null ? null : met ? yesNo(day(met)! <= due) : due < today ? 'no' : null;
        const isOpen = open.has(c.status);
        return [
          c.reference,
          day(c.received_at),
          day(c.received_at)!.slice(0, 7),
          c.type_code,
          c.category_code,
          c.channel_code,
          yesNo(c.sensitive),
          c.status,
          c.closure_outcome,
          places.region?.name ?? null,
          places.prefecture?.name ?? null,
          places.commune?.name ?? null,
          places.canton?.name ?? null,
          places.village?.name ?? null,
          places.village?.code ?? null,
          c.handling_level,
          c.complainant_kind,
          c.group_size,
          yesNo(c.anonymous),
          c.gender,
          c.age_group,
          c.vulnerabilities.join('|'),
          c.subproject_ref,
          yesNo(c.published),
          c.escalation_count,
          c.appeal_count,
          c.satisfaction,
          day(c.acknowledged_at),
          day(c.resolution_proposed_at),
          day(c.closed_at),
          between(c.received_at, c.acknowledged_at),
          between(c.received_at, c.resolution_proposed_at),
          between(c.received_at, c.closed_at),
          c.ack_due,
          onTime(c.ack_due, c.ack_met),
          c.res_due,
          onTime(c.res_due, c.res_met),
          yesNo(isOpen),
          yesNo(isOpen && c.next_due_date !== null && c.next_due_date < today),
        ];
      });
    }
    if (rows.length < ANALYST_PAGE_SIZE) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.keyset_at, id: last.id };
  }
}

type Cells = Array<string | number | null>;

export const ANALYST_TABLE: TableSpec<Cells> = {
  sheet: 'cases',
  headers: ANALYST_HEADERS,
  cells: (row) => row,
};

export const ANALYST_EVENT_HEADERS = ['case_ref', 'event_id', 'at', 'kind', 'from_status', 'to_status'];

/** One row per event of the same cases, without payload nor actor, on the event id's keyset. */
export async function* analystEventPages(db: Queryable, actor: Actor, q: SummaryQuery, today = togoDate()) {
  const { where } = await dataset(db, actor, q, today);
  let after = 0;
  for (;;) {
    const params = [...where.params, after];
    const rows = await db.query<{
      reference: string;
      id: string;
      at: Date;
      kind: string;
      f: string;
      t: string;
    }>(
      `select c.reference, e.id::text as id, e.at, e.kind, e.from_status as f, e.to_status as t
         from complaint_events e join complaints c on c.id = e.complaint_id
        ${where.where} and e.id > $${params.length}
        order by e.id
        limit ${ANALYST_PAGE_SIZE}`,
      params,
    );
    if (rows.length)
      yield rows.map((e): Cells => [e.reference, Number(e.id), formatDateTime(e.at), e.kind, e.f, e.t]);
    if (rows.length < ANALYST_PAGE_SIZE) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

export const ANALYST_EVENTS_TABLE: TableSpec<Cells> = {
  sheet: 'events',
  headers: ANALYST_EVENT_HEADERS,
  cells: (row) => row,
};
