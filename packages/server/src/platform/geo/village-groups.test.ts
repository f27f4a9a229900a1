import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
  type TestUnit,
  uniq,
} from '../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const user = await makeUser(t, ['admin'], [tree.country]);
  adminId = user.id;
  admin = await login(t, user.username);
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, who: Session = admin) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

/** A canton of its own with `n` villages, so that tests do not compete for the same villages. */
async function canton(n = 3, under: TestUnit = tree.a.commune) {
  const unit = await makeUnit(t.db, under, 'canton');
  const villages: TestUnit[] = [];
  for (let i = 0; i < n; i++) villages.push(await makeUnit(t.db, unit, 'village'));
  return { unit, villages };
}

const cvd = (c: { unit: TestUnit; villages: TestUnit[] }, extra: object = {}) => ({
  kind: 'cvd',
  code: uniq('CVD-'),
  name: uniq('CVD '),
  cantonId: c.unit.id,
  headquartersVillageId: c.villages[0]!.id,
  villageIds: c.villages.map((v) => v.id),
  ...extra,
});

const paths = (res: { json: () => { details?: Array<{ path: string; message: string }> } }) =>
  res.json().details?.map((d) => d.path);

describe('POST /api/v1/geo/groups', () => {
  it('creates a CVD of villages of one canton with its headquarters, and audits it', async () => {
    const c = await canton();
    const body = cvd(c);
    const res = await call('POST', '/api/v1/geo/groups', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'cvd',
      code: body.code,
      name: body.name,
      cantonId: c.unit.id,
      cantonName: c.unit.name,
      headquartersVillageId: c.villages[0]!.id,
    });
    expect(
      res
        .json()
        .villages.map((v: { id: string }) => v.id)
        .sort(),
    ).toEqual(body.villageIds.sort());
    expect(res.json().villages[0]).toEqual(
      expect.objectContaining({ code: expect.any(String), name: expect.any(String) }),
    );
    const audit = await t.db.query(
      "select action, actor_id from audit_log where entity = 'village_group' and entity_id = $1",
      [res.json().id],
    );
    expect(audit).toEqual([{ action: 'create', actor_id: adminId }]);
    const again = await call('GET', `/api/v1/geo/groups/${res.json().id}`);
    expect(again.json()).toEqual(res.json());
  });

  it('refuses villages of another canton, with the index of each', async () => {
    const c = await canton(2);
    const res = await call(
      'POST',
      '/api/v1/geo/groups',
      cvd(c, {
        villageIds: [c.villages[0]!.id, tree.b.villages[0]!.id, c.villages[1]!.id, tree.a.canton.id],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_error');
    expect(paths(res)).toEqual(['villageIds.1', 'villageIds.3']);
    const notCanton = await call('POST', '/api/v1/geo/groups', cvd(c, { cantonId: tree.a.commune.id }));
    expect(paths(notCanton)).toEqual(['cantonId']);
  });

  it('requires a headquarters among the villages of a CVD, but not of a geographical unit', async () => {
    const c = await canton(2);
    const none = await call('POST', '/api/v1/geo/groups', cvd(c, { headquartersVillageId: null }));
    expect(none.statusCode).toBe(400);
    expect(paths(none)).toEqual(['headquartersVillageId']);
    const outside = await call(
      'POST',
      '/api/v1/geo/groups',
      cvd(c, { headquartersVillageId: tree.a.villages[0]!.id }),
    );
    expect(paths(outside)).toEqual(['headquartersVillageId']);
    const gu = await call(
      'POST',
      '/api/v1/geo/groups',
      cvd(c, { kind: 'geographical_unit', headquartersVillageId: null }),
    );
    expect(gu.statusCode).toBe(201);
    expect(gu.json().headquartersVillageId).toBeNull();
  });

  it('puts a village in one CVD and one geographical unit at most', async () => {
    const c = await canton(3);
    const first = await call(
      'POST',
      '/api/v1/geo/groups',
      cvd(c, { villageIds: [c.villages[0]!.id, c.villages[1]!.id] }),
    );
    expect(first.statusCode).toBe(201);
    const second = await call(
      'POST',
      '/api/v1/geo/groups',
      cvd(c, {
        headquartersVillageId: c.villages[2]!.id,
        villageIds: [c.villages[2]!.id, c.villages[1]!.id],
      }),
    );
    expect(second.statusCode).toBe(400);
    expect(second.json().details).toEqual([
      { path: 'villageIds.1', message: `already_in_group:${first.json().code}` },
    ]);
    const gu = await call('POST', '/api/v1/geo/groups', cvd(c, { kind: 'geographical_unit' }));
    expect(gu.statusCode).toBe(201);
  });

  it('lets only one of two simultaneous requests take the same village', async () => {
    const c = await canton(1);
    const answers = await Promise.all([
      call('POST', '/api/v1/geo/groups', cvd(c)),
      call('POST', '/api/v1/geo/groups', cvd(c)),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400]);
    expect(answers.find((a) => a.statusCode === 400)!.json().details[0].message).toMatch(/^already_in_group/);
  });

  it('answers 409 code_taken for a duplicate code, 403 outside the jurisdiction or without the right', async () => {
    const c = await canton(2);
    const first = await call('POST', '/api/v1/geo/groups', cvd(c, { villageIds: [c.villages[0]!.id] }));
    const dup = await call(
      'POST',
      '/api/v1/geo/groups',
      cvd(c, {
        code: first.json().code,
        headquartersVillageId: c.villages[1]!.id,
        villageIds: [c.villages[1]!.id],
      }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('code_taken');
    const other = await canton(1, tree.b.commune);
    const regional = await login(t, (await makeUser(t, ['admin'], [tree.a.region])).username);
    const outside = await call('POST', '/api/v1/geo/groups', cvd(other), regional);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('outside_jurisdiction');
    const facilitator = await login(t, (await makeUser(t, ['facilitator'], [tree.country])).username);
    expect((await call('POST', '/api/v1/geo/groups', cvd(other), facilitator)).statusCode).toBe(403);
  });
});

describe('PATCH, DELETE and GET /api/v1/geo/groups', () => {
  it('changes the name, the villages and the headquarters', async () => {
    const c = await canton(3);
    const created = (
      await call('POST', '/api/v1/geo/groups', cvd(c, { villageIds: [c.villages[0]!.id] }))
    ).json();
    const res = await call('PATCH', `/api/v1/geo/groups/${created.id}`, {
      name: 'CVD de Sirka',
      villageIds: [c.villages[1]!.id, c.villages[2]!.id],
      headquartersVillageId: c.villages[2]!.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'CVD de Sirka',
      code: created.code,
      headquartersVillageId: c.villages[2]!.id,
    });
    expect(
      res
        .json()
        .villages.map((v: { id: string }) => v.id)
        .sort(),
    ).toEqual([c.villages[1]!.id, c.villages[2]!.id].sort());
    const headquartersLeft = await call('PATCH', `/api/v1/geo/groups/${created.id}`, {
      villageIds: [c.villages[1]!.id],
    });
    expect(headquartersLeft.statusCode).toBe(400);
    expect(paths(headquartersLeft)).toEqual(['headquartersVillageId']);
    // The released village can join another CVD.
    const next = await call('POST', '/api/v1/geo/groups', cvd(c, { villageIds: [c.villages[0]!.id] }));
    expect(next.statusCode).toBe(201);
    const actions = await t.db.query<{ action: string }>(
      "select action from audit_log where entity = 'village_group' and entity_id = $1 order by id",
      [created.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['create', 'update']);
    expect((await call('PATCH', `/api/v1/geo/groups/${randomUUID()}`, { name: 'X' })).statusCode).toBe(404);
  });

  it('lists groups filtered by kind, canton, area and text', async () => {
    const c = await canton(2, tree.b.commune);
    const name = uniq('Kpendjal ');
    const mine = (await call('POST', '/api/v1/geo/groups', cvd(c, { name }))).json();
    const gu = (
      await call(
        'POST',
        '/api/v1/geo/groups',
        cvd(c, { kind: 'geographical_unit', headquartersVillageId: null }),
      )
    ).json();
    const list = async (query: string) => {
      const res = await call('GET', `/api/v1/geo/groups?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((g: { id: string }) => g.id);
    };
    expect((await list(`canton=${c.unit.id}`)).sort()).toEqual([mine.id, gu.id].sort());
    expect(await list(`canton=${c.unit.id}&kind=cvd`)).toEqual([mine.id]);
    expect(await list(`canton=${c.unit.id}&kind=geographical_unit`)).toEqual([gu.id]);
    expect(await list(`within=${tree.b.region.id}&kind=geographical_unit`)).toEqual([gu.id]);
    expect(await list(`within=${tree.a.region.id}`)).not.toContain(mine.id);
    expect(await list(`q=${encodeURIComponent(name.toUpperCase().replace('E', 'É'))}`)).toEqual([mine.id]);
    expect(await list(`q=${encodeURIComponent(mine.code.toLowerCase())}`)).toEqual([mine.id]);
    expect(await list('q=%25')).toEqual([]);
    const first = await call('GET', `/api/v1/geo/groups?canton=${c.unit.id}&limit=1`);
    expect(first.json().items).toHaveLength(1);
    const rest = await call(
      'GET',
      `/api/v1/geo/groups?canton=${c.unit.id}&limit=1&cursor=${first.json().nextCursor}`,
    );
    expect([first.json().items[0].id, rest.json().items[0].id].sort()).toEqual([mine.id, gu.id].sort());
    expect(rest.json().nextCursor).toBeNull();
    expect((await call('GET', '/api/v1/geo/groups?kind=club')).statusCode).toBe(400);
  });

  it('deletes a group, audits it, and frees its villages', async () => {
    const c = await canton(1);
    const created = (await call('POST', '/api/v1/geo/groups', cvd(c))).json();
    const village = c.villages[0]!;
    expect((await call('DELETE', `/api/v1/geo/units/${village.id}`)).statusCode).toBe(409);
    const res = await call('DELETE', `/api/v1/geo/groups/${created.id}`);
    expect(res.statusCode).toBe(204);
    expect((await call('GET', `/api/v1/geo/groups/${created.id}`)).statusCode).toBe(404);
    const [audit] = await t.db.query(
      "select action, actor_id from audit_log where entity = 'village_group' and entity_id = $1 and action = 'delete'",
      [created.id],
    );
    expect(audit).toEqual({ action: 'delete', actor_id: adminId });
    expect((await call('POST', '/api/v1/geo/groups', cvd(c))).statusCode).toBe(201);
    expect((await call('DELETE', `/api/v1/geo/groups/${randomUUID()}`)).statusCode).toBe(404);
  });
});
