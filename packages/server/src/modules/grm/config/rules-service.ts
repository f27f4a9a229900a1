import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError, type FieldIssue, validationError } from '../../../http/app-error.js';
import { definedOnly } from '../../../lib/objects.js';
import { appendAudit, diffFields } from '../../../platform/audit/repo.js';
import { findUnit, listLevels } from '../../../platform/geo/repo.js';
import { findReference } from '../../../platform/reference/repo.js';
import { TOP_LEVEL } from './chains-service.js';
import { activeUserIds, lockActiveCommittee } from './committees-repo.js';
import type { Ctx } from './committees-service.js';
import * as repo from './rules-repo.js';
import type { CreateRuleInput, UpdateRuleInput } from './schema.js';

export type RuleService = ReturnType<typeof createRuleService>;

type RuleField = keyof repo.RuleWrite;

const isCatchAll = (r: repo.RuleWrite) => r.active && r.categoryCode === null && r.areaId === null;

function writeOf(r: repo.RuleWrite): repo.RuleWrite {
  return {
    categoryCode: r.categoryCode,
    areaId: r.areaId,
    handlingLevel: r.handlingLevel,
    committeeId: r.committeeId,
    assigneeId: r.assigneeId,
    priority: r.priority,
    active: r.active,
  };
}

/** API field names → columns of the rule. */
function toWrite(input: UpdateRuleInput): Partial<repo.RuleWrite> {
  const { category, ...rest } = input;
  return definedOnly({ ...rest, categoryCode: category });
}

/**
 * Checks the references a rule makes. Only fields being set are checked for existence, so that a rule whose
 * category or person was retired since can still be edited or switched off; the sensitivity rule is checked
 * on the whole resulting rule, since a category may have become sensitive after the rule was written.
 */
async function checkRule(tx: Queryable, rule: repo.RuleWrite, changed: ReadonlySet<RuleField>) {
  const issues: FieldIssue[] = [];
  const category = rule.categoryCode ? await findReference(tx, 'category', rule.categoryCode) : undefined;
  if (changed.has('categoryCode') && rule.categoryCode && !category?.active)
    issues.push({ path: 'category', message: 'unknown_category' });
  const levels = await listLevels(tx);
  if (changed.has('handlingLevel') && !levels.some((l) => l.code === rule.handlingLevel))
    issues.push({ path: 'handlingLevel', message: 'unknown_level' });
  // Sensitive cases skip local levels (GRM.md): they go straight to the national focal points.
  else if (rule.active && category?.sensitive && rule.handlingLevel !== TOP_LEVEL)
    issues.push({ path: 'handlingLevel', message: 'sensitive_routes_nationally' });
  if (changed.has('areaId') && rule.areaId && !(await findUnit(tx, rule.areaId)))
    issues.push({ path: 'areaId', message: 'unknown_geo_unit' });
  // Routing would still hand cases to the members of an inactive committee: switching a rule back on
  // checks its committee too.
  const committeeSet = changed.has('committeeId') || (changed.has('active') && rule.active);
  if (committeeSet && rule.committeeId && !(await lockActiveCommittee(tx, rule.committeeId)))
    issues.push({ path: 'committeeId', message: 'not_an_active_committee' });
  if (changed.has('assigneeId') && rule.assigneeId && !(await activeUserIds(tx, [rule.assigneeId])).size)
    issues.push({ path: 'assigneeId', message: 'not_an_active_user' });
  if (issues.length) throw validationError(issues);
}

/** Without an active catch-all rule, a case of a new category or in a new area could not be routed. */
async function keepCatchAll(tx: Queryable, ruleId: string) {
  const others = (await repo.catchAllRuleIds(tx)).filter((id) => id !== ruleId);
  if (others.length === 0) throw new AppError('conflict', { reason: 'last_catch_all_rule' });
}

/** The one writer of the routing rule table. */
export function createRuleService({ db }: { db: Db }) {
  async function load(id: string, q: Queryable = db) {
    const rule = await repo.findRule(q, id);
    if (!rule) throw new AppError('not_found');
    return rule;
  }

  return {
    list: () => repo.listRules(db),
    get: (id: string) => load(id),

    async create(ctx: Ctx, input: CreateRuleInput) {
      const id = randomUUID();
      const rule = writeOf({ ...input, categoryCode: input.category });
      return db.transaction(async (tx) => {
        await repo.lockRules(tx);
        await checkRule(tx, rule, new Set(Object.keys(rule) as RuleField[]));
        await repo.insertRule(tx, id, rule);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'routing_rule',
          entityId: id,
          action: 'create',
          changes: { ...rule },
          ip: ctx.ip,
        });
        return load(id, tx);
      });
    },

    async update(ctx: Ctx, id: string, input: UpdateRuleInput) {
      return db.transaction(async (tx) => {
        await repo.lockRules(tx);
        const before = await load(id, tx);
        const current = writeOf(before);
        const next = { ...current, ...toWrite(input) };
        const changes = diffFields(current, next);
        if (Object.keys(changes).length === 0) return before;
        await checkRule(tx, next, new Set(Object.keys(changes) as RuleField[]));
        if (isCatchAll(current) && !isCatchAll(next)) await keepCatchAll(tx, id);
        await repo.updateRule(tx, id, next);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'routing_rule',
          entityId: id,
          action: 'update',
          changes,
          ip: ctx.ip,
        });
        return load(id, tx);
      });
    },

    async remove(ctx: Ctx, id: string) {
      await db.transaction(async (tx) => {
        await repo.lockRules(tx);
        const rule = writeOf(await load(id, tx));
        if (isCatchAll(rule)) await keepCatchAll(tx, id);
        await repo.deleteRule(tx, id);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'routing_rule',
          entityId: id,
          action: 'delete',
          changes: { ...rule },
          ip: ctx.ip,
        });
      });
    },
  };
}
