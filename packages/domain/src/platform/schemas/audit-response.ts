import { z } from 'zod';
import { type Contract, timestampSchema } from './wire.js';

/** One line of the append-only audit log (GET /api/v1/audit). */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: timestampSchema,
  actor: z
    .object({ id: z.string(), username: z.string().nullable(), displayName: z.string().nullable() })
    .nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = Contract<typeof auditEntrySchema>;
