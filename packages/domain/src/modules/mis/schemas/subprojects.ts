import { z } from 'zod';
import { clientDaySchema } from '../../../platform/date-bounds.js';
import {
  calendarDateSchema,
  pageOf,
  personRefSchema,
  timestampSchema,
} from '../../../platform/schemas/wire.js';
import { fcfaSchema, positiveFcfaSchema } from '../money.js';

/**
 * Requests and answers of the MIS's reference lists, sub-projects, their progress events and contracts
 * (docs/api.md "MIS", server modules/mis). Amounts are whole FCFA (integers); codes come from
 * `GET /api/v1/mis/reference`.
 */

const isoDate = z.iso.date();
const code = z.string().trim().min(1).max(40);
const labelled = z.object({
  code: z.string(),
  label: z.string(),
  labels: z.object({ fr: z.string(), en: z.string() }),
});

/** `GET /api/v1/mis/reference`: the lists in the caller's language (`label`), both languages in `labels`. */
export const misReferenceSchema = z.object({
  components: z.array(labelled),
  sectors: z.array(labelled),
  types: z.array(labelled.extend({ sector: z.string(), attributes: z.array(z.string()) })),
  attributes: z.array(labelled.extend({ kind: z.enum(['integer', 'decimal']), unit: z.string().optional() })),
  steps: z.array(
    labelled.extend({
      order: z.number().int(),
      kind: z.enum(['main', 'pause', 'end']),
      requires: z.array(z.string()),
      levels: z.boolean(),
      percent: z.number().int().nullable(),
    }),
  ),
  contractKinds: z.array(labelled),
});
export type MisReference = z.infer<typeof misReferenceSchema>;

export const CONTRACT_KINDS = [
  'works',
  'supervision',
  'social_control',
  'equipment',
  'facilitation',
] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

const headcount = z.number().int().min(0).max(10_000_000);
const group = z.strictObject({ men: headcount, women: headcount, youth: headcount }).partial();
export const beneficiariesSchema = z.strictObject({ direct: group, indirect: group }).partial();
export type Beneficiaries = z.infer<typeof beneficiariesSchema>;

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** Fields a person may set on a sub-project (create and update). */
const subprojectFields = {
  title: z.string().trim().min(3).max(200),
  component: code,
  sector: code,
  type: code,
  estimatedCost: fcfaSchema,
  cycleId: z.uuid().nullable(),
  beneficiaryVillageIds: z.array(z.uuid()).max(200),
  beneficiaries: beneficiariesSchema,
  /** The type's technical attributes: attribute code → number (domain MIS_TECHNICAL_ATTRIBUTES). */
  attributes: z.record(z.string(), z.number().min(0).max(1e9)),
  latitude: latitude.nullable(),
  longitude: longitude.nullable(),
  description: z.string().max(5000),
  /** The DCC priority and canton arbitration it came from (issue #17). */
  priorityId: z.uuid().nullable(),
  arbitrationId: z.uuid().nullable(),
};

/**
 * `POST /api/v1/mis/subprojects`: where it stands (a village — `villageId` — or a canton — `cantonId`),
 * what it is and its estimated cost; it starts at the first step (`identified`).
 */
export const createSubprojectSchema = z
  .strictObject({
    villageId: z.uuid().optional(),
    cantonId: z.uuid().optional(),
    /** When it was identified (its first event): today by default, earlier to enter a sub-project's history. */
    identifiedOn: clientDaySchema.optional(),
    title: subprojectFields.title,
    component: code,
    sector: code,
    type: code,
    estimatedCost: fcfaSchema,
    cycleId: subprojectFields.cycleId.optional(),
    beneficiaryVillageIds: subprojectFields.beneficiaryVillageIds.optional(),
    beneficiaries: subprojectFields.beneficiaries.optional(),
    attributes: subprojectFields.attributes.optional(),
    latitude: subprojectFields.latitude.optional(),
    longitude: subprojectFields.longitude.optional(),
    description: subprojectFields.description.optional(),
    priorityId: subprojectFields.priorityId.optional(),
    arbitrationId: subprojectFields.arbitrationId.optional(),
  })
  .refine((b) => (b.villageId === undefined) !== (b.cantonId === undefined), {
    message: 'one_of_village_or_canton',
    path: ['villageId'],
  })
  .refine((b) => (b.latitude == null) === (b.longitude == null), {
    message: 'point_incomplete',
    path: ['latitude'],
  });
export type CreateSubprojectInput = z.infer<typeof createSubprojectSchema>;

/** `PATCH /api/v1/mis/subprojects/:id`: any of the fields, with the version read (409 version_conflict). */
export const updateSubprojectSchema = z
  .strictObject({ ...subprojectFields, baseVersion: z.number().int().min(1) })
  .partial()
  .required({ baseVersion: true })
  .refine((b) => Object.keys(b).length > 1, { message: 'empty_update' });
export type UpdateSubprojectInput = z.infer<typeof updateSubprojectSchema>;

/** `GET /api/v1/mis/subprojects` filters; `within` is a geo unit id (default: the caller's jurisdictions). */
export const subprojectListQuerySchema = z.strictObject({
  within: z.uuid().optional(),
  status: code.optional(),
  sector: code.optional(),
  type: code.optional(),
  component: code.optional(),
  cycleId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type SubprojectListQuery = z.infer<typeof subprojectListQuerySchema>;

const unitRef = z.object({ id: z.string(), name: z.string(), level: z.string() });

export const subprojectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  unit: unitRef,
  /** Names from the region down to the unit's parent, for display. */
  areaNames: z.array(z.string()),
  component: z.string(),
  sector: z.string(),
  type: z.string(),
  status: z.string(),
  progressPercent: z.number().int(),
  estimatedCost: z.number().int(),
  amountSpent: z.number().int(),
  updatedAt: timestampSchema,
});
export type SubprojectSummary = z.infer<typeof subprojectSummarySchema>;
export const subprojectPageSchema = pageOf(subprojectSummarySchema);

export const subprojectEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['step', 'correction']),
  step: z.string().nullable(),
  date: calendarDateSchema.nullable(),
  progressPercent: z.number().int().nullable(),
  amountSpent: z.number().int().nullable(),
  voids: z.string().nullable(),
  /** A later correction cancelled this event. */
  voided: z.boolean(),
  note: z.string(),
  author: personRefSchema.nullable(),
  recordedAt: timestampSchema,
  fileIds: z.array(z.string()),
});
export type SubprojectEvent = z.infer<typeof subprojectEventSchema>;

export const misContractSchema = z.object({
  id: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  company: z.string(),
  reference: z.string(),
  amount: z.number().int(),
  signedOn: calendarDateSchema.nullable(),
  startsOn: calendarDateSchema.nullable(),
  endsOn: calendarDateSchema.nullable(),
});
export type MisContract = z.infer<typeof misContractSchema>;

export const subprojectFileSchema = z.object({
  id: z.string(),
  kind: z.enum(['photo', 'document']),
  filename: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int(),
  eventId: z.string().nullable(),
  takenOn: calendarDateSchema.nullable(),
  caption: z.string(),
  addedAt: timestampSchema,
});

export const subprojectDetailSchema = subprojectSummarySchema.extend({
  version: z.number().int(),
  cvd: z.object({ id: z.string(), name: z.string() }).nullable(),
  cycle: z.object({ id: z.string(), name: z.string() }).nullable(),
  beneficiaryVillages: z.array(z.object({ id: z.string(), name: z.string() })),
  beneficiaries: beneficiariesSchema,
  attributes: z.record(z.string(), z.number()),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: z.string(),
  priorityId: z.string().nullable(),
  arbitrationId: z.string().nullable(),
  contracts: z.array(misContractSchema),
  files: z.array(subprojectFileSchema),
  events: z.array(subprojectEventSchema),
  /** The steps the rule accepts next (what the event form offers). */
  nextSteps: z.array(z.string()),
  createdAt: timestampSchema,
});
export type SubprojectDetail = z.infer<typeof subprojectDetailSchema>;

/**
 * `POST /api/v1/mis/subprojects/:id/events`: a step reached (`kind` 'step', the default) with its date, %,
 * FCFA spent at it, a note and proof files (upload ids), or a correction cancelling an earlier event (a note
 * saying why is required). 409 `step_sequence_invalid` with the rule's reason.
 */
export const createSubprojectEventSchema = z.union([
  z.strictObject({
    kind: z.literal('step').optional(),
    step: code,
    /** The day the step was reached: not after today. */
    date: clientDaySchema,
    progressPercent: z.number().int().min(0).max(100).nullable().optional(),
    amountSpent: fcfaSchema.nullable().optional(),
    note: z.string().max(2000).optional(),
    fileIds: z.array(z.uuid()).max(20).optional(),
    baseVersion: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('correction'),
    voids: z.uuid(),
    note: z.string().trim().min(3).max(2000),
    baseVersion: z.number().int().min(1).optional(),
  }),
]);
export type CreateSubprojectEventInput = z.infer<typeof createSubprojectEventSchema>;

export const subprojectEventResultSchema = z.object({
  event: subprojectEventSchema,
  status: z.string(),
  progressPercent: z.number().int(),
  amountSpent: z.number().int(),
  version: z.number().int(),
});

/** The list's filters without paging: the sub-projects export (CSV/XLSX) takes the same query. */
export const subprojectExportQuerySchema = subprojectListQuerySchema.omit({ cursor: true, limit: true });
export type SubprojectExportQuery = z.infer<typeof subprojectExportQuerySchema>;

/**
 * `POST /api/v1/mis/subprojects/:id/files`: completed uploads of the caller claimed as the sub-project's photos
 * or documents (`kind` by default from the content: an image is a photo, a PDF a document).
 */
export const addSubprojectFilesSchema = z.strictObject({
  uploadIds: z.array(z.uuid()).min(1).max(20),
  kind: z.enum(['photo', 'document']).optional(),
  caption: z.string().trim().max(500).optional(),
  takenOn: clientDaySchema.optional(),
});
export type AddSubprojectFilesInput = z.infer<typeof addSubprojectFilesSchema>;

/** `POST /api/v1/mis/subprojects/:id/contracts`. */
export const createContractSchema = z
  .strictObject({
    kind: z.enum(CONTRACT_KINDS),
    company: z.string().trim().min(2).max(200),
    reference: z.string().trim().max(100).optional(),
    amount: positiveFcfaSchema,
    signedOn: isoDate.optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, {
    message: 'ends_before_start',
    path: ['endsOn'],
  });
export type CreateContractInput = z.infer<typeof createContractSchema>;
