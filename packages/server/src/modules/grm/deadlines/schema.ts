import { z } from 'zod';

const days = z.number().int().min(1).max(365);

export const holidayQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
/** A holiday's day, within the years the calendar computes (year 0000 was a 500 from PostgreSQL). */
const holidayDate = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'date_out_of_range' });
export const holidayParams = z.object({ date: holidayDate });

export const createHolidaySchema = z.object({
  date: holidayDate,
  labelFr: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  /** movable: a feast whose date changes every year (Tabaski, end of Ramadan…); fixed: a one-off closure. */
  kind: z.enum(['fixed', 'movable']).default('movable'),
});
export type CreateHolidayInput = z.infer<typeof createHolidaySchema>;

/** One settings row, identified by its scope: level and category both null is the default row. */
export const slaSettingsSchema = z
  .object({
    level: z.string().trim().min(1).max(40).nullable().default(null),
    category: z.string().trim().min(1).max(40).nullable().default(null),
    acknowledgeDays: days,
    resolveDays: days,
    answerDays: days,
    appealDays: days,
    reminderDays: z.number().int().min(0).max(60).default(2),
    autoEscalate: z.boolean().default(false),
    /** A complainant's answer window that lapses: flag the case "no answer" with an event, or close it. */
    answerLapse: z.enum(['flag', 'close']).default('flag'),
  })
  .refine((s) => s.reminderDays < s.resolveDays, {
    path: ['reminderDays'],
    message: 'reminder_after_due_date',
  });
export type SlaSettingsInput = z.infer<typeof slaSettingsSchema>;
