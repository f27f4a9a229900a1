import type { Queryable } from '../../../db/driver.js';

/** What an administrator writes in a routing rule. */
export interface RuleWrite {
  categoryCode: string | null;
  areaId: string | null;
  handlingLevel: string;
  committeeId: string | null;
  assigneeId: string | null;
  priority: number;
  active: boolean;
}

export interface RuleRow extends RuleWrite {
  id: string;
  areaCode: string | null;
  areaName: string | null;
  areaLevel: string | null;
  committeeCode: string | null;
  committeeName: string | null;
  assigneeName: string | null;
}

const RULE_SELECT = `
  select r.id, r.category_code as "categoryCode", r.area_id as "areaId", g.code as "areaCode",
         g.name as "areaName", g.level as "areaLevel", r.handling_level as "handlingLevel",
         r.committee_id as "committeeId", c.code as "committeeCode", c.name as "committeeName",
         r.assignee_id as "assigneeId", u.display_name as "assigneeName", r.priority, r.active
    from routing_rules r
    left join geo_units g on g.id = r.area_id
    left join grm_committees c on c.id = r.committee_id
    left join users u on u.id = r.assignee_id`;

// The order in which matchRoutingRule tries rules (named category, then deeper area, then priority);
// inactive rules, which routing never tries, come last. The remaining keys only make the order stable.
const ROUTING_ORDER = `
  order by r.active desc, (r.category_code is not null) desc,
           coalesce(length(g.path) - length(replace(g.path, '/', '')), 0) desc, r.priority desc,
           r.category_code, g.name, r.created_at, r.id`;

export function listRules(db: Queryable): Promise<RuleRow[]> {
  return db.query<RuleRow>(`${RULE_SELECT} ${ROUTING_ORDER}`);
}

export async function findRule(db: Queryable, id: string): Promise<RuleRow | undefined> {
  return (await db.query<RuleRow>(`${RULE_SELECT} where r.id = $1`, [id]))[0];
}

/**
 * Serialises writers of the rule table (readers, such as routing a new case, are not blocked), so that two
 * administrators cannot each remove one of the last two catch-all rules.
 */
export async function lockRules(tx: Queryable): Promise<void> {
  await tx.query('lock table routing_rules in share row exclusive mode');
}

/** Active rules that match every category everywhere: the last resort of routing. */
export async function catchAllRuleIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'select id from routing_rules where active and category_code is null and area_id is null',
  );
  return rows.map((r) => r.id);
}

const WRITE_PARAMS = (r: RuleWrite) => [
  r.categoryCode,
  r.areaId,
  r.handlingLevel,
  r.committeeId,
  r.assigneeId,
  r.priority,
  r.active,
];

export async function insertRule(tx: Queryable, id: string, r: RuleWrite): Promise<void> {
  await tx.query(
    `insert into routing_rules (id, category_code, area_id, handling_level, committee_id, assignee_id,
                                priority, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, ...WRITE_PARAMS(r)],
  );
}

export async function updateRule(tx: Queryable, id: string, r: RuleWrite): Promise<void> {
  await tx.query(
    `update routing_rules set category_code = $2, area_id = $3, handling_level = $4, committee_id = $5,
            assignee_id = $6, priority = $7, active = $8, updated_at = now()
      where id = $1`,
    [id, ...WRITE_PARAMS(r)],
  );
}

export async function deleteRule(tx: Queryable, id: string): Promise<void> {
  await tx.query('delete from routing_rules where id = $1', [id]);
}
