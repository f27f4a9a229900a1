import { describe, expect, it } from 'vitest';
import { createDeviceEngine } from '../../platform/sync/engine.js';
import { createEntityRegistry } from '../../platform/sync/entities.js';
import { createFakeServer } from '../../platform/sync/fake-server.js';
import { createMemoryStore } from '../../platform/sync/memory-store.js';
import type { Mutation } from '../../platform/sync/protocol.js';
import { DCC_DEVICE_ENTITIES, DCC_MUTATION_TYPES as T, DCC_DEVICE_TABLES as TABLES } from './device-sync.js';

const I1 = '0b9a4c7e-2f10-4c11-9d2a-000000000001';
const P1 = '0b9a4c7e-2f10-4c11-9d2a-000000000002';
const C1 = '0b9a4c7e-2f10-4c11-9d2a-000000000003';
const V1 = '0b9a4c7e-2f10-4c11-9d2a-000000000004';

function setup() {
  const received: Mutation[] = [];
  let version = 3;
  const server = createFakeServer({
    mutations: {
      [T.saveDraft]: (m) => {
        received.push(m);
        return { status: 'applied', result: { id: I1, status: 'draft', version: ++version } };
      },
      [T.submit]: (m) => {
        received.push(m);
        if (m.baseVersion !== version) return { status: 'conflict' };
        return { status: 'applied', result: { id: I1, status: 'submitted', version: ++version } };
      },
      [T.attach]: (m) => {
        received.push(m);
        return { status: 'applied', result: { id: I1, version } };
      },
      [T.planCreate]: (m) => {
        received.push(m);
        return { status: 'applied', result: { id: P1, version: 1 } };
      },
    },
  });
  server.put(TABLES.instances, { id: I1, status: 'todo', version: 3, answers: null, files: [] });
  const engine = createDeviceEngine({
    store: createMemoryStore(),
    transport: server.transport,
    entities: DCC_DEVICE_ENTITIES,
  });
  return { server, engine, received };
}

describe('DCC on the device', () => {
  it('registers every DCC table and mutation type once', () => {
    const registry = createEntityRegistry(DCC_DEVICE_ENTITIES);
    for (const table of Object.values(TABLES)) expect(registry.schema.tables).toHaveProperty(table);
    for (const type of Object.values(T)) expect(registry.mutation(type), type).toBeDefined();
    expect(registry.tableOf(T.planRecord)).toBe(TABLES.plans);
    expect(registry.tableOf(T.submit)).toBe(TABLES.instances);
  });

  it('shows a queued draft and submission on the instance, then pushes them in order, the second rebased', async () => {
    const { engine, server, received } = setup();
    await engine.sync();
    server.fail('push', 'offline');
    await engine.enqueue(
      T.saveDraft,
      { id: I1, answers: { hommes: 12 }, baseVersion: 3 },
      { baseVersion: 3 },
    );
    await engine.enqueue(T.submit, { id: I1, baseVersion: 3 }, { baseVersion: 3 });
    const [shown] = await engine.rows(TABLES.instances, { id: I1 });
    expect(shown).toMatchObject({ status: 'submitted', answers: { hommes: 12 }, pending: true });
    expect((await engine.sync()).ok).toBe(false);
    await engine.sync();
    await engine.sync();
    expect(received.map((m) => [m.type, m.baseVersion])).toEqual([
      [T.saveDraft, 3],
      // Rebased on the draft's answer (version 4), payload too.
      [T.submit, 4],
    ]);
    expect(received[1]!.payload).toEqual({ id: I1, baseVersion: 4 });
    expect((await engine.status()).failed).toEqual([]);
  });

  it('uploads a slot file first and sends its upload id', async () => {
    const { engine, received } = setup();
    await engine.enqueue(
      T.attach,
      { id: I1, slot: 'pv', uploadId: 'local-file.x' },
      { files: [{ blob: new Blob(['jpeg']), name: 'pv.jpg', type: 'image/jpeg' }] },
    );
    await engine.sync();
    expect(received).toHaveLength(1);
    expect(received[0]!.payload).toMatchObject({
      id: I1,
      slot: 'pv',
      uploadId: expect.stringMatching(/^up-/),
    });
  });

  it('shows a plan created offline until the server has it; refuses a malformed one when queued', async () => {
    const { engine, server } = setup();
    server.fail('push', 'offline');
    await engine.enqueue(T.planCreate, {
      id: P1,
      cycleId: C1,
      unitId: V1,
      title: 'Visite',
      plannedOn: '2027-03-02',
    });
    expect(await engine.rows(TABLES.plans)).toEqual([
      expect.objectContaining({
        id: P1,
        title: 'Visite',
        plannedOn: '2027-03-02',
        outcome: null,
        pending: true,
      }),
    ]);
    await expect(
      engine.enqueue(T.planCreate, { id: P1, cycleId: C1, unitId: V1, plannedOn: '2027-03-02' }),
    ).rejects.toThrow();
  });
});
