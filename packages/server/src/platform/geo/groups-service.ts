import { randomUUID } from 'node:crypto';
import { inJurisdiction, type UpdateVillageGroupInput, type VillageGroupInput } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, type FieldIssue, validationError } from '../../http/app-error.js';
import { definedOnly } from '../../lib/objects.js';
import { appendAudit, diffFields } from '../audit/repo.js';
import * as groups from './groups-repo.js';
import { findUnit, findUnitsByIds } from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

export type VillageGroupService = ReturnType<typeof createVillageGroupService>;

/** The one writer of CVDs and geographical units (village groups inside a canton). */
export function createVillageGroupService({ db }: { db: Db }) {
  async function load(id: string, q: Queryable = db) {
    const group = await groups.findGroup(q, id);
    if (!group) throw new AppError('not_found');
    return group;
  }

  /** The villages must be villages of the canton; a CVD has its headquarters among them. */
  async function validate(tx: Queryable, g: groups.GroupWrite, actor: AuthUser) {
    const canton = await findUnit(tx, g.cantonId);
    if (canton?.level !== 'canton') throw validationError([{ path: 'cantonId', message: 'not_a_canton' }]);
    if (!inJurisdiction(actor, canton.path)) throw new AppError('outside_jurisdiction');
    const villages = await findUnitsByIds(tx, g.villageIds);
    const issues: FieldIssue[] = [];
    g.villageIds.forEach((id, i) => {
      const v = villages.find((u) => u.id === id);
      if (v?.level !== 'village' || v.parentId !== canton.id) {
        issues.push({ path: `villageIds.${i}`, message: 'not_a_village_of_canton' });
      }
    });
    if (new Set(g.villageIds).size !== g.villageIds.length)
      issues.push({ path: 'villageIds', message: 'duplicate' });
    if (g.kind === 'cvd' && !g.headquartersVillageId) {
      issues.push({ path: 'headquartersVillageId', message: 'required' });
    }
    if (g.headquartersVillageId && !g.villageIds.includes(g.headquartersVillageId)) {
      issues.push({ path: 'headquartersVillageId', message: 'headquarters_not_member' });
    }
    for (const taken of await groups.villagesTakenElsewhere(tx, g.kind, g.villageIds, g.id)) {
      issues.push({
        path: `villageIds.${g.villageIds.indexOf(taken.villageId)}`,
        message: `already_in_group:${taken.groupCode}`,
      });
    }
    if (issues.length) throw validationError(issues);
  }

  async function write(ctx: Ctx, g: groups.GroupWrite, action: string, changes: object) {
    try {
      return await db.transaction(async (tx) => {
        await validate(tx, g, ctx.actor);
        await groups.upsertGroup(tx, g);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'village_group',
          entityId: g.id,
          action,
          changes: changes as Record<string, unknown>,
          ip: ctx.ip,
        });
        return load(g.id, tx);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'village_groups_code_key')) throw new AppError('code_taken');
      // validate() saw the villages free; another request took one since (the table keeps the rule).
      if (isUniqueViolation(err, 'village_group_members_kind_village_id_key')) {
        throw validationError([{ path: 'villageIds', message: 'already_in_group' }]);
      }
      throw err;
    }
  }

  return {
    list: (filter: groups.GroupFilter) => groups.listGroups(db, filter),
    get: (id: string) => load(id),

    create: (ctx: Ctx, input: VillageGroupInput) =>
      write(ctx, { id: randomUUID(), ...input }, 'create', input),

    async update(ctx: Ctx, id: string, input: UpdateVillageGroupInput) {
      const before = await load(id);
      const current = {
        code: before.code,
        name: before.name,
        headquartersVillageId: before.headquartersVillageId,
        villageIds: before.villages.map((v) => v.id),
      };
      const changes = diffFields(current, input);
      if (Object.keys(changes).length === 0) return before;
      const next = { ...current, ...definedOnly(input) };
      return write(ctx, { ...next, id, kind: before.kind, cantonId: before.cantonId }, 'update', changes);
    },

    async remove(ctx: Ctx, id: string) {
      await db.transaction(async (tx) => {
        const group = await load(id, tx);
        if (!inJurisdiction(ctx.actor, group.cantonPath)) throw new AppError('outside_jurisdiction');
        await groups.deleteGroup(tx, id);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'village_group',
          entityId: id,
          action: 'delete',
          changes: { code: group.code, name: group.name },
          ip: ctx.ip,
        });
      });
    },
  };
}
