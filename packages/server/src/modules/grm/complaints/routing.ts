import { matchRoutingRule, nextLevel, pickHandler, type Role } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import * as routing from './routing-repo.js';

export interface Placement {
  handlingLevel: string;
  handlingUnitId: string;
  committeeId: string | null;
  /** null = the unassigned queue. */
  assigneeId: string | null;
}

/** Sensitive cases go to sensitive-case focal points; national-level cases to grievance officers. */
export function handlerRole(sensitive: boolean, level: string): Role {
  if (sensitive) return 'sensitive_focal_point';
  return level === 'country' ? 'grm_officer' : 'focal_point';
}

async function placeAt(
  tx: Queryable,
  areaPath: string,
  level: string,
  sensitive: boolean,
  rule: { committeeId: string | null; assigneeId: string | null } = { committeeId: null, assigneeId: null },
): Promise<Placement> {
  // A level missing on this branch of the tree (a region without communes) falls back to the country.
  const atLevel = await routing.unitAtLevel(tx, areaPath, level);
  const handlingLevel = atLevel ? level : 'country';
  const unit = atLevel ?? (await routing.unitAtLevel(tx, areaPath, 'country'));
  if (!unit) throw new Error(`no country above ${areaPath}`);
  let assigneeId =
    rule.assigneeId && (await routing.isActiveUser(tx, rule.assigneeId)) ? rule.assigneeId : null;
  if (!assigneeId) {
    // Locked: the choice must see the cases other intakes are placing at this moment (routing-repo.ts).
    const candidates = await routing.handlerCandidates(
      tx,
      unit.id,
      handlerRole(sensitive, handlingLevel),
      rule.committeeId,
      { lock: true },
    );
    assigneeId = pickHandler(candidates);
  }
  return { handlingLevel, handlingUnitId: unit.id, committeeId: rule.committeeId, assigneeId };
}

/** First placement of a new case, by the routing rule table. */
export async function routeNewCase(
  tx: Queryable,
  categoryCode: string,
  sensitive: boolean,
  areaPath: string,
) {
  const rule = matchRoutingRule(await routing.loadRoutingRules(tx), categoryCode, areaPath);
  // Sensitive cases skip every local level, whatever rule a configuration mistake lets them match.
  const level = sensitive ? 'country' : (rule?.handlingLevel ?? 'country');
  return placeAt(tx, areaPath, level, sensitive, rule);
}

/** Placement one level up the case's escalation chain, or null at the top. */
export async function routeUp(
  tx: Queryable,
  current: { handlingLevel: string; areaPath: string; sensitive: boolean },
) {
  const ranks = await routing.levelRanks(tx);
  const chain = await routing.loadChain(tx, current.areaPath);
  const level = nextLevel(chain, current.handlingLevel, (l) => ranks.get(l) ?? Number.POSITIVE_INFINITY);
  return level ? placeAt(tx, current.areaPath, level, current.sensitive) : null;
}

/**
 * Placement of a recategorised case: the routing rules of its new category and sensitivity, as at intake
 * (a sensitive case goes to the country's sensitive-case focal points), except that a case which already
 * climbed the chain (escalated, appealed) is not sent back below the level it reached.
 */
export async function routeRecategorised(
  tx: Queryable,
  current: { areaPath: string; handlingLevel: string; escalationCount: number; appealCount: number },
  categoryCode: string,
  sensitive: boolean,
): Promise<Placement> {
  const rule = matchRoutingRule(await routing.loadRoutingRules(tx), categoryCode, current.areaPath);
  const ruleLevel = sensitive ? 'country' : (rule?.handlingLevel ?? 'country');
  const ranks = await routing.levelRanks(tx);
  const rank = (l: string) => ranks.get(l) ?? Number.POSITIVE_INFINITY;
  // A smaller rank is a higher level (country first).
  const climbed = current.escalationCount + current.appealCount > 0;
  if (climbed && rank(current.handlingLevel) < rank(ruleLevel)) {
    return placeAt(tx, current.areaPath, current.handlingLevel, sensitive);
  }
  return placeAt(tx, current.areaPath, ruleLevel, sensitive, rule);
}
