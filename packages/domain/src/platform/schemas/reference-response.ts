import { z } from 'zod';
import type { Contract } from './wire.js';

/** An item of a reference list (GET /api/v1/reference). */
export const referenceItemSchema = z.object({
  code: z.string(),
  /** In the caller's language. */
  label: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  sort: z.number(),
  active: z.boolean(),
  /** Categories only. */
  sensitive: z.boolean().optional(),
  requiresMinutes: z.boolean().optional(),
  outOfScope: z.boolean().optional(),
});
export type ReferenceItem = Contract<typeof referenceItemSchema>;

/** Every list a module registered, by its API name (the grievance module's: grmReferenceListsSchema). */
export const referenceListsSchema = z.record(z.string(), z.array(referenceItemSchema));
export type ReferenceLists = Contract<typeof referenceListsSchema>;
