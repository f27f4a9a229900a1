import {
  type Actor,
  type ComplaintAction,
  canAct,
  canSeeComplaint,
  inFilerWindow,
  isActionAllowed,
  mayHandleCase,
  transition,
} from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { findReference } from '../../../platform/reference/repo.js';
import { findUserById } from '../../../platform/users/repo.js';
import type { Vault } from '../../../vault/vault.js';
import { syncDeadlines } from '../deadlines/sync.js';
import { notifyEvent } from '../notifications/producers.js';
import { accessView } from './presenter.js';
import { recategoriseChange, recomputeOpenDeadlines } from './recategorise.js';
import * as repo from './repo.js';
import { routeUp } from './routing.js';

type Ctx = RequestContext & { actor: AuthUser };

/** Loads a case the actor may see, else 404: a case outside one's scope does not exist for them. */
export async function loadVisible(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  const c = await repo.findComplaint(q, id, forUpdate);
  if (!c || !canSeeComplaint(actor, accessView(c))) throw new AppError('not_found');
  return c;
}

/**
 * A case for finishing its intake: visible as usual, or still within its filer's window (a facilitator who
 * just filed a sensitive case may attach its files and print its receipt, nothing more).
 */
export async function loadForIntake(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  const c = await repo.findComplaint(q, id, forUpdate);
  if (c && inFilerWindow(actor, c, new Date())) return { complaint: c, filer: true };
  return { complaint: await loadVisible(q, actor, id, forUpdate), filer: false };
}

/** Checks that the minutes named by a resolution are an attachment of this case marked as minutes. */
async function checkMinutes(tx: Queryable, c: repo.ComplaintRow, attachmentId: string | undefined) {
  const category = await findReference(tx, 'category', c.categoryCode);
  if (!category?.requiresMinutes && !attachmentId) return;
  const rows = attachmentId
    ? await tx.query(
        `select 1 from complaint_attachments where id = $1 and complaint_id = $2 and purpose = 'minutes'`,
        [attachmentId, c.id],
      )
    : [];
  if (rows.length === 0)
    throw validationError([{ path: 'minutesAttachmentId', message: 'minutes_required' }]);
}

/**
 * A new assignee must be an active user who may handle the case at its current level (domain assignment.ts):
 * a handling role for its sensitivity, over its handling unit — never a supervisor, analyst or facilitator,
 * whatever else they may read.
 */
async function checkAssignee(tx: Queryable, c: repo.ComplaintRow, assigneeId: string) {
  const user = await findUserById(tx, assigneeId);
  if (!user || !mayHandleCase(user, accessView(c))) {
    throw validationError([{ path: 'assigneeId', message: 'assignee_cannot_handle_case' }]);
  }
}

/**
 * Applies one lifecycle action: the lifecycle decides whether it is possible now (409 otherwise), the policy
 * whether this actor may take it (403), then the change, its event and its audit entry are written together.
 */
export async function applyAction(
  db: Db,
  ctx: Ctx,
  id: string,
  action: ComplaintAction,
  baseVersion?: number,
  vault?: Vault,
) {
  return db.transaction((tx) => applyActionInTx(tx, ctx, id, action, { baseVersion, vault }));
}

/**
 * The same action inside a caller's transaction. A context without actor is the system (the deadline scan's
 * automatic escalation): it passes the lifecycle check but no policy, since no person acts; its event and
 * audit entry have no actor.
 */
export async function applyActionInTx(
  tx: Queryable,
  ctx: RequestContext,
  id: string,
  action: ComplaintAction,
  {
    baseVersion,
    now = new Date(),
    vault,
  }: {
    baseVersion?: number | undefined;
    now?: Date;
    /** To message the complainant who consented (notifications/producers.ts); the scan has none to send. */
    vault?: Vault | undefined;
  } = {},
) {
  const c = ctx.actor ? await loadVisible(tx, ctx.actor, id, true) : await repo.findComplaint(tx, id, true);
  if (!c) throw new AppError('not_found');
  if (baseVersion !== undefined && baseVersion !== c.version) {
    throw new AppError('version_conflict', { currentVersion: c.version, status: c.status });
  }
  if (!isActionAllowed(c.status, action.action)) {
    throw new AppError('transition_not_allowed', { status: c.status, action: action.action });
  }
  if (ctx.actor && !canAct(ctx.actor, accessView(c), action.action)) throw new AppError('forbidden');
  const result = transition(c.status, action)!;
  let change: repo.ComplaintChange = { status: result.to };
  let extra: Record<string, unknown> = {};
  switch (action.action) {
    case 'acknowledge':
      change.acknowledgedAt = now;
      break;
    case 'propose_resolution':
      await checkMinutes(tx, c, action.minutesAttachmentId);
      change.resolutionProposedAt = now;
      break;
    case 'record_answer':
      if (action.satisfaction !== undefined) change.satisfaction = action.satisfaction;
      break;
    case 'reassign':
      await checkAssignee(tx, c, action.assigneeId);
      change.assigneeId = action.assigneeId;
      break;
    case 'take_over':
      // canAct checked that this actor may handle the case; the system never takes a case over.
      if (!ctx.actor) throw new AppError('forbidden');
      change.assigneeId = ctx.actor.id;
      break;
    case 'recategorise': {
      const r = await recategoriseChange(tx, ctx.actor ?? null, c, action);
      change = { ...change, ...r.change };
      extra = r.payload;
      break;
    }
    case 'reopen':
      change.closedAt = null;
      change.closureOutcome = null;
      break;
  }
  if (result.outcome) change.closureOutcome = result.outcome;
  if (['closed', 'ineligible', 'withdrawn', 'referred'].includes(result.to)) change.closedAt = now;
  if (result.levelUp) {
    const placement = await routeUp(tx, c);
    if (!placement) throw new AppError('no_higher_level');
    Object.assign(change, placement);
    if (action.action === 'escalate') change.escalationCount = c.escalationCount + 1;
    else change.appealCount = c.appealCount + 1;
  }
  await repo.updateComplaint(tx, id, change);
  await syncDeadlines(tx, id, { from: c.status, to: result.to, at: now });
  // A new category or level may have other SLA days (sla_settings are per level and category).
  if (action.action === 'recategorise') await recomputeOpenDeadlines(tx, id);
  const { action: kind, ...payload } = action;
  const reassigned = change.assigneeId !== undefined && change.assigneeId !== c.assigneeId;
  const eventId = await repo.appendEvent(tx, {
    complaintId: id,
    actorId: ctx.actor?.id ?? null,
    kind,
    fromStatus: c.status,
    toStatus: result.to,
    payload: {
      ...payload,
      ...extra,
      ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
      ...(reassigned ? { previousAssigneeId: c.assigneeId } : {}),
    },
  });
  await notifyEvent(
    tx,
    { vault },
    {
      id: eventId,
      complaintId: id,
      // A case recategorised into someone else's hands is a case assigned to them: they hear it as such.
      kind: action.action === 'recategorise' && reassigned ? 'reassign' : kind,
      actorId: ctx.actor?.id ?? null,
      toStatus: result.to,
      // Whom a take-over took the case from: they are told.
      ...(reassigned ? { payload: { previousAssigneeId: c.assigneeId } } : {}),
    },
  );
  await appendAudit(tx, {
    actorId: ctx.actor?.id ?? null,
    entity: 'complaint',
    entityId: id,
    action: kind,
    changes: {
      status: { from: c.status, to: result.to },
      ...(result.levelUp ? { level: change.handlingLevel } : {}),
      ...(reassigned ? { assigneeId: { from: c.assigneeId, to: change.assigneeId } } : {}),
      ...(action.action === 'recategorise' ? recategoriseAudit(c, change) : {}),
    },
    ip: ctx.ip,
  });
}

/** What a recategorisation changed, for the audit log (codes and flags only, never free text). */
function recategoriseAudit(c: repo.ComplaintRow, change: repo.ComplaintChange) {
  return {
    category: { from: c.categoryCode, to: change.categoryCode },
    type: { from: c.typeCode, to: change.typeCode },
    sensitive: { from: c.sensitive, to: change.sensitive },
    level: { from: c.handlingLevel, to: change.handlingLevel },
  };
}
