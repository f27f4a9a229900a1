import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../../db/driver.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { AppError, type FieldIssue, validationError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { findUnit, listLevels } from '../../../platform/geo/repo.js';
import * as repo from './chains-repo.js';
import type { Ctx } from './committees-service.js';

export type ChainService = ReturnType<typeof createChainService>;

/** Every chain climbs to the national unit: escalation must always have somewhere to end. */
export const TOP_LEVEL = 'country';

/**
 * Problems of a chain: known level codes, no repeats, lowest level first (geo_levels.rank decreases along
 * the chain, the village having the largest rank), ending at the country. Levels may be skipped.
 */
export function chainIssues(levels: readonly string[], ranks: ReadonlyMap<string, number>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let previous: number | undefined;
  levels.forEach((level, i) => {
    const rank = ranks.get(level);
    if (rank === undefined) issues.push({ path: `levels.${i}`, message: 'unknown_level' });
    else if (levels.indexOf(level) !== i) issues.push({ path: `levels.${i}`, message: 'duplicate' });
    else if (previous !== undefined && rank >= previous)
      issues.push({ path: `levels.${i}`, message: 'out_of_order' });
    if (rank !== undefined) previous = rank;
  });
  if (levels[levels.length - 1] !== TOP_LEVEL)
    issues.push({ path: 'levels', message: 'must_end_with_country' });
  return issues;
}

/** The one writer of escalation chains: the default one and one per region that needs its own. */
export function createChainService({ db }: { db: Db }) {
  async function checkLevels(tx: Queryable, levels: readonly string[]) {
    const ranks = new Map((await listLevels(tx)).map((l) => [l.code, l.rank]));
    const issues = chainIssues(levels, ranks);
    if (issues.length) throw validationError(issues);
  }

  async function checkRegion(tx: Queryable, regionId: string) {
    const unit = await findUnit(tx, regionId);
    if (unit?.level !== 'region') throw validationError([{ path: 'regionId', message: 'not_a_region' }]);
  }

  return {
    list: () => repo.listChains(db),

    /** Creates or replaces the chain of a region (or the default chain when `regionId` is null). */
    async save(ctx: Ctx, regionId: string | null, levels: string[]) {
      try {
        return await db.transaction(async (tx) => {
          if (regionId) await checkRegion(tx, regionId);
          await checkLevels(tx, levels);
          const before = await repo.findChainForUpdate(tx, regionId);
          if (before && before.levels.join() === levels.join()) return before;
          const id = before?.id ?? randomUUID();
          if (before) await repo.updateChainLevels(tx, id, levels);
          else await repo.insertChain(tx, id, regionId, levels);
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'escalation_chain',
            entityId: id,
            action: before ? 'update' : 'create',
            changes: before ? { levels: { from: before.levels, to: levels } } : { regionId, levels },
            ip: ctx.ip,
          });
          return (await repo.findChain(tx, id))!;
        });
      } catch (err) {
        // Two administrators creating the same region's chain at once: the second one retries.
        if (isUniqueViolation(err)) throw new AppError('conflict');
        throw err;
      }
    },

    /** Removes a region's own chain; its cases then climb the default chain. */
    async remove(ctx: Ctx, regionId: string) {
      await db.transaction(async (tx) => {
        await checkRegion(tx, regionId);
        const chain = await repo.findChainForUpdate(tx, regionId);
        if (!chain) throw new AppError('not_found');
        await repo.deleteChain(tx, chain.id);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'escalation_chain',
          entityId: chain.id,
          action: 'delete',
          changes: { regionId, levels: chain.levels },
          ip: ctx.ip,
        });
      });
    },
  };
}
