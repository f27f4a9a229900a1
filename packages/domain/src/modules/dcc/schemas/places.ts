import { z } from 'zod';
import { type Contract, timestampSchema } from '../../../platform/schemas/wire.js';

/**
 * GPS points of a village (issue #15, docs/sync.md "DCC"): the village's own position (one per village: taking
 * it again moves it) and its meeting places (a name each). The facilitator takes them on the phone, offline;
 * the sync mutation dcc.place.record carries them; the desktop reads them with GET /api/v1/dcc/places.
 */

export const PLACE_KINDS = ['village', 'meeting_place'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_RECORD = 'dcc.place.record';

/**
 * Where a point taken for ANADEB may lie: Togo (lat 6.1–11.1, lon −0.15–1.8) with a margin of about 40 km. A point
 * outside is a phone whose GPS or clock lies (or a test position), refused with `dcc_place_out_of_area`.
 */
export const PLACE_AREA = { minLat: 5.7, maxLat: 11.5, minLon: -0.5, maxLon: 2.2 } as const;

export const withinPlaceArea = (latitude: number, longitude: number) =>
  latitude >= PLACE_AREA.minLat &&
  latitude <= PLACE_AREA.maxLat &&
  longitude >= PLACE_AREA.minLon &&
  longitude <= PLACE_AREA.maxLon;

export const placeRecordPayloadSchema = z
  .strictObject({
    /** Chosen by the phone. A village's position that already exists keeps the server's id. */
    id: z.uuid(),
    villageId: z.uuid(),
    kind: z.enum(PLACE_KINDS),
    /** A meeting place's name ("Sous le manguier de l'école"); none for the village's own position. */
    name: z.string().trim().min(1).max(120).nullable().optional(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** The GPS's own estimate, in metres. */
    accuracyM: z.number().min(0).max(100_000).nullable().optional(),
    /** When the phone took it (offline: maybe days before the push); a future time is read as now. */
    capturedAt: z.iso.datetime({ offset: true }),
  })
  .refine((p) => p.kind === 'village' || !!p.name, { message: 'name required', path: ['name'] });
export type PlaceRecordPayload = z.infer<typeof placeRecordPayloadSchema>;

export const placeListQuerySchema = z.object({ villageId: z.uuid() });
export type PlaceListQuery = z.infer<typeof placeListQuerySchema>;

export const placeSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  kind: z.enum(PLACE_KINDS),
  name: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  accuracyM: z.number().nullable(),
  capturedBy: z.string().nullable(),
  capturedByName: z.string().nullable(),
  capturedAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Place = Contract<typeof placeSchema>;
