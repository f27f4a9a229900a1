import type { OutboxEntry } from '../../platform/sync/device.js';
import type { DeviceEntity } from '../../platform/sync/entities.js';
import type { SyncRow } from '../../platform/sync/protocol.js';
import { PLACE_RECORD, type PlaceRecordPayload, placeRecordPayloadSchema } from './schemas/places.js';

/**
 * The village GPS points on the phone (table dcc_places, mutation dcc.place.record; device-sync.ts lists them
 * with the other DCC tables). A point taken offline shows at once (`pending: true`); a new position of the
 * village hides the older one, as the server keeps one per village.
 */

export const DCC_PLACES_TABLE = 'dcc_places';

function overlayPlaces(rows: SyncRow[], pending: readonly OutboxEntry[]): SyncRow[] {
  let out = [...rows];
  for (const { mutation } of pending) {
    if (mutation.type !== PLACE_RECORD) continue;
    const p = mutation.payload as PlaceRecordPayload;
    if (p.kind === 'village') out = out.filter((r) => !(r.kind === 'village' && r.villageId === p.villageId));
    out = out.filter((r) => r.id !== p.id);
    out.push({
      changeSeq: 0,
      name: null,
      accuracyM: null,
      capturedBy: null,
      ...p,
      pending: true,
    });
  }
  return out;
}

export const dccPlaceEntity: DeviceEntity = {
  name: 'dcc_place',
  table: DCC_PLACES_TABLE,
  mutations: {
    [PLACE_RECORD]: {
      payload: placeRecordPayloadSchema,
      subject: (p) => (p as { villageId?: string } | undefined)?.villageId,
    },
  },
  overlays: { [DCC_PLACES_TABLE]: ({ rows, pending }) => overlayPlaces(rows, pending) },
};
