import { randomUUID } from 'node:crypto';
import type { AuthUser, RequestContext } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { AppError, type FieldIssue, validationError } from '../../../http/app-error.js';
import { definedOnly } from '../../../lib/objects.js';
import { appendAudit, diffFields } from '../../../platform/audit/repo.js';
import { findUnit } from '../../../platform/geo/repo.js';
import * as repo from './committees-repo.js';
import type { CreateCommitteeInput, UpdateCommitteeInput } from './schema.js';

export type Ctx = RequestContext & { actor: AuthUser };

export type CommitteeService = ReturnType<typeof createCommitteeService>;

const sorted = (ids: readonly string[]) => [...ids].sort();

/**
 * Members named for the first time must be active users; a member kept from before may have been
 * deactivated since (routing skips inactive users anyway), so that the list can still be edited.
 */
async function checkMembers(tx: Queryable, memberIds: readonly string[], kept: readonly string[] = []) {
  const active = await repo.activeUserIds(tx, memberIds);
  const issues: FieldIssue[] = [];
  memberIds.forEach((id, i) => {
    if (memberIds.indexOf(id) !== i) issues.push({ path: `memberIds.${i}`, message: 'duplicate' });
    else if (!active.has(id) && !kept.includes(id))
      issues.push({ path: `memberIds.${i}`, message: 'not_an_active_user' });
  });
  if (issues.length) throw validationError(issues);
}

async function guardCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, 'grm_committees_code_key')) throw new AppError('code_taken');
    throw err;
  }
}

/** The one writer of grievance committees and project departments, and of their members. */
export function createCommitteeService({ db }: { db: Db }) {
  async function load(id: string, q: Queryable = db, forUpdate = false) {
    const committee = await repo.findCommittee(q, id, forUpdate);
    if (!committee) throw new AppError('not_found');
    return committee;
  }

  return {
    get: (id: string) => load(id),

    /** An unknown `unitId` filter gives an empty list rather than an error, like other list filters. */
    async list(filter: Omit<repo.CommitteeFilter, 'withinPath'> & { unitId?: string | undefined }) {
      const { unitId, ...rest } = filter;
      const withinPath = unitId ? ((await findUnit(db, unitId))?.path ?? '/none/') : undefined;
      return repo.listCommittees(db, { ...rest, withinPath });
    },

    create(ctx: Ctx, input: CreateCommitteeInput) {
      const id = randomUUID();
      return guardCode(() =>
        db.transaction(async (tx) => {
          if (!(await findUnit(tx, input.unitId)))
            throw validationError([{ path: 'unitId', message: 'unknown_geo_unit' }]);
          await checkMembers(tx, input.memberIds);
          await repo.insertCommittee(tx, { ...input, id, active: true });
          await repo.setMembers(tx, id, input.memberIds);
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'grm_committee',
            entityId: id,
            action: 'create',
            changes: { ...input },
            ip: ctx.ip,
          });
          return load(id, tx);
        }),
      );
    },

    update(ctx: Ctx, id: string, input: UpdateCommitteeInput) {
      return guardCode(() =>
        db.transaction(async (tx) => {
          const before = await load(id, tx, true);
          const current = {
            code: before.code,
            name: before.name,
            active: before.active,
            memberIds: sorted(before.members.map((m) => m.id)),
          };
          const next = { ...current, ...definedOnly(input) };
          const changes = diffFields(current, { ...next, memberIds: sorted(next.memberIds) });
          if (Object.keys(changes).length === 0) return before;
          if (changes.memberIds) await checkMembers(tx, next.memberIds, current.memberIds);
          // A rule naming an inactive committee would still send cases to its members: retire the rules first.
          if (changes.active && !next.active) {
            const rules = await repo.activeRulesOfCommittee(tx, id);
            if (rules.length) throw new AppError('conflict', { reason: 'committee_in_use', rules });
          }
          await repo.updateCommittee(tx, id, next);
          if (changes.memberIds) await repo.setMembers(tx, id, next.memberIds);
          await appendAudit(tx, {
            actorId: ctx.actor.id,
            entity: 'grm_committee',
            entityId: id,
            action: 'update',
            changes,
            ip: ctx.ip,
          });
          return load(id, tx);
        }),
      );
    },
  };
}
