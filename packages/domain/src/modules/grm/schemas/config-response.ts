import { z } from 'zod';
import { geoRefSchema } from '../../../platform/schemas/auth-response.js';
import { referenceItemSchema } from '../../../platform/schemas/reference-response.js';
import { type Contract, personRefSchema } from '../../../platform/schemas/wire.js';

const codeNameRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** A grievance committee or department, at a unit, with its members. */
export const committeeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['committee', 'department']),
  unit: geoRefSchema,
  active: z.boolean(),
  members: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
});
export type Committee = Contract<typeof committeeSchema>;
export type CommitteeKind = Committee['kind'];
export type CommitteeMember = Committee['members'][number];

/** An escalation chain: the default one (region null) or a region's own. */
export const escalationChainSchema = z.object({
  id: z.string(),
  /** null for the default chain. */
  region: codeNameRef.nullable(),
  /** Lowest level first, ending with the country. */
  levels: z.array(z.string()),
});
export type EscalationChain = Contract<typeof escalationChainSchema>;

export const routingRuleSchema = z.object({
  id: z.string(),
  category: z.string().nullable(),
  area: geoRefSchema.nullable(),
  handlingLevel: z.string(),
  committee: codeNameRef.nullable(),
  assignee: personRefSchema.nullable(),
  priority: z.number(),
  active: z.boolean(),
});
export type RoutingRuleView = Contract<typeof routingRuleSchema>;

/** Where a new case would go now (nothing recorded). */
export const routingPreviewSchema = z.object({
  rule: routingRuleSchema.nullable(),
  handlingLevel: z.string(),
  handlingUnit: geoRefSchema,
  /** Who would get the case: the rule's named person if active, else the least loaded candidate. */
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  candidates: z.array(z.object({ id: z.string(), displayName: z.string(), openCases: z.number() })),
});
export type RoutingPreview = Contract<typeof routingPreviewSchema>;

/** The grievance module's reference lists in GET /api/v1/reference, by API name. */
export const grmReferenceListsSchema = z.object({
  types: z.array(referenceItemSchema),
  categories: z.array(referenceItemSchema),
  channels: z.array(referenceItemSchema),
  ageGroups: z.array(referenceItemSchema),
  genders: z.array(referenceItemSchema),
  vulnerabilityGroups: z.array(referenceItemSchema),
});
export type GrmReferenceLists = Contract<typeof grmReferenceListsSchema>;
