import { type ComplaintAction, formatTrackingCode, normalizeTrackingCode } from '@coso/domain';
import type { RequestContext } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { enqueue, isQueued } from '../../../platform/notifications/outbox.js';
import type { Vault } from '../../../vault/vault.js';
import { applyActionInTx } from '../complaints/actions.js';
import * as repo from '../complaints/repo.js';
import type { ComplaintService } from '../complaints/service.js';
import type { DeadlineService } from '../deadlines/service.js';
import { presentTracking } from './present.js';
import { notFoundError, recoverCode } from './recover.js';
import type { PublicAnswer, PublicComplaintInput } from './schema.js';
import { issueOtp, type Proof, phoneOf, verifyProof } from './verify.js';

/** The channel code of the public web form in the reference list (0003-grievance-reference). */
export const WEB_CHANNEL = 'web';

export type PublicService = ReturnType<typeof createPublicService>;

async function idByCode(q: Queryable, code: string): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>('select id from complaints where tracking_code = $1', [code]);
  return row?.id;
}

/** The lifecycle action behind each decision; the 'public' source lands in the event's payload. */
function actionOf(answer: PublicAnswer) {
  switch (answer.decision) {
    case 'accept':
      return { action: 'record_answer', answer: 'accepted', appeal: false, ...rated(answer) } as const;
    case 'reject':
      return { action: 'record_answer', answer: 'rejected', appeal: false, ...rated(answer) } as const;
    case 'appeal':
      return { action: 'record_answer', answer: 'rejected', appeal: true, comment: answer.reason } as const;
    case 'rate':
      return null;
  }
}
const rated = (a: { satisfaction?: number | undefined; comment?: string | undefined }) => ({
  ...(a.satisfaction !== undefined ? { satisfaction: a.satisfaction } : {}),
  ...(a.comment ? { comment: a.comment } : {}),
});

export function createPublicService(deps: {
  db: Db;
  vault: Vault;
  complaints: ComplaintService;
  deadlines: DeadlineService;
}) {
  const { db, vault, complaints, deadlines } = deps;

  /** The case behind a typed code, or the 404 (which never suggests an existing code: see recover.ts). */
  async function resolve(input: string) {
    const code = normalizeTrackingCode(input);
    const id = await idByCode(db, code);
    if (!id) throw notFoundError(code);
    return (await repo.findComplaint(db, id))!;
  }

  /** Satisfaction given after closure (no lifecycle action: the case stays closed), once. */
  async function rateClosed(tx: Queryable, ctx: RequestContext, c: repo.ComplaintRow, answer: PublicAnswer) {
    if (answer.decision !== 'rate') return;
    const [row] = await tx.query<{ status: string; satisfaction: number | null }>(
      'select status, satisfaction from complaints where id = $1 for update',
      [c.id],
    );
    if (row!.status !== 'closed' || row!.satisfaction !== null) throw new AppError('rating_not_possible');
    await repo.updateComplaint(tx, c.id, { satisfaction: answer.satisfaction });
    await repo.appendEvent(tx, {
      complaintId: c.id,
      actorId: null,
      kind: 'satisfaction_rated',
      fromStatus: 'closed',
      toStatus: 'closed',
      payload: { source: 'public', satisfaction: answer.satisfaction, ...rated({ comment: answer.comment }) },
    });
    await appendAudit(tx, {
      actorId: null,
      entity: 'complaint',
      entityId: c.id,
      action: 'satisfaction_rated',
      changes: { source: 'public', satisfaction: answer.satisfaction },
      ip: ctx.ip,
    });
  }

  return {
    /** Files through the one complaint writer, as the web channel, with no actor. */
    async file(ctx: RequestContext, input: PublicComplaintInput) {
      const created = await complaints.create(ctx, { ...input, channel: WEB_CHANNEL }, 'public');
      // The confirmation page says whether an SMS follows: only if the producers queued one (consent, a
      // phone, not anonymous), so the page never promises what the rules did not send.
      const smsFollows = await isQueued(
        db,
        { type: 'complaint', id: created.id },
        'complainant_receipt',
        'sms',
      );
      return { trackingCode: formatTrackingCode(created.trackingCode), smsFollows };
    },

    async track(code: string) {
      const c = await resolve(code);
      return presentTracking(c, await deadlines.forCase(c.id));
    },

    /** The correct code for a mistyped one, to whoever knows the end of the phone number given at filing. */
    recover(ctx: RequestContext, code: string, last4: string) {
      return recoverCode(db, vault, ctx, code, last4);
    },

    /** Queues an SMS with a fresh one-time code to the phone the complainant gave. */
    async requestOtp(code: string) {
      const c = await resolve(code);
      if (!(await phoneOf(db, vault, c.id))) throw new AppError('no_phone_on_file');
      await db.transaction(async (tx) => {
        const otp = await issueOtp(tx, c.id);
        await enqueue(tx, {
          topic: 'public_otp',
          channel: 'sms',
          recipient: { kind: 'complainant' },
          subject: { type: 'complaint', id: c.id },
          payload: { trackingCode: formatTrackingCode(c.trackingCode), otp },
        });
        await appendAudit(tx, {
          actorId: null,
          entity: 'complaint',
          entityId: c.id,
          action: 'public_otp_requested',
          changes: {},
          ip: null,
        });
      });
    },

    /**
     * The citizen's answer to a proposed resolution (accept, reject, appeal) or their rating of a closed case.
     * The state is checked before the proof so a late answer does not burn a one-time code.
     */
    async answer(ctx: RequestContext, code: string, answer: PublicAnswer) {
      const c = await resolve(code);
      const action = actionOf(answer);
      if (action && c.status !== 'resolution_proposed') throw new AppError('answer_not_expected');
      if (!action && (c.status !== 'closed' || c.satisfaction !== null))
        throw new AppError('rating_not_possible');
      const proof: Proof = answer.last4 !== undefined ? { last4: answer.last4 } : { otp: answer.otp! };
      await verifyProof(db, vault, c.id, proof);
      await db.transaction(async (tx) => {
        if (!action) return rateClosed(tx, ctx, c, answer);
        const withSource = { ...action, source: 'public' };
        try {
          await applyActionInTx(tx, { actor: null, ip: ctx.ip }, c.id, withSource as ComplaintAction, {
            vault,
          });
        } catch (err) {
          // Someone acted on the case between our check and this transaction.
          if (err instanceof AppError && err.code === 'transition_not_allowed')
            throw new AppError('answer_not_expected');
          throw err;
        }
      });
      return presentTracking((await repo.findComplaint(db, c.id))!, await deadlines.forCase(c.id));
    },

    /** Children of a unit (top-level units without parent), to pick a village step by step. */
    villages(parent: string | undefined) {
      return db.query<{ id: string; name: string; level: string }>(
        `select id, name, level from geo_units
          where ${parent ? 'parent_id = $1' : 'parent_id is null'} order by name_key, id limit 1000`,
        parent ? [parent] : [],
      );
    },
  };
}
