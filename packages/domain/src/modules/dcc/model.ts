import { z } from 'zod';

/**
 * The DCC module's vocabulary (issue #15; tables in server migration 0024-dcc): where a task applies, the
 * states of a task instance, and the shapes stored in a task's template row.
 */

/** The unit a task's instance belongs to: a village, its CVD (village development committee), canton, commune. */
export const TASK_LEVELS = ['village', 'cvd', 'canton', 'commune'] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];

/** to do → draft → submitted → validated | returned (→ draft again). */
export const TASK_STATUSES = ['todo', 'draft', 'submitted', 'validated', 'returned'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const CYCLE_STATUSES = ['draft', 'active', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** An attachment a task asks for, e.g. "Procès-verbal (PV)" required, "Photos de la réunion". */
export const attachmentSlotSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(60),
  label: z.string().min(1).max(200),
  required: z.boolean(),
  kind: z.enum(['photo', 'document', 'audio', 'any']),
});
export type AttachmentSlot = z.infer<typeof attachmentSlotSchema>;

/** Supporting material for the facilitator (training PDF, video, audio), readable offline once downloaded. */
export const materialSchema = z.strictObject({
  title: z.string().min(1).max(200),
  kind: z.enum(['pdf', 'video', 'audio', 'link']),
  url: z.string().min(1).max(2000),
});
export type Material = z.infer<typeof materialSchema>;

/** The outcome a facilitator records for a planned task or free activity. */
export const PLAN_OUTCOMES = ['done', 'not_done', 'other'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];
