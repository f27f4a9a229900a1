import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { generateInstances } from '../instances/generate.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let specialist: Session;
let fac1: { id: string; username: string };
let fac2: { id: string; username: string };
let cycleId: string;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  fac1 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  fac2 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  cycleId = await makeCycle(t.db, [tree.a.canton]);
  await generateInstances(t.db, cycleId);
});
afterAll(() => t.close());

const assign = (payload: unknown, session = specialist, id = cycleId) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dcc/cycles/${id}/assignments`,
    headers: session.headers,
    payload,
  });
const activeRows = () =>
  t.db.query<{ villageId: string; facilitatorId: string }>(
    `select village_id as "villageId", facilitator_id as "facilitatorId" from dcc_assignments
      where cycle_id = $1 and active order by village_id`,
    [cycleId],
  );

describe('DCC assignments', () => {
  it('assigns villages and CVDs (their villages); a second identical call changes nothing', async () => {
    const res = await assign({ facilitatorId: fac1.id, unitIds: [tree.cvdA, tree.a.villages[2]!.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assigned: 3, reassigned: 0, unchanged: 0 });
    expect(
      res
        .json()
        .items.map((i: { villageId: string }) => i.villageId)
        .sort(),
    ).toEqual(
      tree.a.villages
        .slice(0, 3)
        .map((v) => v.id)
        .sort(),
    );
    const again = await assign({ facilitatorId: fac1.id, unitIds: [tree.a.villages[0]!.id] });
    expect(again.json()).toMatchObject({ assigned: 0, reassigned: 0, unchanged: 1 });
    expect(await activeRows()).toHaveLength(3);
  });

  it('reassigns a village held by another facilitator: one active row, the old one ended, instances untouched', async () => {
    const instances = () =>
      t.db.query(
        'select id, status, version, change_seq from dcc_task_instances where cycle_id = $1 order by id',
        [cycleId],
      );
    await t.db.query(`update dcc_task_instances set status = 'draft', version = 3 where cycle_id = $1`, [
      cycleId,
    ]);
    const before = await instances();
    const village = tree.a.villages[1]!.id;
    const res = await assign({ facilitatorId: fac2.id, unitIds: [village] });
    expect(res.json()).toMatchObject({ assigned: 0, reassigned: 1, unchanged: 0 });
    const rows = await t.db.query<{ facilitatorId: string; active: boolean; endedAt: Date | null }>(
      `select facilitator_id as "facilitatorId", active, ended_at as "endedAt" from dcc_assignments
        where cycle_id = $1 and village_id = $2 order by active`,
      [cycleId, village],
    );
    expect(rows.map((r) => [r.facilitatorId, r.active, r.endedAt !== null])).toEqual([
      [fac1.id, false, true],
      [fac2.id, true, false],
    ]);
    expect(await instances()).toEqual(before);
  });

  it('lists active assignments, a facilitator only their own', async () => {
    const all = await t.app.inject({
      url: `/api/v1/dcc/cycles/${cycleId}/assignments`,
      headers: specialist.headers,
    });
    expect(all.json().items).toHaveLength(3);
    const ended = await t.app.inject({
      url: `/api/v1/dcc/cycles/${cycleId}/assignments?includeEnded=true`,
      headers: specialist.headers,
    });
    expect(ended.json().items).toHaveLength(4);
    const own = await login(t, fac2.username);
    const mine = await t.app.inject({
      url: `/api/v1/dcc/cycles/${cycleId}/assignments?facilitatorId=${fac1.id}`,
      headers: own.headers,
    });
    expect(mine.json().items.map((i: { facilitator: { id: string } }) => i.facilitator.id)).toEqual([
      fac2.id,
    ]);
  });

  it('refuses a village outside the areas, an unknown unit, a non-facilitator (422) and writes nothing', async () => {
    const before = await activeRows();
    const outside = await assign({
      facilitatorId: fac1.id,
      unitIds: [tree.a.villages[3]!.id, tree.b.villages[0]!.id],
    });
    expect([outside.statusCode, outside.json().code]).toEqual([422, 'dcc_unit_outside_cycle']);
    expect(outside.json().details).toEqual({ unitIds: [tree.b.villages[0]!.id] });
    const cvdOutside = await assign({ facilitatorId: fac1.id, unitIds: [tree.cvdB] });
    expect(cvdOutside.statusCode).toBe(422);
    const canton = await assign({ facilitatorId: fac1.id, unitIds: [tree.a.canton.id] });
    expect(canton.json().code).toBe('dcc_unit_outside_cycle');
    const officer = await makeUser(t, ['grm_officer'], [tree.country]);
    const notFacilitator = await assign({ facilitatorId: officer.id, unitIds: [tree.a.villages[3]!.id] });
    expect([notFacilitator.statusCode, notFacilitator.json().code]).toEqual([422, 'dcc_not_facilitator']);
    expect(await activeRows()).toEqual(before);
  });

  it('403 without dcc.manage, 404 for an unknown cycle, 409 on a closed cycle', async () => {
    const own = await login(t, fac1.username);
    expect(
      (await assign({ facilitatorId: fac1.id, unitIds: [tree.a.villages[3]!.id] }, own)).statusCode,
    ).toBe(403);
    const unknown = await assign(
      { facilitatorId: fac1.id, unitIds: [tree.a.villages[3]!.id] },
      specialist,
      '00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
    const closed = await makeCycle(t.db, [tree.a.canton]);
    await t.db.query(`update dcc_cycles set status = 'closed' where id = $1`, [closed]);
    const res = await assign(
      { facilitatorId: fac1.id, unitIds: [tree.a.villages[3]!.id] },
      specialist,
      closed,
    );
    expect([res.statusCode, res.json().code]).toEqual([409, 'dcc_cycle_status']);
  });

  it("finds the facilitators a manager may assign: active, in the manager's areas, by name or username", async () => {
    const regional = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.region])).username);
    const elsewhere = await makeUser(t, ['facilitator'], [tree.b.canton]);
    const search = async (session: Session, q = '') => {
      const res = await t.app.inject({
        url: `/api/v1/dcc/facilitators?q=${encodeURIComponent(q)}`,
        headers: session.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((u: { id: string }) => u.id);
    };
    const inA = await search(regional);
    expect(inA).toEqual(expect.arrayContaining([fac1.id, fac2.id]));
    expect(inA).not.toContain(elsewhere.id);
    expect(await search(specialist)).toEqual(expect.arrayContaining([fac1.id, fac2.id, elsewhere.id]));
    expect(await search(regional, fac2.username)).toEqual([fac2.id]);
    const facilitator = await login(t, fac1.username);
    const refused = await t.app.inject({ url: '/api/v1/dcc/facilitators', headers: facilitator.headers });
    expect(refused.statusCode).toBe(403);
  });
});
