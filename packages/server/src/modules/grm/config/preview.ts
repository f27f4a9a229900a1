import { matchRoutingRule } from '@coso/domain';
import type { Db } from '../../../db/driver.js';
import { type FieldIssue, validationError } from '../../../http/app-error.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { findReference } from '../../../platform/reference/repo.js';
import { handlerRole, routeNewCase } from '../complaints/routing.js';
import { handlerCandidates, loadRoutingRules } from '../complaints/routing-repo.js';
import { userNames } from './committees-repo.js';
import { findRule } from './rules-repo.js';
import type { PreviewInput } from './schema.js';

export type RoutingPreview = Awaited<ReturnType<typeof previewRouting>>;

/**
 * What routing would do now with a new case of `category` in `villageId`, without recording anything: the
 * rule that matches, the placement routeNewCase computes, and the pool it picked the handler from.
 */
export async function previewRouting(db: Db, input: PreviewInput) {
  const [category, village] = await Promise.all([
    findReference(db, 'category', input.category),
    findUnit(db, input.villageId),
  ]);
  const issues: FieldIssue[] = [];
  if (!category?.active) issues.push({ path: 'category', message: 'unknown_category' });
  if (village?.level !== 'village') issues.push({ path: 'villageId', message: 'not_a_village' });
  if (!category?.active || village?.level !== 'village') throw validationError(issues);

  const match = matchRoutingRule(await loadRoutingRules(db), category.code, village.path);
  const placement = await routeNewCase(db, category.code, category.sensitive, village.path);
  const pool = await handlerCandidates(
    db,
    placement.handlingUnitId,
    handlerRole(category.sensitive, placement.handlingLevel),
    placement.committeeId,
  );
  const ids = [...pool.map((c) => c.userId), ...(placement.assigneeId ? [placement.assigneeId] : [])];
  const names = new Map((await userNames(db, ids)).map((u) => [u.id, u.displayName]));
  const nameOf = (id: string) => names.get(id) ?? '';
  return {
    rule: match ? ((await findRule(db, match.id)) ?? null) : null,
    handlingLevel: placement.handlingLevel,
    handlingUnit: (await findUnit(db, placement.handlingUnitId))!,
    /** Who would get the case: the rule's named person if active, else the least loaded candidate. */
    assignee: placement.assigneeId
      ? { id: placement.assigneeId, displayName: nameOf(placement.assigneeId) }
      : null,
    candidates: pool
      .map((c) => ({ id: c.userId, displayName: nameOf(c.userId), openCases: c.openCases }))
      .sort((a, b) => a.openCases - b.openCases || a.displayName.localeCompare(b.displayName)),
  };
}
