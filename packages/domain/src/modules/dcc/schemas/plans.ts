import { z } from 'zod';
import { type Contract, calendarDateSchema, timestampSchema } from '../../../platform/schemas/wire.js';
import { PLAN_OUTCOMES } from '../model.js';

/**
 * A facilitator's planning (issue #15, docs/api.md "DCC › Sync, plans and progress"): a task or a free activity
 * put on a date for a unit, then its outcome. The same bodies are the payloads of the sync mutations
 * dcc.plan.create / dcc.plan.update / dcc.plan.record.
 */

const isoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
const title = z.string().trim().min(1).max(200);
const comment = z.string().trim().max(2000);

export const planCreateRequestSchema = z
  .strictObject({
    /** Chosen by the device (offline); the server makes one when absent. */
    id: z.uuid().optional(),
    cycleId: z.uuid(),
    /** A village of the facilitator (or a CVD, canton or commune over one of them). */
    unitId: z.uuid(),
    taskId: z.uuid().nullable().optional(),
    title: title.nullable().optional(),
    plannedOn: isoDate,
  })
  .refine((p) => p.taskId || p.title, { message: 'taskId or title', path: ['title'] });
export type PlanCreateRequest = z.infer<typeof planCreateRequestSchema>;

/** What changes a planned item (update) — its date, task or title. */
const planChanges = {
  plannedOn: isoDate.optional(),
  taskId: z.uuid().nullable().optional(),
  title: title.nullable().optional(),
};

/** Its outcome (record): done, not done, or something else was done; a comment and a photo (an upload id). */
const planOutcome = {
  outcome: z.enum(PLAN_OUTCOMES),
  comment: comment.nullable().optional(),
  photoUploadId: z.uuid().nullable().optional(),
};

export const planUpdateSchema = z.strictObject(planChanges);
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

export const planRecordSchema = z.strictObject(planOutcome);
export type PlanRecord = z.infer<typeof planRecordSchema>;

/** PATCH /api/v1/dcc/plans/:id: changes and/or an outcome, with the version the client saw. */
export const planPatchRequestSchema = z.strictObject({
  ...planChanges,
  outcome: planOutcome.outcome.optional(),
  comment: planOutcome.comment,
  photoUploadId: planOutcome.photoUploadId,
  baseVersion: z.number().int().min(1),
});
export type PlanPatchRequest = z.infer<typeof planPatchRequestSchema>;

export const planListQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  cycleId: z.uuid().optional(),
  /** A specialist: another facilitator's plans (within the caller's jurisdiction). */
  facilitatorId: z.uuid().optional(),
});
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

export const planSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  facilitatorId: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  taskId: z.string().nullable(),
  taskName: z.string().nullable(),
  title: z.string().nullable(),
  plannedOn: calendarDateSchema,
  outcome: z.enum(PLAN_OUTCOMES).nullable(),
  comment: z.string().nullable(),
  photoUploadId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type Plan = Contract<typeof planSchema>;

/** Sync payloads: the plan's id rides in the payload, its version in the mutation's baseVersion. */
export const planCreatePayloadSchema = planCreateRequestSchema.safeExtend({ id: z.uuid() });
export type PlanCreatePayload = z.infer<typeof planCreatePayloadSchema>;
export const planUpdatePayloadSchema = planUpdateSchema.extend({ planId: z.uuid() });
export type PlanUpdatePayload = z.infer<typeof planUpdatePayloadSchema>;
export const planRecordPayloadSchema = planRecordSchema.extend({ planId: z.uuid() });
export type PlanRecordPayload = z.infer<typeof planRecordPayloadSchema>;
