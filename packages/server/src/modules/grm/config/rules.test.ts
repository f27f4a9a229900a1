import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
  uniq,
} from '../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const DEFAULT_RULE = '00000000-0000-4000-8000-000000000011';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const admin = await makeUser(t, ['admin'], [tree.country]);
  const supervisor = await makeUser(t, ['supervisor'], [tree.country]);
  const person = await makeUser(t, ['focal_point'], [tree.a.canton]);
  const gone = await makeUser(t, ['focal_point'], [tree.a.canton]);
  Object.assign(ids, { admin: admin.id, person: person.id, gone: gone.id });
  s.admin = await login(t, admin.username);
  s.supervisor = await login(t, supervisor.username);
  await t.db.query('update users set active = false where id = $1', [gone.id]);
  const committee = await call('admin', 'POST', '/api/v1/grm/committees', {
    code: uniq('CCGP-'),
    name: 'Comité cantonal',
    kind: 'committee',
    unitId: tree.a.canton.id,
    memberIds: [person.id],
  });
  ids.committee = committee.json().id;
  const retired = await call('admin', 'POST', '/api/v1/grm/committees', {
    code: uniq('OLD-'),
    name: 'Ancien comité',
    kind: 'committee',
    unitId: tree.a.canton.id,
    memberIds: [],
  });
  ids.retired = retired.json().id;
  await call('admin', 'PATCH', `/api/v1/grm/committees/${ids.retired}`, { active: false });
  await t.db.query(
    `insert into reference_items (list, code, label_fr, label_en, active) values ('category', 'retired', 'Ancienne', 'Old', false)`,
  );
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const create = (over: Record<string, unknown> = {}) =>
  call('admin', 'POST', '/api/v1/grm/routing-rules', {
    category: 'works',
    areaId: tree.a.region.id,
    handlingLevel: 'canton',
    ...over,
  });
const rules = async () => (await call('supervisor', 'GET', '/api/v1/grm/routing-rules')).json().items;
const details = async (res: Awaited<ReturnType<typeof create>>) => {
  expect(res.statusCode).toBe(400);
  return res.json().details;
};

describe('routing rules', () => {
  it('lists the seeded rules: named categories first, the catch-all last', async () => {
    const items = await rules();
    expect(items.map((r: { category: string | null }) => r.category)).toEqual([
      'corruption',
      'gbv_sea',
      null,
    ]);
    expect(items[2]).toEqual({
      id: DEFAULT_RULE,
      category: null,
      area: null,
      handlingLevel: 'region',
      committee: null,
      assignee: null,
      priority: 0,
      active: true,
    });
  });

  it('creates a rule with committee and person, and audits it', async () => {
    const res = await create({ committeeId: ids.committee, assigneeId: ids.person, priority: 5 });
    expect(res.statusCode).toBe(201);
    const rule = res.json();
    expect(rule).toEqual({
      id: expect.any(String),
      category: 'works',
      area: { id: tree.a.region.id, code: tree.a.region.code, name: tree.a.region.name, level: 'region' },
      handlingLevel: 'canton',
      committee: { id: ids.committee, code: expect.any(String), name: 'Comité cantonal' },
      assignee: { id: ids.person, displayName: expect.any(String) },
      priority: 5,
      active: true,
    });
    const audit = await t.db.query<{ action: string; actor_id: string; changes: unknown }>(
      `select action, actor_id, changes from audit_log where entity = 'routing_rule' and entity_id = $1`,
      [rule.id],
    );
    expect(audit).toEqual([
      {
        action: 'create',
        actor_id: ids.admin,
        changes: expect.objectContaining({ categoryCode: 'works', areaId: tree.a.region.id, priority: 5 }),
      },
    ]);
  });

  it('orders rules as routing tries them: category, then depth of area, then priority; inactive last', async () => {
    const ids = {
      regionAny: (await create({ category: null, handlingLevel: 'region' })).json().id,
      cantonWorks: (await create({ areaId: tree.a.canton.id })).json().id,
      regionWorksLow: (await create({ priority: -1 })).json().id,
      off: (await create({ areaId: tree.a.villages[0]!.id, active: false })).json().id,
    };
    const order = (await rules()).map((r: { id: string }) => r.id);
    const at = (id: string) => order.indexOf(id);
    expect(at(ids.cantonWorks)).toBeLessThan(at(ids.regionWorksLow));
    expect(at(ids.regionWorksLow)).toBeLessThan(at(ids.regionAny));
    expect(at(ids.regionAny)).toBeLessThan(order.indexOf(DEFAULT_RULE));
    expect(at(ids.off)).toBe(order.length - 1);
  });

  it('refuses unknown references with the path of each field', async () => {
    expect(await details(await create({ category: 'nope' }))).toEqual([
      { path: 'category', message: 'unknown_category' },
    ]);
    expect(await details(await create({ category: 'retired' }))).toEqual([
      { path: 'category', message: 'unknown_category' },
    ]);
    expect(
      await details(
        await create({
          handlingLevel: 'hamlet',
          areaId: randomUUID(),
          committeeId: ids.retired,
          assigneeId: ids.gone,
        }),
      ),
    ).toEqual([
      { path: 'handlingLevel', message: 'unknown_level' },
      { path: 'areaId', message: 'unknown_geo_unit' },
      { path: 'committeeId', message: 'not_an_active_committee' },
      { path: 'assigneeId', message: 'not_an_active_user' },
    ]);
    expect((await details(await create({ committeeId: randomUUID() })))[0].path).toBe('committeeId');
    expect((await details(await create({ areaId: undefined })))[0].path).toBe('areaId');
  });

  it('sends sensitive categories to the national level only', async () => {
    expect(await details(await create({ category: 'gbv_sea', handlingLevel: 'region' }))).toEqual([
      { path: 'handlingLevel', message: 'sensitive_routes_nationally' },
    ]);
    const ok = await create({ category: 'corruption', handlingLevel: 'country', priority: 1 });
    expect(ok.statusCode).toBe(201);
    const patch = await call('admin', 'PATCH', `/api/v1/grm/routing-rules/${ok.json().id}`, {
      handlingLevel: 'canton',
    });
    expect(await details(patch)).toEqual([{ path: 'handlingLevel', message: 'sensitive_routes_nationally' }]);
    const works = (await create()).json();
    const toSensitive = await call('admin', 'PATCH', `/api/v1/grm/routing-rules/${works.id}`, {
      category: 'corruption',
    });
    expect(await details(toSensitive)).toEqual([
      { path: 'handlingLevel', message: 'sensitive_routes_nationally' },
    ]);
  });

  it('edits a rule partially, auditing only what changed, and deletes it', async () => {
    const rule = (await create()).json();
    const url = `/api/v1/grm/routing-rules/${rule.id}`;
    const res = await call('admin', 'PATCH', url, { priority: 9, committeeId: ids.committee });
    expect(res.json()).toMatchObject({
      priority: 9,
      committee: { id: ids.committee },
      handlingLevel: 'canton',
    });
    expect((await call('admin', 'PATCH', url, { priority: 9 })).statusCode).toBe(200);
    expect((await call('admin', 'DELETE', url)).statusCode).toBe(204);
    expect((await call('admin', 'DELETE', url)).statusCode).toBe(404);
    expect((await call('admin', 'PATCH', url, { priority: 1 })).statusCode).toBe(404);
    const audit = await t.db.query<{ action: string; changes: unknown }>(
      `select action, changes from audit_log where entity = 'routing_rule' and entity_id = $1 order by id`,
      [rule.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]!.changes).toEqual({
      priority: { from: 0, to: 9 },
      committeeId: { from: null, to: ids.committee },
    });
  });

  it('keeps at least one active catch-all rule, so that every case can be routed', async () => {
    const url = `/api/v1/grm/routing-rules/${DEFAULT_RULE}`;
    for (const res of [
      await call('admin', 'DELETE', url),
      await call('admin', 'PATCH', url, { active: false }),
      await call('admin', 'PATCH', url, { category: 'works' }),
      await call('admin', 'PATCH', url, { areaId: tree.a.region.id }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', details: { reason: 'last_catch_all_rule' } });
    }
    expect((await call('admin', 'PATCH', url, { handlingLevel: 'prefecture' })).statusCode).toBe(200);
    const spare = (await create({ category: null, areaId: null, handlingLevel: 'region' })).json();
    expect((await call('admin', 'DELETE', url)).statusCode).toBe(204);
    const last = await call('admin', 'PATCH', `/api/v1/grm/routing-rules/${spare.id}`, { active: false });
    expect(last.statusCode).toBe(409);
  });

  it('lets only administrators write, and hides the table from roles that do not handle cases', async () => {
    const rule = (await create()).json();
    const body = { category: null, areaId: null, handlingLevel: 'country' };
    const post = await call('supervisor', 'POST', '/api/v1/grm/routing-rules', body);
    expect(post.statusCode).toBe(403);
    const url = `/api/v1/grm/routing-rules/${rule.id}`;
    expect((await call('supervisor', 'PATCH', url, { priority: 3 })).statusCode).toBe(403);
    expect((await call('supervisor', 'DELETE', url)).statusCode).toBe(403);
    const analyst = await login(t, (await makeUser(t, ['analyst'], [tree.country])).username);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/grm/routing-rules',
      headers: analyst.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});
