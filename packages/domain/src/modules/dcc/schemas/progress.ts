import { z } from 'zod';
import { type Contract, timestampSchema } from '../../../platform/schemas/wire.js';

/**
 * GET /api/v1/dcc/progress (issue #15, docs/api.md "DCC › Sync, plans and progress"): a cycle's funnel of
 * villages by phase, the table area × phase and the facilitator league, within one area of the caller's
 * jurisdiction (a facilitator: their villages only).
 */

export const progressQuerySchema = z.object({
  cycleId: z.uuid(),
  /** A geo unit inside the caller's jurisdiction; default: the caller's single jurisdiction. */
  within: z.uuid().optional(),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

export const progressSchema = z.object({
  within: z.object({ id: z.string(), name: z.string() }),
  /** The funnel: of the villages in scope, those whose every task of the phase is validated. */
  phases: z.array(
    z.object({
      phaseId: z.string(),
      name: z.string(),
      villages: z.number().int(),
      completed: z.number().int(),
    }),
  ),
  /** Each child unit of `within`: the share of its task instances validated, per phase (0–100, one decimal). */
  areas: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      phases: z.array(z.object({ phaseId: z.string(), percentValidated: z.number().nullable() })),
    }),
  ),
  /** The league: facilitators with an active assignment in scope, most validated tasks first. */
  facilitators: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      tasksValidated: z.number().int(),
      tasksSubmitted: z.number().int(),
      lastActivity: timestampSchema.nullable(),
      overduePlans: z.number().int(),
    }),
  ),
});
export type Progress = Contract<typeof progressSchema>;
