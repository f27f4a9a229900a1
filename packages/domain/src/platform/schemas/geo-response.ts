import { z } from 'zod';
import { geoRefSchema } from './auth-response.js';
import { VILLAGE_GROUP_KINDS } from './geo.js';
import type { Contract } from './wire.js';

export const geoLevelSchema = z.object({
  code: z.string(),
  rank: z.number(),
  labelFr: z.string(),
  labelEn: z.string(),
});
export type GeoLevel = Contract<typeof geoLevelSchema>;

/** A unit in lists and searches. */
export const geoUnitSummarySchema = geoRefSchema.extend({
  parentId: z.string().nullable(),
  childCount: z.number(),
});
export type GeoUnitSummary = Contract<typeof geoUnitSummarySchema>;

/** One unit with its ancestors, root first. */
export const geoUnitSchema = geoUnitSummarySchema.extend({
  altNames: z.array(z.string()),
  border: z.boolean(),
  rural: z.boolean().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  ancestors: z.array(geoRefSchema),
});
export type GeoUnit = Contract<typeof geoUnitSchema>;

/** A CVD or geographical unit with its villages. */
export const villageGroupViewSchema = z.object({
  id: z.string(),
  kind: z.enum(VILLAGE_GROUP_KINDS),
  code: z.string(),
  name: z.string(),
  cantonId: z.string(),
  cantonName: z.string(),
  headquartersVillageId: z.string().nullable(),
  villages: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export type VillageGroup = Contract<typeof villageGroupViewSchema>;

/** A line of an import that was not applied, its reason in the request's language. */
export const importRejectionSchema = z.object({
  line: z.number(),
  column: z.string().nullable(),
  reason: z.string(),
  code: z.string().optional(),
});
export type ImportRejection = Contract<typeof importRejectionSchema>;

/** POST /api/v1/geo/import: what the sheet did (a dry run changes nothing). */
export const geoImportReportSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(importRejectionSchema),
});
export type GeoImportReport = Contract<typeof geoImportReportSchema>;
