import { z } from 'zod';
import { type Contract, personRefSchema, timestampSchema } from '../../../platform/schemas/wire.js';

/** An attachment of a case: storage keys stay private, the bytes are reached through the URLs. */
export const attachmentSchema = z.object({
  id: z.string(),
  purpose: z.enum(['evidence', 'minutes', 'investigation']),
  kind: z.enum(['image', 'pdf', 'audio']),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: timestampSchema,
  uploadedBy: personRefSchema.nullable(),
  url: z.string(),
  previewUrl: z.string().nullable(),
});
export type Attachment = Contract<typeof attachmentSchema>;
