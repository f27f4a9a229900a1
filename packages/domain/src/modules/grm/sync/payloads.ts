import { z } from 'zod';
import { createComplaintSchema } from '../complaints/intake.js';
import { complaintActionSchema } from '../complaints/lifecycle.js';

/**
 * The payloads of the grievance module's mutation types (docs/sync.md, "Push"), shared by the server's
 * handlers (server modules/grm/sync/mutations.ts) and the device's entity (entity.ts).
 */

/** `complaint.create`: the POST /api/v1/complaints body, with the device-chosen case id and tracking code. */
export const complaintCreatePayloadSchema = createComplaintSchema.extend({
  id: z.uuid(),
  /**
   * The device's clock when the case was recorded: only its format is checked here, for a phone whose clock
   * is wrong must still be able to record and send a case; the server trusts it only within the date bounds
   * (trustedDeviceTime) and uses its own time otherwise.
   */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** From the device's reserved pool (POST /api/v1/sync/codes), or generated on the device when it ran out. */
  trackingCode: z.string().min(9).max(12).optional(),
});
export type ComplaintCreatePayload = z.infer<typeof complaintCreatePayloadSchema>;

/** `complaint.act`: a lifecycle action or a comment on a case; `baseVersion` is the case version it saw. */
export const complaintActPayloadSchema = z.object({
  complaintId: z.uuid(),
  action: complaintActionSchema,
});
export type ComplaintActPayload = z.infer<typeof complaintActPayloadSchema>;

/** `attachment.add`: attaches a completed resumable upload to a case. */
export const attachmentAddPayloadSchema = z.object({
  complaintId: z.uuid(),
  /** The id the upload server gave the file (last segment of its upload URL). */
  uploadId: z.string().min(1).max(100),
  purpose: z.enum(['evidence', 'minutes', 'investigation']).default('evidence'),
});
export type AttachmentAddPayload = z.infer<typeof attachmentAddPayloadSchema>;

/** The grievance mutation types and their payload schemas. */
export const MUTATION_PAYLOADS = {
  'complaint.create': complaintCreatePayloadSchema,
  'complaint.act': complaintActPayloadSchema,
  'attachment.add': attachmentAddPayloadSchema,
} as const;
export type MutationType = keyof typeof MUTATION_PAYLOADS;
