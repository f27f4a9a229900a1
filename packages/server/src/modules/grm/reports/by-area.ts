import { type Actor, OPEN_STATUSES, togoDate } from '@coso/domain';
import { z } from 'zod';
import type { Queryable } from '../../../db/driver.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { SMALL_COUNT } from './periodic-content.js';
import { rollupConditions, rollupFits, rollupSensitiveTotal } from './rollup.js';
import { rollupState } from './rollup-build.js';
import { liveSensitiveTotal, reportScope, summaryFilterSchema } from './summary.js';
import { summaryConditions } from './summary-sql.js';

/**
 * Map data: cases counted per area unit of one level (regions … cantons), with a centroid for proportional
 * symbols. Aggregates only: no case ever appears as a point. The public version hides sensitive cases for
 * everyone and replaces counts from 1 to SMALL_COUNT − 1 by null (`suppressed: true`).
 */

export const MAP_LEVELS = ['region', 'prefecture', 'commune', 'canton'] as const;

export const byAreaQuerySchema = summaryFilterSchema.extend({
  level: z.enum(MAP_LEVELS).default('commune'),
  version: z.enum(['internal', 'public']).default('internal'),
});
export type ByAreaQuery = z.infer<typeof byAreaQuerySchema>;

interface UnitRow {
  id: string;
  code: string;
  name: string;
  path: string;
  latitude: number | null;
  longitude: number | null;
  total: number;
  open: number;
  overdue: number;
}

export async function complaintsByArea(db: Queryable, actor: Actor, q: ByAreaQuery, today = togoDate()) {
  const publicVersion = q.version === 'public';
  const area = q.area ? await findUnit(db, q.area) : undefined;
  const areaPath = area ? area.path : q.area ? '/none/' : undefined;
  const scope = { ...reportScope(actor), ...(publicVersion ? { sensitive: false } : {}) };
  const filter = { ...q, areaPath };
  const [depth] = await db.query<{ len: number }>(
    'select 1 + 37 * (rank + 1) as len from geo_levels where code = $1',
    [q.level],
  );
  const jurisdictions = actor.jurisdictions.map((j) => j.path);
  const state = await rollupState(db);
  const fromRollup = rollupFits(state, {
    filter,
    jurisdictionPaths: jurisdictions,
    areaKeyLength: depth!.len,
    today,
  });
  const where = fromRollup ? rollupConditions(scope, filter) : summaryConditions(scope, filter);
  // The units shown: those of the level inside the caller's jurisdictions (and the chosen area), or above
  // them when the level is coarser than a jurisdiction (a canton officer asking for communes).
  const level = where.param(q.level);
  const len = where.param(depth!.len);
  const jurisdictionPaths = where.param(jurisdictions);
  const areaFilter = areaPath
    ? `and (u.path like ${where.param(areaPath)} || '%' or ${where.param(areaPath)} like u.path || '%')`
    : '';
  let counts: string;
  if (fromRollup) {
    counts = `select left(g.path, ${len}) as key, sum(r.n)::int as total, sum(r.open)::int as open,
                     sum(r.overdue)::int as overdue
                from report_rollup_cells r join geo_units g on g.id = r.cell_id ${where.where}
               group by 1`;
  } else {
    const open = where.param([...OPEN_STATUSES]);
    const todayParam = where.param(today);
    counts = `select left(c.area_path, ${len}) as key,
                     count(*)::int as total,
                     count(*) filter (where c.status = any(${open}::text[]))::int as open,
                     count(*) filter (where c.status = any(${open}::text[]) and c.next_due_date < ${todayParam}::date)::int
                       as overdue
                from complaints c
               ${where.where}
               group by 1`;
  }
  const text = `
    with counts as (${counts})
    select u.id, u.code, u.name, u.path,
           coalesce(u.latitude, centre.lat) as latitude, coalesce(u.longitude, centre.lng) as longitude,
           coalesce(n.total, 0) as total, coalesce(n.open, 0) as open, coalesce(n.overdue, 0) as overdue
      from geo_units u
      left join counts n on n.key = u.path
      left join lateral (
        select avg(d.latitude) as lat, avg(d.longitude) as lng
          from geo_units d
         where u.latitude is null and d.path like u.path || '%' and d.latitude is not null
      ) centre on true
     where u.level = ${level}
       and exists (select 1 from unnest(${jurisdictionPaths}::text[]) p
                    where u.path like p || '%' or p like u.path || '%')
       ${areaFilter}
     order by u.name, u.id`;
  const units = await db.query<UnitRow>(text, where.params);
  const sensitive = fromRollup
    ? await rollupSensitiveTotal(db, scope, filter)
    : await liveSensitiveTotal(db, scope, filter);
  const hide = (n: number) => (publicVersion && n > 0 && n < SMALL_COUNT ? null : n);
  return {
    level: q.level,
    version: q.version,
    sensitiveIncluded: scope.sensitive,
    sensitiveTotal: publicVersion ? hide(sensitive) : sensitive,
    source: fromRollup ? ('rollup' as const) : ('live' as const),
    asOf: fromRollup ? state.builtAt : new Date(),
    smallCountThreshold: publicVersion ? SMALL_COUNT : null,
    items: units.map((u) => {
      const suppressed = hide(u.total) === null;
      return {
        id: u.id,
        code: u.code,
        name: u.name,
        path: u.path,
        latitude: u.latitude,
        longitude: u.longitude,
        total: hide(u.total),
        open: suppressed ? null : hide(u.open),
        overdue: suppressed ? null : hide(u.overdue),
        suppressed,
      };
    }),
  };
}
