import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceToken, FakeDevice } from '../../../platform/sync/pull-test-kit.js';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { mutation, push } from '../../../test/sync-push-kit.js';
import { generateInstances } from '../instances/generate.js';

/** DCC on devices: pull per role, reassignment between devices, the dcc.* mutations, plans and progress. */

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let specialist: Session;
let fac1: { id: string; username: string };
let fac2: { id: string; username: string };
let focal: { id: string; username: string };
let cycleId: string;
let dev1: FakeDevice;
let dev2: FakeDevice;
let devFocal: FakeDevice;

const instancesOf = (unitIds: string[]) =>
  t.db.query<{ id: string }>(
    'select id from dcc_task_instances where cycle_id = $1 and unit_id = any($2) order by id',
    [cycleId, unitIds],
  );
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  fac1 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  fac2 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  focal = await makeUser(t, ['focal_point'], [tree.country]);
  cycleId = await makeCycle(t.db, [tree.a.canton, tree.b.canton]);
  await generateInstances(t.db, cycleId);
  const assign = async (facilitatorId: string, unitIds: string[]) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dcc/cycles/${cycleId}/assignments`,
      headers: specialist.headers,
      payload: { facilitatorId, unitIds },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  await assign(fac1.id, [tree.a.villages[0]!.id, tree.a.villages[2]!.id]);
  await assign(fac2.id, [tree.b.villages[0]!.id]);
  await t.db.query(`update dcc_cycles set status = 'active' where id = $1`, [cycleId]);
  dev1 = new FakeDevice(t, await deviceToken(t, fac1.username));
  dev2 = new FakeDevice(t, await deviceToken(t, fac2.username));
  devFocal = new FakeDevice(t, await deviceToken(t, focal.username));
  await Promise.all([dev1.sync(), dev2.sync(), devFocal.sync()]);
});
afterAll(() => t.close());

describe('DCC pull', () => {
  it("gives a facilitator their villages' instances and those over them (CVD, canton, commune), nothing else", async () => {
    const a = tree.a;
    const expected = await instancesOf([
      a.villages[0]!.id,
      a.villages[2]!.id,
      tree.cvdA,
      a.canton.id,
      a.commune.id,
    ]);
    expect(dev1.ids('dcc_task_instances').sort()).toEqual(ids(expected));
    expect(dev1.ids('dcc_cycles')).toEqual([cycleId]);
    expect(dev1.rows('dcc_tasks')).toHaveLength(4);
    expect(
      dev1
        .rows('dcc_assignments')
        .map((r) => r.villageId)
        .sort(),
    ).toEqual([a.villages[0]!.id, a.villages[2]!.id].sort());
    // Branch b's facilitator: nothing of branch a.
    const b = tree.b;
    const expected2 = await instancesOf([b.villages[0]!.id, tree.cvdB, b.canton.id, b.commune.id]);
    expect(dev2.ids('dcc_task_instances').sort()).toEqual(ids(expected2));
  });

  it('gives a focal point nothing DCC', () => {
    for (const table of ['dcc_cycles', 'dcc_tasks', 'dcc_task_instances', 'dcc_assignments', 'dcc_plans']) {
      expect(devFocal.rows(table), table).toEqual([]);
    }
  });

  it("moves a village's rows from the old facilitator's device to the new one on reassignment", async () => {
    const village = tree.a.villages[2]!.id;
    const [own] = await instancesOf([village]);
    const shared = await instancesOf([tree.a.canton.id]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dcc/cycles/${cycleId}/assignments`,
      headers: specialist.headers,
      payload: { facilitatorId: fac2.id, unitIds: [village] },
    });
    expect(res.statusCode, res.body).toBe(200);
    await Promise.all([dev1.sync(), dev2.sync()]);
    expect(dev1.ids('dcc_task_instances')).not.toContain(own!.id);
    // Still held through the other village: the canton's instance stays.
    expect(dev1.ids('dcc_task_instances')).toEqual(expect.arrayContaining(ids(shared)));
    expect(dev2.ids('dcc_task_instances')).toContain(own!.id);
    expect(dev2.ids('dcc_task_instances')).toEqual(expect.arrayContaining(ids(shared)));
    expect(dev1.rows('dcc_assignments').map((r) => r.villageId)).toEqual([tree.a.villages[0]!.id]);
  });
});

describe('DCC push: plans', () => {
  const planId = randomUUID();
  it('creates, updates and records a plan; a stale version is a conflict with the current row', async () => {
    const headers = dev1.headers;
    const session = { cookie: '', csrf: '', headers };
    const created = await push(t, session, [
      mutation('dcc.plan.create', {
        id: planId,
        cycleId,
        unitId: tree.a.villages[0]!.id,
        title: 'Visite',
        plannedOn: '2027-03-02',
      }),
    ]);
    expect(created[0]).toMatchObject({ status: 'applied', result: { id: planId, version: 1 } });
    const updated = await push(t, session, [
      mutation('dcc.plan.update', { planId, plannedOn: '2027-03-04' }, { baseVersion: 1 }),
    ]);
    expect(updated[0]).toMatchObject({ status: 'applied', result: { version: 2 } });
    const stale = await push(t, session, [
      mutation('dcc.plan.record', { planId, outcome: 'done', comment: 'Fait' }, { baseVersion: 1 }),
    ]);
    expect(stale[0]).toMatchObject({
      status: 'conflict',
      current: { id: planId, version: 2, plannedOn: '2027-03-04' },
    });
    const recorded = await push(t, session, [
      mutation('dcc.plan.record', { planId, outcome: 'done', comment: 'Fait' }, { baseVersion: 2 }),
    ]);
    expect(recorded[0]).toMatchObject({ status: 'applied', result: { version: 3, outcome: 'done' } });
    await dev1.sync();
    expect(dev1.rows('dcc_plans')).toEqual([
      expect.objectContaining({ id: planId, outcome: 'done', version: 3 }),
    ]);
    expect(dev2.rows('dcc_plans')).toEqual([]);
  });

  it("refuses a plan on another facilitator's village and another's plan", async () => {
    const session = { cookie: '', csrf: '', headers: dev1.headers };
    const [r] = await push(t, session, [
      mutation('dcc.plan.create', {
        id: randomUUID(),
        cycleId,
        unitId: tree.b.villages[0]!.id,
        title: 'X',
        plannedOn: '2027-03-02',
      }),
    ]);
    expect(r).toMatchObject({ status: 'rejected', code: 'dcc_unit_not_assigned' });
    const [s] = await push(t, { cookie: '', csrf: '', headers: dev2.headers }, [
      mutation('dcc.plan.update', { planId, title: 'Y' }, { baseVersion: 3 }),
    ]);
    expect(s).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('lists plans over REST: mine; a specialist by facilitator; 403 for others', async () => {
    const mine = await t.app.inject({
      url: '/api/v1/dcc/plans?from=2027-03-01&to=2027-03-31',
      headers: dev1.headers,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((p: { id: string }) => p.id)).toEqual([planId]);
    const spec = await t.app.inject({
      url: `/api/v1/dcc/plans?facilitatorId=${fac1.id}`,
      headers: specialist.headers,
    });
    expect(spec.json().items).toHaveLength(1);
    const other = await t.app.inject({
      url: `/api/v1/dcc/plans?facilitatorId=${fac1.id}`,
      headers: dev2.headers,
    });
    expect(other.statusCode).toBe(403);
    const focalList = await t.app.inject({ url: '/api/v1/dcc/plans', headers: devFocal.headers });
    expect(focalList.statusCode).toBe(403);
  });
});

describe('DCC progress', () => {
  it('counts the funnel, area × phase and the league on a hand-built state', async () => {
    const a = tree.a;
    // Village 0 of branch a: everything that applies to it validated (own, CVD, canton, commune).
    const v0 = await instancesOf([a.villages[0]!.id, tree.cvdA, a.canton.id, a.commune.id]);
    await t.db.query(
      `update dcc_task_instances set status = 'validated', submitted_by = $2 where id = any($1)`,
      [v0.map((r) => r.id), fac1.id],
    );
    const res = await t.app.inject({
      url: `/api/v1/dcc/progress?cycleId=${cycleId}&within=${a.commune.id}`,
      headers: specialist.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // 4 villages in branch a; village 0 complete, village 1 shares the CVD and canton but not its own task.
    expect(body.phases).toEqual([expect.objectContaining({ villages: 4, completed: 1 })]);
    // The league counts the commune's own instance too (4). Under the commune: the canton's instances (4 villages + 1 CVD + 1 canton = 6), 3 of them validated.
    expect(body.areas).toEqual([
      {
        unitId: a.canton.id,
        name: a.canton.name,
        phases: [expect.objectContaining({ percentValidated: 50 })],
      },
    ]);
    expect(body.facilitators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: fac1.id, tasksValidated: 4, tasksSubmitted: 0 }),
      ]),
    );
  });

  it('answers 403 outside the jurisdiction and without dcc.read', async () => {
    const fac = await login(t, fac2.username);
    const outside = await t.app.inject({
      url: `/api/v1/dcc/progress?cycleId=${cycleId}&within=${tree.b.canton.id}`,
      headers: fac.headers,
    });
    expect(outside.statusCode).toBe(403);
    const focalRes = await t.app.inject({
      url: `/api/v1/dcc/progress?cycleId=${cycleId}`,
      headers: devFocal.headers,
    });
    expect(focalRes.statusCode).toBe(403);
  });
});
