import { z } from 'zod';
import { type Contract, calendarDateSchema, itemsOf } from '../../../platform/schemas/wire.js';

/** POST /api/v1/public/complaints: the code to follow the case, and whether an SMS confirms it. */
export const publicFiledSchema = z.object({ trackingCode: z.string(), smsFollows: z.boolean() });

/**
 * The public tracking page: a few plain statuses and dates, never the description, names or the handling
 * level (anyone holding the code reads this).
 */
export const publicTrackingSchema = z.object({
  trackingCode: z.string(),
  status: z.string(),
  /** An i18n key: `public.next.<status>`. */
  nextStep: z.string(),
  receivedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolutionProposedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Open deadlines the citizen waits on or must meet, by kind. */
  dueDates: z.record(z.string(), calendarDateSchema),
  canAnswer: z.boolean(),
  canRate: z.boolean(),
  satisfaction: z.number().nullable(),
});
export type PublicTracking = Contract<typeof publicTrackingSchema>;

export const otpSentSchema = z.object({ sent: z.boolean() });

/** Reference codes the public form offers. */
export const publicFormOptionsSchema = itemsOf(
  z.object({
    list: z.string(),
    code: z.string(),
    labelFr: z.string(),
    labelEn: z.string(),
    sensitive: z.boolean(),
  }),
);

/** Children of a unit, to choose a village. */
export const publicVillagesSchema = itemsOf(
  z.object({ id: z.string(), name: z.string(), level: z.string() }),
);

/** POST /api/v1/public/track/:code/recover: the full tracking code, given its last digits and the phone. */
export const recoveredCodeSchema = z.object({ trackingCode: z.string() });

const publicCounts = {
  received: z.number(),
  resolved: z.number(),
  inProgress: z.number(),
  medianDaysToResolve: z.number().nullable(),
};

/** GET /api/v1/public/stats: aggregate figures, sensitive cases as one total. */
export const publicStatsSchema = z.object({
  generatedAt: z.string(),
  ...publicCounts,
  sensitiveTotal: z.number(),
  byRegion: z.array(z.object({ id: z.string(), name: z.string(), ...publicCounts })),
  byCategory: z.array(
    z.object({ code: z.string(), labelFr: z.string(), labelEn: z.string(), ...publicCounts }),
  ),
  byMonth: z.array(z.object({ month: z.string(), received: z.number(), resolved: z.number() })),
});
export type PublicStats = Contract<typeof publicStatsSchema>;
