import { z } from 'zod';
import { LOCAL_FILE_PREFIX, submitPayloadWithUploads } from '../../platform/forms/device-sync.js';
import { formAnswersSchema } from '../../platform/schemas/forms-response.js';
import type { DeviceEntity } from '../../platform/sync/entities.js';
import type { Mutation, MutationResult, SyncRow } from '../../platform/sync/protocol.js';
import { DCC_PLACES_TABLE, dccPlaceEntity } from './place-sync.js';
import { PLACE_RECORD, placeRecordPayloadSchema } from './schemas/places.js';
import {
  type PlanCreatePayload,
  type PlanRecordPayload,
  type PlanUpdatePayload,
  planCreatePayloadSchema,
  planRecordPayloadSchema,
  planUpdatePayloadSchema,
} from './schemas/plans.js';

/**
 * DCC on the device (docs/sync.md, "DCC"): the tables the pull brings to a facilitator's phone and the mutation
 * types it pushes. The server's side is modules/dcc/sync (same names). Task mutations carry the instance id as
 * `id`; the version the phone saw rides as the mutation's `baseVersion` (and, for the field screens' sake, may
 * be repeated in the payload). Files (a slot's attachment, a plan's photo) are uploaded first: the payload's
 * `uploadId` / `photoUploadId` is a placeholder until then, replaced by the server's upload id.
 */

export const DCC_DEVICE_TABLES = {
  cycles: 'dcc_cycles',
  phases: 'dcc_phases',
  activities: 'dcc_activities',
  tasks: 'dcc_tasks',
  assignments: 'dcc_assignments',
  instances: 'dcc_task_instances',
  plans: 'dcc_plans',
  places: DCC_PLACES_TABLE,
} as const;

export const DCC_MUTATION_TYPES = {
  saveDraft: 'dcc.task.save_draft',
  submit: 'dcc.task.submit',
  attach: 'dcc.task.attach',
  planCreate: 'dcc.plan.create',
  planUpdate: 'dcc.plan.update',
  planRecord: 'dcc.plan.record',
  placeRecord: PLACE_RECORD,
} as const;

const version = z.number().int().min(1);

export const dccTaskDraftPayloadSchema = z.strictObject({
  id: z.uuid(),
  answers: formAnswersSchema,
  formVersionId: z.uuid().optional(),
  baseVersion: version.optional(),
});
export type DccTaskDraftPayload = z.infer<typeof dccTaskDraftPayloadSchema>;

/**
 * `dcc.task.save_draft` as queued on the device: the answers of photo, recording and file questions hold
 * placeholders (`local-file.<key>`) listed in `localFiles`, in the order of the entry's files, which are
 * uploaded first; the placeholders are then replaced by the upload ids and `localFiles` dropped (as a form
 * submission's: platform/forms/device-sync.ts). The server claims those uploads as files of the task.
 */
export const dccTaskDraftDevicePayloadSchema = dccTaskDraftPayloadSchema.extend({
  localFiles: z.array(z.string().startsWith(LOCAL_FILE_PREFIX)).max(200).optional(),
});
export type DccTaskDraftDevicePayload = z.infer<typeof dccTaskDraftDevicePayloadSchema>;

/** The slot of a task's files that its form's questions name (never a template slot key: those match [a-z…]). */
export const DCC_ANSWER_FILES_SLOT = 'form:answers';

export const dccTaskSubmitPayloadSchema = z.strictObject({ id: z.uuid(), baseVersion: version.optional() });
export type DccTaskSubmitPayload = z.infer<typeof dccTaskSubmitPayloadSchema>;

export const dccTaskAttachPayloadSchema = z.strictObject({
  id: z.uuid(),
  slot: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(60),
  uploadId: z.uuid(),
});
export type DccTaskAttachPayload = z.infer<typeof dccTaskAttachPayloadSchema>;

const idOf = (p: unknown) => (p as { id?: string } | undefined)?.id;
const planOf = (p: unknown) => (p as { planId?: string } | undefined)?.planId;

/** A later queued mutation of the same record goes on top of the version the server answered. */
export function rebaseOnVersion(
  next: Mutation,
  applied: Mutation,
  result: MutationResult,
): Mutation | undefined {
  const v = result.result?.version;
  if (typeof v !== 'number' || next.baseVersion === undefined || next.baseVersion !== applied.baseVersion) {
    return undefined;
  }
  const payload = next.payload as Record<string, unknown>;
  return {
    ...next,
    baseVersion: v,
    payload: 'baseVersion' in payload ? { ...payload, baseVersion: v } : payload,
  };
}

/** The instance with the pending drafts and submissions applied on top (`pending: true`). */
function overlayInstances(rows: SyncRow[], pending: { mutation: Mutation }[]): SyncRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const { mutation } of pending) {
    const id = idOf(mutation.payload);
    const row = id ? byId.get(id) : undefined;
    if (!row) continue;
    if (mutation.type === DCC_MUTATION_TYPES.saveDraft) {
      const p = mutation.payload as DccTaskDraftPayload;
      byId.set(row.id, { ...row, status: 'draft', answers: p.answers, pending: true });
    } else if (mutation.type === DCC_MUTATION_TYPES.submit) {
      byId.set(row.id, { ...row, status: 'submitted', pending: true });
    }
  }
  return [...byId.values()];
}

/** Plans with the pending creations, changes and outcomes applied (`pending: true`). */
function overlayPlans(rows: SyncRow[], pending: { mutation: Mutation }[]): SyncRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const { mutation } of pending) {
    if (mutation.type === DCC_MUTATION_TYPES.planCreate) {
      const { id, ...p } = mutation.payload as PlanCreatePayload;
      if (!byId.has(id)) {
        byId.set(id, {
          id,
          changeSeq: 0,
          taskId: null,
          title: null,
          outcome: null,
          comment: null,
          ...p,
          version: 0,
          pending: true,
        });
      }
      continue;
    }
    const id = planOf(mutation.payload);
    const row = id ? byId.get(id) : undefined;
    if (!row) continue;
    const { planId: _, ...changes } = mutation.payload as PlanUpdatePayload | PlanRecordPayload;
    byId.set(row.id, { ...row, ...changes, pending: true });
  }
  return [...byId.values()];
}

export const dccInstanceEntity: DeviceEntity = {
  name: 'dcc_task_instance',
  table: DCC_DEVICE_TABLES.instances,
  mutations: {
    [DCC_MUTATION_TYPES.saveDraft]: {
      payload: dccTaskDraftDevicePayloadSchema,
      subject: idOf,
      rebase: rebaseOnVersion,
      withUploads: submitPayloadWithUploads,
    },
    [DCC_MUTATION_TYPES.submit]: {
      payload: dccTaskSubmitPayloadSchema,
      subject: idOf,
      rebase: rebaseOnVersion,
    },
    // Not checked when queued: its uploadId is a placeholder until the file is uploaded.
    [DCC_MUTATION_TYPES.attach]: {
      subject: idOf,
      withUploads: (payload, [uploadId]) => ({ ...(payload as DccTaskAttachPayload), uploadId }),
    },
  },
  overlays: { [DCC_DEVICE_TABLES.instances]: ({ rows, pending }) => overlayInstances(rows, pending) },
};

export const dccPlanEntity: DeviceEntity = {
  name: 'dcc_plan',
  table: DCC_DEVICE_TABLES.plans,
  mutations: {
    [DCC_MUTATION_TYPES.planCreate]: { payload: planCreatePayloadSchema, subject: idOf },
    [DCC_MUTATION_TYPES.planUpdate]: {
      payload: planUpdatePayloadSchema,
      subject: planOf,
      rebase: rebaseOnVersion,
    },
    // A photo's upload id is known once uploaded: checked by the server only.
    [DCC_MUTATION_TYPES.planRecord]: {
      subject: planOf,
      rebase: rebaseOnVersion,
      withUploads: (payload, [uploadId]) =>
        uploadId ? { ...(payload as PlanRecordPayload), photoUploadId: uploadId } : payload,
    },
  },
  overlays: { [DCC_DEVICE_TABLES.plans]: ({ rows, pending }) => overlayPlans(rows, pending) },
};

/** The DCC registration of the field app's engine (the template tables are pulled and read only). */
export const DCC_DEVICE_ENTITIES: readonly DeviceEntity[] = [
  { name: 'dcc_cycle', table: DCC_DEVICE_TABLES.cycles },
  { name: 'dcc_phase', table: DCC_DEVICE_TABLES.phases },
  { name: 'dcc_activity', table: DCC_DEVICE_TABLES.activities },
  { name: 'dcc_task', table: DCC_DEVICE_TABLES.tasks },
  { name: 'dcc_assignment', table: DCC_DEVICE_TABLES.assignments },
  dccInstanceEntity,
  dccPlanEntity,
  dccPlaceEntity,
];

/** The server reads these too: the payload schemas of the DCC mutation types. */
export const DCC_MUTATION_PAYLOADS = {
  [DCC_MUTATION_TYPES.saveDraft]: dccTaskDraftPayloadSchema,
  [DCC_MUTATION_TYPES.submit]: dccTaskSubmitPayloadSchema,
  [DCC_MUTATION_TYPES.attach]: dccTaskAttachPayloadSchema,
  [DCC_MUTATION_TYPES.planCreate]: planCreatePayloadSchema,
  [DCC_MUTATION_TYPES.planUpdate]: planUpdatePayloadSchema,
  [DCC_MUTATION_TYPES.planRecord]: planRecordPayloadSchema,
  [DCC_MUTATION_TYPES.placeRecord]: placeRecordPayloadSchema,
} as const;
