import { isWithin } from '../../../platform/geo.js';

export interface RoutingRule {
  id: string;
  categoryCode: string | null;
  /** Path of the rule's area; null = everywhere. */
  areaPath: string | null;
  handlingLevel: string;
  committeeId: string | null;
  assigneeId: string | null;
  priority: number;
}

/**
 * The rule that decides where a case goes: among the rules matching its category and place, the most specific
 * (a named category beats "any"; a smaller area beats a larger one), then the highest priority.
 */
export function matchRoutingRule(
  rules: readonly RoutingRule[],
  categoryCode: string,
  villagePath: string,
): RoutingRule | undefined {
  const depth = (p: string | null) => (p ? p.split('/').length : 0);
  return rules
    .filter((r) => r.categoryCode === null || r.categoryCode === categoryCode)
    .filter((r) => r.areaPath === null || isWithin(villagePath, r.areaPath))
    .sort(
      (a, b) =>
        Number(b.categoryCode !== null) - Number(a.categoryCode !== null) ||
        depth(b.areaPath) - depth(a.areaPath) ||
        b.priority - a.priority,
    )[0];
}

export interface HandlerCandidate {
  userId: string;
  openCases: number;
}

/** The least loaded candidate; ties go to the smallest id, so the choice is reproducible. */
export function pickHandler(candidates: readonly HandlerCandidate[]): string | null {
  const sorted = [...candidates].sort(
    (a, b) => a.openCases - b.openCases || a.userId.localeCompare(b.userId),
  );
  return sorted[0]?.userId ?? null;
}

/**
 * The level a case climbs to from `level`: the first level of the chain above it (by rank, so a case handled
 * at a level the chain skips still climbs), or null at the top.
 */
export function nextLevel(
  chain: readonly string[],
  level: string,
  rankOf: (level: string) => number,
): string | null {
  const current = rankOf(level);
  return chain.filter((l) => rankOf(l) < current).sort((a, b) => rankOf(b) - rankOf(a))[0] ?? null;
}
