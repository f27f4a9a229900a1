import { z } from 'zod';
import { formAnswersSchema, formFieldErrorSchema } from '../../../platform/schemas/forms-response.js';
import { type Contract, pageOf, personRefSchema, timestampSchema } from '../../../platform/schemas/wire.js';
import { attachmentSlotSchema, materialSchema, TASK_LEVELS, TASK_STATUSES } from '../model.js';
import { TASK_ACTIONS } from '../status.js';

/**
 * The task instances API's contracts (issue #15, docs/api.md "DCC › Task instances"): the scoped list (the
 * review queue), one instance with its history, drafts, submission, review and attachments. The same bodies
 * are the payloads of the DCC sync mutations.
 */

const baseVersion = z.number().int().min(1).describe("The instance's version the client last saw");

export const taskInstanceListQuerySchema = z.object({
  cycleId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** An area (geo unit): instances whose unit lies in it. */
  areaId: z.uuid().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  taskId: z.uuid().optional(),
  phaseId: z.uuid().optional(),
  /** Instances of the units this facilitator is actively assigned to. */
  facilitatorId: z.uuid().optional(),
  /** Submitted at or before this moment (the review queue's "older than"). */
  submittedBefore: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskInstanceListQuery = z.infer<typeof taskInstanceListQuerySchema>;

const nameSchema = z.string().nullable();

/** One row of the list (and of the review queue). */
export const taskInstanceItemSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskName: z.string(),
  level: z.enum(TASK_LEVELS),
  phaseId: z.string(),
  phaseName: z.string(),
  activityName: z.string(),
  unitId: z.string(),
  unitKind: z.enum(['geo', 'cvd']),
  unitName: nameSchema,
  status: z.enum(TASK_STATUSES),
  version: z.number().int(),
  formVersionId: z.string().nullable(),
  formVersion: z.string().nullable().describe("The form version's label (XLSForm settings.version)"),
  updatedAt: timestampSchema,
  submittedAt: timestampSchema.nullable(),
  submittedBy: personRefSchema.nullable(),
  facilitator: personRefSchema.nullable().describe("A village's active facilitator in the cycle"),
});
export type TaskInstanceItem = Contract<typeof taskInstanceItemSchema>;

export const taskInstancePageSchema = pageOf(taskInstanceItemSchema);
export type TaskInstancePage = Contract<typeof taskInstancePageSchema>;

export const taskFileSchema = z.object({
  slot: z.string(),
  uploadId: z.string(),
  kind: z.string().nullable(),
  filename: z.string().nullable(),
  sizeBytes: z.number().int(),
  addedBy: personRefSchema.nullable(),
  addedAt: timestampSchema,
});
export type TaskFile = Contract<typeof taskFileSchema>;

export const taskEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['draft_saved', 'submitted', 'validated', 'returned', 'files_added']),
  version: z.number().int(),
  actor: personRefSchema.nullable(),
  comment: z.string().nullable(),
  at: timestampSchema,
});
export type TaskEvent = Contract<typeof taskEventSchema>;

/** The same unit's result of the same task (by code) in another cycle. */
export const earlierResultSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  cycleName: z.string(),
  year: z.number().int(),
  status: z.enum(TASK_STATUSES),
  formVersionId: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()).nullable(),
  submittedAt: timestampSchema.nullable(),
  reviewedAt: timestampSchema.nullable(),
});

/** GET /api/v1/dcc/task-instances/:id */
export const taskInstanceDetailSchema = taskInstanceItemSchema.extend({
  answers: z.record(z.string(), z.unknown()).nullable(),
  returnComment: z.string().nullable(),
  updatedBy: personRefSchema.nullable(),
  reviewedAt: timestampSchema.nullable(),
  reviewedBy: personRefSchema.nullable(),
  task: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    instructions: z.string(),
    level: z.enum(TASK_LEVELS),
    shared: z.boolean(),
    formId: z.string().nullable(),
    prerequisites: z.array(z.string()),
    attachmentSlots: z.array(attachmentSlotSchema),
    materials: z.array(materialSchema),
  }),
  files: z.array(taskFileSchema),
  events: z.array(taskEventSchema),
  earlier: z.array(earlierResultSchema),
  /** What the caller may do now (the status machine × their permissions and scope). */
  actions: z.array(z.enum([...TASK_ACTIONS, 'attach_file'])),
});
export type TaskInstanceDetail = Contract<typeof taskInstanceDetailSchema>;

/** PUT …/:id/draft: a draft may be incomplete; only unknown fields and wrong types are refused. */
export const taskDraftRequestSchema = z.strictObject({
  answers: formAnswersSchema,
  baseVersion,
  /** The form version filled (default: the instance's, else the form's latest). */
  formVersionId: z.uuid().optional(),
});
export type TaskDraftRequest = z.infer<typeof taskDraftRequestSchema>;

export const taskSubmitRequestSchema = z.strictObject({ baseVersion });
export type TaskSubmitRequest = z.infer<typeof taskSubmitRequestSchema>;

export const taskReviewRequestSchema = z.strictObject({
  decision: z.enum(['validate', 'return']),
  comment: z.string().trim().max(2000).optional(),
  baseVersion,
});
export type TaskReviewRequest = z.infer<typeof taskReviewRequestSchema>;

export const taskFileRequestSchema = z.strictObject({
  slot: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(60),
  uploadId: z.uuid(),
});
export type TaskFileRequest = z.infer<typeof taskFileRequestSchema>;

/** What a write answers: the instance's new state (enough for a client to continue with the next version). */
export const taskWriteResultSchema = z.object({
  id: z.string(),
  status: z.enum(TASK_STATUSES),
  version: z.number().int(),
  formVersionId: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()).nullable(),
});
export type TaskWriteResult = Contract<typeof taskWriteResultSchema>;

/** The details of 422 form_invalid on submit (the form engine's field errors). */
export const taskFormErrorsSchema = z.object({ errors: z.array(formFieldErrorSchema) });
