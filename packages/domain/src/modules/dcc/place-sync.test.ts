import { describe, expect, it } from 'vitest';
import { createDeviceEngine } from '../../platform/sync/engine.js';
import { createFakeServer } from '../../platform/sync/fake-server.js';
import { createMemoryStore } from '../../platform/sync/memory-store.js';
import { DCC_DEVICE_ENTITIES, DCC_MUTATION_TYPES as T, DCC_DEVICE_TABLES as TABLES } from './device-sync.js';

const V1 = '0b9a4c7e-2f10-4c11-9d2a-000000000004';
const OLD = '0b9a4c7e-2f10-4c11-9d2a-000000000005';
const NEW = '0b9a4c7e-2f10-4c11-9d2a-000000000006';
const MEET = '0b9a4c7e-2f10-4c11-9d2a-000000000007';

const point = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  villageId: V1,
  kind: 'village',
  latitude: 9.55,
  longitude: 1.18,
  accuracyM: 10,
  capturedAt: '2027-03-02T09:00:00Z',
  ...extra,
});

describe('DCC places on the device', () => {
  it('shows a point taken offline at once; a new village position hides the old one, a meeting place adds one', async () => {
    const server = createFakeServer({ mutations: {} });
    server.put(TABLES.places, { ...point(OLD), capturedBy: 'u1' });
    const engine = createDeviceEngine({
      store: createMemoryStore(),
      transport: server.transport,
      entities: DCC_DEVICE_ENTITIES,
    });
    await engine.sync();
    server.fail('push', 'offline');
    await engine.enqueue(T.placeRecord, point(NEW, { latitude: 9.56 }));
    await engine.enqueue(T.placeRecord, point(MEET, { kind: 'meeting_place', name: 'École' }));
    const rows = await engine.rows(TABLES.places);
    expect(rows.map((r) => [r.id, r.pending === true]).sort()).toEqual(
      [
        [NEW, true],
        [MEET, true],
      ].sort(),
    );
    expect(rows.find((r) => r.id === NEW)).toMatchObject({ latitude: 9.56, kind: 'village' });
  });

  it('refuses to queue a meeting place without a name', async () => {
    const engine = createDeviceEngine({
      store: createMemoryStore(),
      transport: createFakeServer({ mutations: {} }).transport,
      entities: DCC_DEVICE_ENTITIES,
    });
    await expect(engine.enqueue(T.placeRecord, point(MEET, { kind: 'meeting_place' }))).rejects.toThrow();
  });
});
