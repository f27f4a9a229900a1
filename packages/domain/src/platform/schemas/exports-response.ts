import { z } from 'zod';
import { type Contract, itemsOf, timestampSchema } from './wire.js';

/** A background export of the caller's (POST/GET /api/v1/exports). */
export const exportJobSchema = z.object({
  id: z.string(),
  /** An export kind registered by a module (complaints, analyst, analyst_events…). */
  kind: z.string(),
  format: z.enum(['csv', 'xlsx']),
  filters: z.record(z.string(), z.string()),
  status: z.enum(['queued', 'running', 'done', 'failed', 'expired']),
  rowCount: z.number().nullable(),
  byteSize: z.number().nullable(),
  errorCode: z.string().nullable(),
  createdAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
  downloadUrl: z.string().nullable(),
});
export type ExportJob = Contract<typeof exportJobSchema>;

export const exportJobListSchema = itemsOf(exportJobSchema);
