import { geoCodeSchema } from '@coso/domain';
import { z } from 'zod';

export const COMMITTEE_KINDS = ['committee', 'department'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

const levelCode = z.string().trim().min(1).max(40);
const referenceCode = z.string().trim().min(1).max(40);

export const idParams = z.object({ id: z.uuid() });
export const regionParams = z.object({ regionId: z.uuid() });

export const committeeQuery = z.object({
  /** Committees attached to this unit or to a place below it. */
  unit: z.uuid().optional(),
  kind: z.enum(COMMITTEE_KINDS).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** Fields without defaults, so that a partial update leaves absent fields alone. */
const committeeFields = {
  code: geoCodeSchema,
  name: z.string().trim().min(1).max(200),
  memberIds: z.array(z.uuid()).max(200),
};

export const createCommitteeSchema = z.object({
  ...committeeFields,
  kind: z.enum(COMMITTEE_KINDS),
  unitId: z.uuid(),
  memberIds: committeeFields.memberIds.default([]),
});
export type CreateCommitteeInput = z.infer<typeof createCommitteeSchema>;

export const updateCommitteeSchema = z.object({ ...committeeFields, active: z.boolean() }).partial();
export type UpdateCommitteeInput = z.infer<typeof updateCommitteeSchema>;

/** Levels a case climbs, lowest first; the order and the codes are checked against geo_levels. */
export const chainSchema = z.object({
  levels: z.array(levelCode).min(2, { message: 'at_least_two_levels' }).max(20),
});
export type ChainInput = z.infer<typeof chainSchema>;

const ruleFields = {
  /** null = every category. */
  category: referenceCode.nullable(),
  /** null = everywhere. */
  areaId: z.uuid().nullable(),
  handlingLevel: levelCode,
  committeeId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  priority: z.number().int().min(-1000).max(1000),
  active: z.boolean(),
};

export const createRuleSchema = z.object({
  ...ruleFields,
  committeeId: ruleFields.committeeId.default(null),
  assigneeId: ruleFields.assigneeId.default(null),
  priority: ruleFields.priority.default(0),
  active: ruleFields.active.default(true),
});
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z.object(ruleFields).partial();
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const previewSchema = z.object({ category: referenceCode, villageId: z.uuid() });
export type PreviewInput = z.infer<typeof previewSchema>;
