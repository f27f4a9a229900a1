import type { Queryable } from '../../../db/driver.js';

/**
 * Public aggregate figures (GRM.md, "Citizen self-service"). Sensitive cases (GBV/SEA…) appear only in one
 * total: split by place, category or month, a handful of cases could point at a village and a person.
 * "Resolved" means closed after a proposed resolution; "in progress" means still open.
 */
const OPEN = `c.status in ('received','acknowledged','in_progress','resolution_proposed','appealed','unresolved','escalated')`;
const COUNTS = `count(*)::int as received,
  count(*) filter (where c.status = 'closed')::int as resolved,
  count(*) filter (where ${OPEN})::int as "inProgress"`;
const MEDIAN_DAYS = `round((percentile_cont(0.5) within group (
    order by extract(epoch from c.closed_at - c.received_at) / 86400)
    filter (where c.status = 'closed'))::numeric, 1)::float8 as "medianDaysToResolve"`;

interface Counts {
  received: number;
  resolved: number;
  inProgress: number;
  medianDaysToResolve: number | null;
}

export async function publicStats(db: Queryable, now = new Date()) {
  const [totals] = await db.query<Counts>(
    `select ${COUNTS}, ${MEDIAN_DAYS} from complaints c where not c.sensitive`,
  );
  const [sensitive] = await db.query<{ total: number }>(
    'select count(*)::int as total from complaints where sensitive',
  );
  // A case's region is the region-level unit whose path starts its area path.
  const byRegion = await db.query<Counts & { id: string; name: string }>(
    `select r.id, r.name, ${COUNTS}, ${MEDIAN_DAYS}
       from complaints c
       join geo_units r on r.level = 'region' and left(c.area_path, length(r.path)) = r.path
      where not c.sensitive
      group by r.id, r.name order by r.name, r.id`,
  );
  const byCategory = await db.query<Counts & { code: string; labelFr: string; labelEn: string }>(
    `select c.category_code as code, coalesce(i.label_fr, c.category_code) as "labelFr",
            coalesce(i.label_en, c.category_code) as "labelEn", ${COUNTS}, ${MEDIAN_DAYS}
       from complaints c
       left join reference_items i on i.list = 'category' and i.code = c.category_code
      where not c.sensitive
      group by c.category_code, i.label_fr, i.label_en order by received desc, c.category_code`,
  );
  const byMonth = await db.query<{ month: string; received: number; resolved: number }>(
    `with months as (
       select to_char(m, 'YYYY-MM') as month
         from generate_series(date_trunc('month', $1::timestamptz at time zone 'UTC') - interval '11 months',
                              date_trunc('month', $1::timestamptz at time zone 'UTC'), interval '1 month') m)
     select m.month,
            (select count(*)::int from complaints c where not c.sensitive
               and to_char(c.received_at at time zone 'UTC', 'YYYY-MM') = m.month) as received,
            (select count(*)::int from complaints c where not c.sensitive and c.status = 'closed'
               and to_char(c.closed_at at time zone 'UTC', 'YYYY-MM') = m.month) as resolved
       from months m order by m.month`,
    [now],
  );
  return {
    generatedAt: now.toISOString(),
    ...totals!,
    sensitiveTotal: sensitive!.total,
    byRegion,
    byCategory,
    byMonth,
  };
}
export type PublicStats = Awaited<ReturnType<typeof publicStats>>;

/** Active codes the public form offers (types, categories, genders, age groups), with their labels. */
export function formOptions(db: Queryable) {
  return db.query<{ list: string; code: string; labelFr: string; labelEn: string; sensitive: boolean }>(
    `select list, code, label_fr as "labelFr", label_en as "labelEn", sensitive from reference_items
      where active and list in ('type', 'category', 'gender', 'age_group') order by list, sort, code`,
  );
}
