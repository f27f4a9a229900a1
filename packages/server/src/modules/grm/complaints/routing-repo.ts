import type { Role, RoutingRule } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

export function loadRoutingRules(db: Queryable): Promise<RoutingRule[]> {
  return db.query<RoutingRule>(
    `select r.id, r.category_code as "categoryCode", g.path as "areaPath", r.handling_level as "handlingLevel",
            r.committee_id as "committeeId", r.assignee_id as "assigneeId", r.priority
       from routing_rules r left join geo_units g on g.id = r.area_id
      where r.active`,
  );
}

/** The escalation chain of the case's region, else the default one. */
export async function loadChain(db: Queryable, areaPath: string): Promise<string[]> {
  const rows = await db.query<{ levels: string[] }>(
    `select e.levels from escalation_chains e left join geo_units g on g.id = e.region_id
      where e.region_id is null or $1 like g.path || '%'
      order by (e.region_id is null) limit 1`,
    [areaPath],
  );
  return rows[0]?.levels ?? [];
}

export async function levelRanks(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; rank: number }>('select code, rank from geo_levels');
  return new Map(rows.map((r) => [r.code, r.rank]));
}

/** The ancestor of a place (or the place itself) at a level. */
export async function unitAtLevel(db: Queryable, path: string, level: string) {
  const rows = await db.query<{ id: string; path: string }>(
    `select id, path from geo_units where level = $2 and $1 like path || '%' limit 1`,
    [path, level],
  );
  return rows[0];
}

export interface Candidate {
  userId: string;
  openCases: number;
}

/**
 * Who may handle cases at a place: active users holding `role` whose jurisdiction is exactly that place,
 * plus the members of the committee when the rule names one, each with their count of open cases.
 *
 * The counts come from handler_open_cases (migration 0019, kept by triggers): one row per candidate however
 * many cases they hold. With `lock`, the candidates' counter rows stay locked until the transaction ends, so
 * a concurrent intake among the same people waits, then reads the counts this one leaves (READ COMMITTED
 * re-reads a locked row once it is released): two cases filed at once go to the two least-loaded people, not
 * both to the same one. Locked in user order, so two pools that overlap cannot deadlock.
 */
export function handlerCandidates(
  db: Queryable,
  unitId: string,
  role: Role,
  committeeId: string | null,
  { lock = false }: { lock?: boolean } = {},
): Promise<Candidate[]> {
  return db.query<Candidate>(
    `select u.id as "userId", h.open_cases as "openCases"
       from users u join handler_open_cases h on h.user_id = u.id
      where u.active and (
        (exists (select 1 from user_roles r where r.user_id = u.id and r.role = $2)
         and exists (select 1 from user_jurisdictions j where j.user_id = u.id and j.unit_id = $1))
        or exists (select 1 from grm_committee_members m where m.user_id = u.id and m.committee_id = $3))
      order by u.id${lock ? ' for update of h' : ''}`,
    [unitId, role, committeeId],
  );
}

export async function isActiveUser(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.query('select 1 from users where id = $1 and active', [userId]);
  return rows.length > 0;
}
