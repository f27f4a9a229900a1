import { z } from 'zod';

export const geoCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'code_format' });

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** Fields without defaults, so that a partial update leaves absent fields alone. */
const geoUnitFields = {
  code: geoCodeSchema,
  name: z.string().trim().min(1).max(120),
  altNames: z.array(z.string().trim().min(1).max(120)).max(20),
  border: z.boolean(),
  rural: z.boolean().nullable(),
  latitude: latitude.nullable(),
  longitude: longitude.nullable(),
};

export const createGeoUnitSchema = z.object({
  ...geoUnitFields,
  altNames: geoUnitFields.altNames.default([]),
  border: geoUnitFields.border.default(false),
  rural: geoUnitFields.rural.default(null),
  latitude: geoUnitFields.latitude.default(null),
  longitude: geoUnitFields.longitude.default(null),
  level: z.string().min(1).max(40),
  parentId: z.uuid().nullable(),
});
export type CreateGeoUnitInput = z.infer<typeof createGeoUnitSchema>;

export const updateGeoUnitSchema = z.object(geoUnitFields).partial();
export type UpdateGeoUnitInput = z.infer<typeof updateGeoUnitSchema>;

export const VILLAGE_GROUP_KINDS = ['cvd', 'geographical_unit'] as const;
export type VillageGroupKind = (typeof VILLAGE_GROUP_KINDS)[number];

const villageGroupFields = {
  code: geoCodeSchema,
  name: z.string().trim().min(1).max(120),
  headquartersVillageId: z.uuid().nullable(),
  villageIds: z.array(z.uuid()).min(1).max(200),
};

/** A CVD (comité villageois de développement) or a geographical unit: villages of one canton grouped. */
export const villageGroupSchema = z.object({
  ...villageGroupFields,
  kind: z.enum(VILLAGE_GROUP_KINDS),
  cantonId: z.uuid(),
  headquartersVillageId: villageGroupFields.headquartersVillageId.default(null),
});
export type VillageGroupInput = z.infer<typeof villageGroupSchema>;

export const updateVillageGroupSchema = z.object(villageGroupFields).partial();
export type UpdateVillageGroupInput = z.infer<typeof updateVillageGroupSchema>;
