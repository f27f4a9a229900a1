import { PLACE_RECORD, type PlaceRecordPayload, placeRecordPayloadSchema, type SyncRow } from '@coso/domain';
import type { MutationDefinition } from '../../../platform/sync/mutations.js';
import type { MutationTypes } from '../../../platform/sync/registry.js';
import type { SyncSource } from '../../../platform/sync/tables.js';

/**
 * The villages' GPS points on the phones (docs/sync.md, "DCC"): a facilitator holds the points of every village
 * they are assigned in an active cycle, whoever took them. Removals follow the assignments and cycles
 * (migration 0027), written for the facilitator who held them.
 */
export const placesSource: SyncSource = {
  name: 'dcc_places',
  table: 'dcc_places',
  alias: 'gp',
  from: 'dcc_places gp',
  visible: `exists (select 1 from dcc_assignments ma join dcc_cycles cy on cy.id = ma.cycle_id and cy.status = 'active'
    where ma.village_id = gp.village_id and ma.facilitator_id = :me::uuid and ma.active)`,
  columns: `gp.id, gp.village_id as "villageId", gp.kind, gp.name, gp.latitude, gp.longitude,
    gp.accuracy_m as "accuracyM", gp.captured_by as "capturedBy", gp.captured_at as "capturedAt"`,
  id: { sql: 'gp.id', type: 'uuid' },
  visibleBefore: 'r.old_owner_id = :me::uuid',
  present: (row) => row as SyncRow,
};

const placeRecord: MutationDefinition<PlaceRecordPayload> = {
  payload: placeRecordPayloadSchema,
  async apply({ services, ctx }, payload) {
    const p = await services.dccPlaces.record(ctx.actor, payload);
    return { id: p.id, villageId: p.villageId, kind: p.kind };
  },
};

export const placeMutations: MutationTypes = { [PLACE_RECORD]: placeRecord };
