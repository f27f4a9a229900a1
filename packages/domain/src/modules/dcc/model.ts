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

/**
 * The largest material file: the largest upload the server takes (server lib/file-sniff MAX_UPLOAD_BYTES,
 * a test checks they agree).
 */
export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024;
export const MATERIAL_KINDS = ['pdf', 'video', 'audio', 'image', 'link'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** An external address: http(s) only, never `javascript:` or `data:`, shown to facilitators as a link. */
export const materialUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+/i, { message: 'material_url_http' })
  .pipe(z.url({ protocol: /^https?$/, message: 'material_url_http' }));

const materialFields = {
  title: z.string().trim().min(1).max(200),
  kind: z.enum(MATERIAL_KINDS),
  url: materialUrlSchema.optional(),
  /** A file stored by the server (GET /api/v1/dcc/materials/:fileId), its size shown before download. */
  fileId: z.uuid().optional(),
  sizeBytes: z.number().int().min(0).max(MATERIAL_MAX_BYTES).optional(),
};
const oneSource = (m: { url?: unknown; fileId?: unknown; uploadId?: unknown }) =>
  [m.url, m.fileId, m.uploadId].filter((x) => x !== undefined).length === 1;
const ONE_SOURCE = { message: 'material_url_or_file', path: ['url'] };

/**
 * Supporting material for the facilitator (training PDF, video, audio, image): either an external link
 * (`url`) or a file the specialist uploaded (`fileId`), which the phone can keep for offline reading.
 */
export const materialSchema = z.strictObject(materialFields).refine(oneSource, ONE_SOURCE);
export type Material = z.infer<typeof materialSchema>;

/**
 * A material as a template edit sends it: a link, a file it already has (`fileId`, kept), or a completed
 * resumable upload of the caller (`uploadId`, claimed on save). A `sizeBytes` sent back is ignored.
 */
export const materialInputSchema = z
  .strictObject({ ...materialFields, uploadId: z.uuid().optional() })
  .refine(oneSource, ONE_SOURCE);
export type MaterialInput = z.infer<typeof materialInputSchema>;

/** The outcome a facilitator records for a planned task or free activity. */
export const PLAN_OUTCOMES = ['done', 'not_done', 'other'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];
