import {
  CASE_SHARE_ROLES,
  canShareCase,
  type GrantAccessInput,
  mayBeAddedToCase,
  seesPublishedSummaryOnly,
} from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../../context.js';
import type { Db, Queryable } from '../../../../db/driver.js';
import { AppError, validationError } from '../../../../http/app-error.js';
import { appendAudit } from '../../../../platform/audit/repo.js';
import { findUserById } from '../../../../platform/users/repo.js';
import { loadVisible } from '../actions.js';
import { accessView } from '../presenter.js';
import * as complaints from '../repo.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

/** A sensitive case the actor sees, else 404 (not visible) or 422 (sharing is for sensitive cases only). */
async function loadSensitive(q: Queryable, actor: AuthUser, id: string, forUpdate = false) {
  const c = await loadVisible(q, actor, id, forUpdate);
  if (!c.sensitive) throw new AppError('case_not_sensitive');
  return c;
}

/** The same, for changing who is added: the assignee or a sensitive-case focal point of the area (403). */
async function loadForSharing(q: Queryable, actor: AuthUser, id: string, forUpdate = false) {
  const c = await loadSensitive(q, actor, id, forUpdate);
  if (!canShareCase(actor, accessView(c))) throw new AppError('forbidden');
  return c;
}

/**
 * Explicit access to sensitive cases (GRM.md: "only the designated focal points, and people they explicitly
 * add"). Every grant and revocation bumps the case (its readers changed), appends a timeline event and an
 * audit entry in the same transaction.
 */
export function createCaseAccessService({ db }: { db: Db }) {
  return {
    /** Who was added; readable by whoever sees the case as a handler. */
    async list(actor: AuthUser, id: string) {
      const c = await loadSensitive(db, actor, id);
      if (seesPublishedSummaryOnly(actor, accessView(c))) throw new AppError('forbidden');
      return repo.listAccess(db, id);
    },

    /** People the actor may add, for the picker (only to those who may add). */
    async candidates(actor: AuthUser, id: string, q: string) {
      const c = await loadForSharing(db, actor, id);
      return repo.findCandidates(db, {
        complaintId: id,
        areaPath: c.areaPath,
        roles: CASE_SHARE_ROLES,
        q,
        limit: 20,
      });
    },

    async grant(ctx: Ctx, id: string, input: GrantAccessInput) {
      await db.transaction(async (tx) => {
        const c = await loadForSharing(tx, ctx.actor, id, true);
        const user = await findUserById(tx, input.userId);
        if (!user || !mayBeAddedToCase(user, accessView(c))) {
          throw validationError([{ path: 'userId', message: 'user_cannot_be_added' }]);
        }
        const added = await repo.insertAccess(tx, {
          complaintId: id,
          userId: user.id,
          addedBy: ctx.actor.id,
          reason: input.reason,
        });
        if (!added) throw new AppError('access_already_granted');
        await record(tx, ctx, id, 'access_granted', { userId: user.id, reason: input.reason });
      });
      return repo.listAccess(db, id);
    },

    async revoke(ctx: Ctx, id: string, userId: string) {
      await db.transaction(async (tx) => {
        await loadForSharing(tx, ctx.actor, id, true);
        const removed = await repo.deleteAccess(tx, id, userId);
        if (!removed) throw new AppError('not_found');
        await record(tx, ctx, id, 'access_revoked', { userId, grantedBy: removed.addedBy });
      });
      return repo.listAccess(db, id);
    },
  };
}

export type CaseAccessService = ReturnType<typeof createCaseAccessService>;

/** The case changed (version, sync sequence), its timeline says so, and the audit log too. */
export async function record(
  tx: Queryable,
  ctx: Ctx,
  id: string,
  kind: string,
  payload: Record<string, unknown>,
  audit: Record<string, unknown> = payload,
) {
  await complaints.updateComplaint(tx, id, {});
  await complaints.appendEvent(tx, {
    complaintId: id,
    actorId: ctx.actor.id,
    kind,
    fromStatus: null,
    toStatus: null,
    payload,
  });
  await appendAudit(tx, {
    actorId: ctx.actor.id,
    entity: 'complaint',
    entityId: id,
    action: kind,
    changes: audit,
    ip: ctx.ip,
  });
}
