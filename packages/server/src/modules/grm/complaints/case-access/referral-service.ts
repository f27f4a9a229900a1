import { randomUUID } from 'node:crypto';
import {
  type CreateReferralInput,
  canRecordReferral,
  type ReferralOutcomeInput,
  referralDateIssues,
  seesPublishedSummaryOnly,
  togoDate,
} from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../../context.js';
import type { Db, Queryable } from '../../../../db/driver.js';
import { AppError, validationError } from '../../../../http/app-error.js';
import { loadVisible } from '../actions.js';
import { accessView } from '../presenter.js';
import { record } from './access-service.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

/** A case whose referrals the actor may record: whoever may comment on it (canRecordReferral), else 403. */
async function loadForReferral(q: Queryable, actor: AuthUser, id: string) {
  const c = await loadVisible(q, actor, id, true);
  if (!canRecordReferral(actor, accessView(c))) throw new AppError('forbidden');
  return c;
}

function checkDates(
  r: { referredOn: string; outcome?: string | null; outcomeOn?: string | null },
  today: string,
) {
  const issues = referralDateIssues(r, today);
  if (issues.length) throw validationError(issues);
}

/**
 * Referrals of the complainant to services (health, psycho-social, legal, police…) and what came of them —
 * survivor-centred handling, mostly of sensitive cases. Not the lifecycle action 'refer', which closes a
 * case sent to another body. The timeline and the audit log name the service and dates, never the outcome's
 * free text (minimal data: the referral itself holds it).
 */
export function createReferralService({ db, today = () => togoDate() }: { db: Db; today?: () => string }) {
  return {
    /** Readable by whoever sees the case as a handler; not by wider staff reading a published summary. */
    async list(actor: AuthUser, id: string) {
      const c = await loadVisible(db, actor, id);
      if (seesPublishedSummaryOnly(actor, accessView(c))) throw new AppError('forbidden');
      return repo.listReferrals(db, id);
    },

    async create(ctx: Ctx, id: string, input: CreateReferralInput) {
      const referralId = randomUUID();
      await db.transaction(async (tx) => {
        await loadForReferral(tx, ctx.actor, id);
        checkDates(input, today());
        const row = {
          id: referralId,
          complaintId: id,
          service: input.service,
          provider: input.provider ?? null,
          referredOn: input.referredOn,
          outcome: input.outcome ?? null,
          outcomeOn: input.outcomeOn ?? null,
          createdBy: ctx.actor.id,
        };
        await repo.insertReferral(tx, row);
        const payload = {
          referralId,
          service: row.service,
          referredOn: row.referredOn,
          outcomeOn: row.outcomeOn,
        };
        await record(tx, ctx, id, 'referral_recorded', payload, { ...payload, provider: row.provider });
      });
      return (await repo.findReferral(db, id, referralId))!;
    },

    async recordOutcome(ctx: Ctx, id: string, referralId: string, input: ReferralOutcomeInput) {
      await db.transaction(async (tx) => {
        await loadForReferral(tx, ctx.actor, id);
        const before = await repo.findReferral(tx, id, referralId, true);
        if (!before) throw new AppError('not_found');
        checkDates({ referredOn: before.referredOn, ...input }, today());
        await repo.updateReferralOutcome(tx, referralId, input.outcome, input.outcomeOn);
        await record(
          tx,
          ctx,
          id,
          'referral_outcome',
          { referralId, service: before.service, outcomeOn: input.outcomeOn },
          {
            referralId,
            outcomeOn: { from: before.outcomeOn, to: input.outcomeOn },
            corrected: before.outcome !== null,
          },
        );
      });
      return (await repo.findReferral(db, id, referralId))!;
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
