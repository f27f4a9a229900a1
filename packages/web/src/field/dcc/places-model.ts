import { type PlaceKind, type SyncRow, withinPlaceArea } from '@coso/domain';

/**
 * Village GPS points on the phone (table dcc_places; domain modules/dcc/schemas/places.ts): the pulled rows
 * read into typed points, a village's position and meeting places, and one reading of the phone's GPS.
 */

export interface DccPlace {
  id: string;
  villageId: string;
  kind: PlaceKind;
  name: string | null;
  latitude: number;
  longitude: number;
  accuracyM: number | null;
  capturedAt: string;
  pending: boolean;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A row without usable coordinates is left out (undefined). */
export function readPlace(r: SyncRow): DccPlace | undefined {
  const latitude = num(r.latitude);
  const longitude = num(r.longitude);
  if (latitude === null || longitude === null || typeof r.villageId !== 'string') return undefined;
  return {
    id: r.id,
    villageId: r.villageId,
    kind: r.kind === 'meeting_place' ? 'meeting_place' : 'village',
    name: typeof r.name === 'string' && r.name ? r.name : null,
    latitude,
    longitude,
    accuracyM: num(r.accuracyM),
    capturedAt: typeof r.capturedAt === 'string' ? r.capturedAt : '',
    pending: r.pending === true,
  };
}

/** The village's own position (the newest, should two show) and its meeting places by name. */
export function villagePlaces(places: readonly DccPlace[], villageId: string) {
  const mine = places.filter((p) => p.villageId === villageId);
  const position = mine
    .filter((p) => p.kind === 'village')
    .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))[0];
  const meetingPlaces = mine
    .filter((p) => p.kind === 'meeting_place')
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'fr'));
  return { position, meetingPlaces };
}

export interface GpsReading {
  latitude: number;
  longitude: number;
  accuracy: number;
}

/** Why no position: refused by the user, no fix in time, no GPS, or a position outside Togo. */
export type GpsProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'out_of_area';

export class GpsError extends Error {
  constructor(readonly problem: GpsProblem) {
    super(problem);
  }
}

/**
 * One reading of the phone's GPS: high accuracy, 30 s at most, a fix of the last 10 s accepted (as the form
 * runner's geopoint question). Rejects with a GpsError; a point outside Togo is refused here as the server would.
 */
export function readGps(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation) {
  return new Promise<GpsReading>((resolve, reject) => {
    if (!geolocation) return reject(new GpsError('unsupported'));
    geolocation.getCurrentPosition(
      ({ coords }) => {
        const reading = {
          latitude: Number(coords.latitude.toFixed(6)),
          longitude: Number(coords.longitude.toFixed(6)),
          accuracy: Math.round(coords.accuracy),
        };
        if (!withinPlaceArea(reading.latitude, reading.longitude)) reject(new GpsError('out_of_area'));
        else resolve(reading);
      },
      (error) =>
        reject(
          new GpsError(
            error.code === error.PERMISSION_DENIED
              ? 'denied'
              : error.code === error.TIMEOUT
                ? 'timeout'
                : 'unavailable',
          ),
        ),
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 10_000 },
    );
  });
}
