import { z } from 'zod';
import { type Contract, calendarDateSchema, timestampSchema } from '../../../platform/schemas/wire.js';

/** A public holiday of the business-day calendar. */
export const holidaySchema = z.object({
  date: calendarDateSchema,
  labelFr: z.string(),
  labelEn: z.string(),
  kind: z.enum(['fixed', 'movable']),
  /** computed: Togolese fixed and Easter-derived holidays; entered: added by an administrator. */
  source: z.enum(['computed', 'entered']),
});
export type Holiday = Contract<typeof holidaySchema>;

/** A deadline settings row: the default one (level and category null), or one per level and/or category. */
export const slaSettingsViewSchema = z.object({
  id: z.string(),
  level: z.string().nullable(),
  category: z.string().nullable(),
  acknowledgeDays: z.number(),
  resolveDays: z.number(),
  answerDays: z.number(),
  appealDays: z.number(),
  reminderDays: z.number(),
  autoEscalate: z.boolean(),
  /** What happens when the complainant's answer window lapses: an "answer lapsed" flag, or closure. */
  answerLapse: z.enum(['flag', 'close']),
  updatedAt: timestampSchema,
});
export type SlaSettingsView = Contract<typeof slaSettingsViewSchema>;
