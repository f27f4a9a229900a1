import { z } from 'zod';
import { calendarDateSchema, personRefSchema, timestampSchema } from '../../../platform/schemas/wire.js';
import {
  attachmentSlotSchema,
  CYCLE_STATUSES,
  materialInputSchema,
  materialSchema,
  TASK_LEVELS,
} from '../model.js';

/**
 * Requests and answers of the DCC cycles, their template and their assignments (docs/api.md "DCC",
 * server modules/dcc/{cycles,template,assignments}).
 */

const isoDate = z.iso.date();

/** `POST /api/v1/dcc/cycles`: a cycle over areas, its template copied from the COSO seed or another cycle. */
export const createCycleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    year: z.number().int().min(2000).max(2100),
    startsOn: isoDate,
    endsOn: isoDate,
    areaIds: z.array(z.uuid()).min(1).max(500),
    template: z.union([z.literal('coso'), z.strictObject({ fromCycleId: z.uuid() })]),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'ends_before_start' });
export type CreateCycleInput = z.infer<typeof createCycleSchema>;

/** `PATCH /api/v1/dcc/cycles/:id`: activate (generates the instances) or close; rename; move the end. */
export const updateCycleSchema = z
  .strictObject({
    status: z.enum(['active', 'closed']),
    name: z.string().trim().min(1).max(120),
    endsOn: isoDate,
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'empty_update' });
export type UpdateCycleInput = z.infer<typeof updateCycleSchema>;

export const cycleAreaSchema = z.object({ id: z.string(), name: z.string(), level: z.string() });

export const cycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  status: z.enum(CYCLE_STATUSES),
  areas: z.array(cycleAreaSchema),
  taskCount: z.number(),
  createdBy: personRefSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Cycle = z.infer<typeof cycleSchema>;

export const cycleListSchema = z.object({ items: z.array(cycleSchema) });

/** One cycle with what it holds: its instances and its active assignments. */
export const cycleDetailSchema = cycleSchema.extend({
  instanceCount: z.number(),
  activeAssignmentCount: z.number(),
});
export type CycleDetail = z.infer<typeof cycleDetailSchema>;

export const templateTaskSchema = z.object({
  id: z.string(),
  order: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(TASK_LEVELS),
  shared: z.boolean(),
  formId: z.string().nullable(),
  prerequisites: z.array(z.string()),
  attachmentSlots: z.array(attachmentSlotSchema),
  materials: z.array(materialSchema),
  instructions: z.string(),
});
export type TemplateTask = z.infer<typeof templateTaskSchema>;

/** `GET /api/v1/dcc/cycles/:id/template`: the cycle's own copy of phase → activity → task. */
export const cycleTemplateSchema = z.object({
  phases: z.array(
    z.object({
      id: z.string(),
      order: z.number(),
      name: z.string(),
      activities: z.array(
        z.object({ id: z.string(), order: z.number(), name: z.string(), tasks: z.array(templateTaskSchema) }),
      ),
    }),
  ),
});
export type CycleTemplate = z.infer<typeof cycleTemplateSchema>;

/**
 * `PATCH /api/v1/dcc/tasks/:id`. Name, instructions and level change only while the cycle is a draft (an
 * active cycle's instances were made for that level); prerequisites are tasks of the same cycle.
 */
export const updateTaskSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(300),
    instructions: z.string().max(20_000),
    level: z.enum(TASK_LEVELS),
    shared: z.boolean(),
    formId: z.string().trim().min(1).max(200).nullable(),
    prerequisites: z.array(z.uuid()).max(50),
    attachmentSlots: z.array(attachmentSlotSchema).max(20),
    materials: z.array(materialInputSchema).max(50),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'empty_update' });
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

/** `POST /api/v1/dcc/cycles/:id/assignments`: villages, or CVDs standing for their villages. */
export const createAssignmentsSchema = z.strictObject({
  facilitatorId: z.uuid(),
  unitIds: z.array(z.uuid()).min(1).max(2000),
});
export type CreateAssignmentsInput = z.infer<typeof createAssignmentsSchema>;

export const assignmentListQuerySchema = z.object({
  facilitatorId: z.uuid().optional(),
  /** Also the ended assignments (reassigned villages), newest first. */
  includeEnded: z.enum(['true', 'false']).optional(),
});

export const assignmentSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  facilitator: personRefSchema,
  active: z.boolean(),
  assignedBy: personRefSchema.nullable(),
  assignedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentListSchema = z.object({ items: z.array(assignmentSchema) });

/** What an assignment request did: new villages, villages taken from another facilitator, already theirs. */
export const assignmentResultSchema = z.object({
  assigned: z.number(),
  reassigned: z.number(),
  unchanged: z.number(),
  items: z.array(assignmentSchema),
});
export type AssignmentResult = z.infer<typeof assignmentResultSchema>;

/** Facilitators a DCC manager may assign (GET /api/v1/dcc/facilitators): active, working in the manager's areas. */
export const facilitatorSearchQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export const facilitatorListSchema = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), username: z.string() })),
});
