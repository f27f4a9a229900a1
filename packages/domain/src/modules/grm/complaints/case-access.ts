import { z } from 'zod';
import { clientDaySchema } from '../../../platform/date-bounds.js';

/** Services a survivor may be referred to (GRM.md, survivor-centred handling of sensitive cases). */
export const REFERRAL_SERVICES = ['health', 'psychosocial', 'legal', 'police', 'other'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

/** POST /complaints/:id/access: a person added to a sensitive case, and why. */
export const grantAccessSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(5).max(500),
});
export type GrantAccessInput = z.infer<typeof grantAccessSchema>;

/** POST /complaints/:id/referrals. Dates are calendar days in Togo (UTC+0); the server checks them. */
export const createReferralSchema = z.object({
  service: z.enum(REFERRAL_SERVICES),
  provider: z.string().trim().min(1).max(200).nullish(),
  referredOn: clientDaySchema,
  outcome: z.string().trim().min(1).max(2000).nullish(),
  outcomeOn: clientDaySchema.nullish(),
});
export type CreateReferralInput = z.infer<typeof createReferralSchema>;

/** PATCH /complaints/:id/referrals/:referralId: what came of the referral, and when. */
export const referralOutcomeSchema = z.object({
  outcome: z.string().trim().min(1).max(2000),
  outcomeOn: clientDaySchema,
});
export type ReferralOutcomeInput = z.infer<typeof referralOutcomeSchema>;

/** POST /complaints/:id/publish: the sanitised summary wider staff will read instead of the description. */
export const publishSummarySchema = z.object({
  summary: z.string().trim().min(10).max(2000),
});
export type PublishSummaryInput = z.infer<typeof publishSummarySchema>;

/**
 * The date problems of a referral, as field issues: no date in the future (a referral records what was done),
 * an outcome not before the referral itself, and an outcome always with its date. `today` is the Togo calendar day (YYYY-MM-DD).
 */
export function referralDateIssues(
  r: { referredOn: string; outcome?: string | null | undefined; outcomeOn?: string | null | undefined },
  today: string,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  // An outcome without its date (or the reverse) cannot be reported on.
  if (!r.outcome !== !r.outcomeOn)
    issues.push({ path: r.outcome ? 'outcomeOn' : 'outcome', message: 'required' });
  if (r.referredOn > today) issues.push({ path: 'referredOn', message: 'date_in_future' });
  if (r.outcomeOn) {
    if (r.outcomeOn > today) issues.push({ path: 'outcomeOn', message: 'date_in_future' });
    else if (r.outcomeOn < r.referredOn)
      issues.push({ path: 'outcomeOn', message: 'outcome_before_referral' });
  }
  return issues;
}
