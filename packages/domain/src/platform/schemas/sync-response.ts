import { z } from 'zod';

/**
 * POST /api/v1/sync/push: a result per mutation, in order (docs/sync.md). A conflict's `current` row is
 * documented, not re-validated, like the rows of the pull.
 */
export const pushResponseSchema = z.object({
  results: z.array(
    z.object({
      /** The mutation id, or null when the element had no readable id. */
      id: z.string().nullable(),
      status: z.enum(['applied', 'duplicate', 'rejected', 'conflict']),
      /** rejected: an error code; `message` in the caller's language. */
      code: z.string().optional(),
      message: z.string().optional(),
      /** rejected with a validation error: the field problems, as the REST API reports them. */
      details: z.unknown().optional(),
      current: z
        .unknown()
        .optional()
        .describe("conflict: the record's current server version, as pull sends it"),
      /** applied or duplicate: what the mutation produced (e.g. the case's tracking code and reference). */
      result: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
