import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceToken, FakeDevice } from '../../../platform/sync/pull-test-kit.js';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { mutation, push } from '../../../test/sync-push-kit.js';
import { generateInstances } from '../instances/generate.js';

/** Village GPS points: dcc.place.record, GET /api/v1/dcc/places, and who pulls them (migration 0027). */

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let specialist: Session;
let specialistB: Session;
let fac1: { id: string; username: string };
let fac2: { id: string; username: string };
let cycleId: string;
let dev1: FakeDevice;
let dev2: FakeDevice;
let village: string;

const session = (d: FakeDevice) => ({ cookie: '', csrf: '', headers: d.headers });
const count = async () =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from dcc_places'))[0]!.n;
const point = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  villageId: village,
  kind: 'village',
  latitude: 9.5511,
  longitude: 1.1861,
  accuracyM: 12,
  capturedAt: '2027-03-02T09:15:00Z',
  ...extra,
});
const assign = async (facilitatorId: string, unitIds: string[]) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dcc/cycles/${cycleId}/assignments`,
    headers: specialist.headers,
    payload: { facilitatorId, unitIds },
  });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  village = tree.a.villages[0]!.id;
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  specialistB = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.b.canton])).username);
  fac1 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  fac2 = await makeUser(t, ['facilitator'], [tree.b.canton]);
  cycleId = await makeCycle(t.db, [tree.a.canton, tree.b.canton]);
  await generateInstances(t.db, cycleId);
  await assign(fac1.id, [village]);
  await assign(fac2.id, [tree.b.villages[0]!.id]);
  await t.db.query(`update dcc_cycles set status = 'active' where id = $1`, [cycleId]);
  dev1 = new FakeDevice(t, await deviceToken(t, fac1.username));
  dev2 = new FakeDevice(t, await deviceToken(t, fac2.username));
  await Promise.all([dev1.sync(), dev2.sync()]);
});
afterAll(() => t.close());

describe('dcc.place.record', () => {
  it("records the village's position (taking it again moves the same row) and a named meeting place", async () => {
    const first = point();
    const [a] = await push(t, session(dev1), [mutation('dcc.place.record', first)]);
    expect(a).toMatchObject({ status: 'applied', result: { id: first.id, kind: 'village' } });
    const [b] = await push(t, session(dev1), [
      mutation('dcc.place.record', point({ latitude: 9.552, accuracyM: 5 })),
    ]);
    // The server keeps one position per village: the second lands on the first row.
    expect(b).toMatchObject({ status: 'applied', result: { id: first.id } });
    const meeting = point({ kind: 'meeting_place', name: 'Sous le manguier' });
    const [c] = await push(t, session(dev1), [mutation('dcc.place.record', meeting)]);
    expect(c).toMatchObject({ status: 'applied', result: { id: meeting.id } });
    await dev1.sync();
    const rows = dev1.rows('dcc_places');
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === first.id)).toMatchObject({
      latitude: 9.552,
      accuracyM: 5,
      capturedBy: fac1.id,
    });
    expect(rows.find((r) => r.id === meeting.id)).toMatchObject({
      kind: 'meeting_place',
      name: 'Sous le manguier',
    });
  });

  it('refuses coordinates outside Togo or out of range, a meeting place without a name, and a village not mine', async () => {
    const before = await count();
    const results = await push(t, session(dev1), [
      mutation('dcc.place.record', point({ latitude: 48.8566, longitude: 2.3522 })),
      mutation('dcc.place.record', point({ latitude: 95 })),
      mutation('dcc.place.record', point({ kind: 'meeting_place' })),
      mutation('dcc.place.record', point({ villageId: tree.b.villages[0]!.id })),
    ]);
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'dcc_place_out_of_area'],
      ['rejected', 'validation_error'],
      ['rejected', 'validation_error'],
      ['rejected', 'dcc_unit_not_assigned'],
    ]);
    expect(await count()).toBe(before);
  });

  it("never reaches another area's facilitator", async () => {
    await dev2.sync();
    expect(dev2.rows('dcc_places')).toEqual([]);
  });
});

describe('GET /api/v1/dcc/places', () => {
  it("lists a village's points to its facilitator and to a specialist of its area, 403 elsewhere", async () => {
    const url = `/api/v1/dcc/places?villageId=${village}`;
    const spec = await t.app.inject({ url, headers: specialist.headers });
    expect(spec.statusCode, spec.body).toBe(200);
    expect(spec.json().items.map((p: { kind: string }) => p.kind)).toEqual(['village', 'meeting_place']);
    expect(spec.json().items[0]).toMatchObject({ capturedByName: expect.any(String), latitude: 9.552 });
    expect((await t.app.inject({ url, headers: dev1.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: dev2.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: specialistB.headers })).statusCode).toBe(403);
    const bad = await t.app.inject({ url: '/api/v1/dcc/places?villageId=x', headers: specialist.headers });
    expect(bad.statusCode).toBe(400);
    const canton = await t.app.inject({
      url: `/api/v1/dcc/places?villageId=${tree.a.canton.id}`,
      headers: specialist.headers,
    });
    expect(canton.statusCode).toBe(404);
  });
});

describe('dcc_places on devices', () => {
  it("follow the village on reassignment and leave with the cycle's end", async () => {
    const held = dev1.ids('dcc_places').sort();
    expect(held).toHaveLength(2);
    await assign(fac2.id, [village]);
    await Promise.all([dev1.sync(), dev2.sync()]);
    expect(dev1.rows('dcc_places')).toEqual([]);
    expect(dev2.ids('dcc_places').sort()).toEqual(held);
    await t.db.query(`update dcc_cycles set status = 'closed' where id = $1`, [cycleId]);
    await dev2.sync();
    expect(dev2.rows('dcc_places')).toEqual([]);
  });
});
