import { z } from 'zod';
import { type Contract, pageOf, personRefSchema, timestampSchema } from '../../../platform/schemas/wire.js';
import { CYCLE_STATUSES, TASK_LEVELS, TASK_STATUSES } from '../model.js';
import { taskEventSchema, taskFileSchema } from './tasks.js';

/**
 * A village's full file (issue #15 "Progress", docs/api.md "DCC › Village file"): the village and where it lies,
 * per cycle (newest first) its facilitators over time and every task instance that concerns it — its own and
 * the CVD-, canton- and commune-level ones over it — with their files, then a timeline of their events.
 */

export const villageFileQuerySchema = z.object({
  /** The timeline's `nextCursor`, for its next (older) page. */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type VillageFileQuery = z.infer<typeof villageFileQuerySchema>;

const unitRefSchema = z.object({ id: z.string(), name: z.string() });

/** An assignment of the village in the cycle, current or ended. */
export const villageAssignmentSchema = z.object({
  id: z.string(),
  facilitator: personRefSchema,
  active: z.boolean(),
  assignedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
});

/** A task instance concerning the village: its own, or its CVD's, canton's or commune's (shared). */
export const villageTaskSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskName: z.string(),
  level: z.enum(TASK_LEVELS),
  phaseName: z.string(),
  activityName: z.string(),
  unitId: z.string(),
  unitKind: z.enum(['geo', 'cvd']),
  unitName: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  version: z.number().int(),
  /** How many answers are recorded (the answers themselves: GET /api/v1/dcc/task-instances/:id). */
  answerCount: z.number().int(),
  updatedAt: timestampSchema,
  submittedAt: timestampSchema.nullable(),
  submittedBy: personRefSchema.nullable(),
  reviewedAt: timestampSchema.nullable(),
  reviewedBy: personRefSchema.nullable(),
  files: z.array(taskFileSchema.extend({ url: z.string().describe("The file's download route") })),
});
export type VillageTask = Contract<typeof villageTaskSchema>;

export const villageCycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  status: z.enum(CYCLE_STATUSES),
  assignments: z.array(villageAssignmentSchema).describe('Newest first'),
  tasks: z.array(villageTaskSchema).describe('In template order'),
});
export type VillageCycle = Contract<typeof villageCycleSchema>;

/** An event of one of the instances, with what it is about. */
export const villageEventSchema = taskEventSchema.extend({
  instanceId: z.string(),
  cycleId: z.string(),
  taskCode: z.string(),
  taskName: z.string(),
});
export type VillageEvent = Contract<typeof villageEventSchema>;

/** GET /api/v1/dcc/villages/:id/file */
export const villageFileSchema = z.object({
  village: unitRefSchema.extend({
    /** The units above it, from the top (region … canton). */
    path: z.array(unitRefSchema.extend({ level: z.string() })),
    cvd: unitRefSchema.nullable(),
  }),
  cycles: z.array(villageCycleSchema).describe('Newest first'),
  timeline: pageOf(villageEventSchema).describe('Newest first; nextCursor goes back as `cursor`'),
});
export type VillageFile = Contract<typeof villageFileSchema>;
