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

beforeAll(async () => {
  t = await createTestApp();
  // buildApp does not call ready(): routes added now are in place before the first inject readies the app.
  tree = await makeTree(t.db);
  const people = {
    admin: await makeUser(t, ['admin'], [tree.country]),
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    analyst: await makeUser(t, ['analyst'], [tree.country]),
    m1: await makeUser(t, ['facilitator'], tree.a.villages),
    m2: await makeUser(t, ['focal_point'], [tree.a.canton]),
    gone: await makeUser(t, ['facilitator'], tree.a.villages),
  };
  for (const [key, user] of Object.entries(people)) ids[key] = user.id;
  for (const key of ['admin', 'officer', 'analyst']) s[key] = await login(t, people[key as 'admin'].username);
  await t.db.query('update users set active = false where id = $1', [ids.gone]);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const create = (over: Record<string, unknown> = {}) =>
  call('admin', 'POST', '/api/v1/grm/committees', {
    code: uniq('CPG-'),
    name: uniq('Comité de canton '),
    kind: 'committee',
    unitId: tree.a.canton.id,
    memberIds: [ids.m1, ids.m2],
    ...over,
  });
const auditOf = (id: string) =>
  t.db.query<{ action: string; actor_id: string; changes: Record<string, unknown> }>(
    `select action, actor_id, changes from audit_log where entity = 'grm_committee' and entity_id = $1 order by id`,
    [id],
  );

describe('committees and departments', () => {
  it('creates a committee with its members and records it in the audit log', async () => {
    const res = await create({ name: 'Comité cantonal de gestion des plaintes' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: 'Comité cantonal de gestion des plaintes',
      kind: 'committee',
      active: true,
      unit: { id: tree.a.canton.id, code: tree.a.canton.code, name: tree.a.canton.name, level: 'canton' },
    });
    expect(c.members.map((m: { id: string }) => m.id).sort()).toEqual([ids.m1, ids.m2].sort());
    expect(c.members[0]).toEqual({
      id: expect.any(String),
      username: expect.any(String),
      displayName: expect.any(String),
    });
    const audit = await auditOf(c.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', actor_id: ids.admin, changes: expect.any(Object) }),
    ]);
    expect(audit[0]!.changes).toMatchObject({ code: c.code, memberIds: [ids.m1, ids.m2] });
  });

  it('lists by unit subtree, kind and text, for administrators and case handlers only', async () => {
    const dept = (
      await create({
        kind: 'department',
        unitId: tree.country.id,
        name: uniq('Service sauvegardes '),
        memberIds: [],
      })
    ).json();
    const inB = (await create({ unitId: tree.b.canton.id })).json();
    const codes = async (query: string, who = 'officer') => {
      const res = await call(who, 'GET', `/api/v1/grm/committees${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { code: string }) => i.code);
    };
    const inRegionB = await codes(`?unit=${tree.b.region.id}`);
    expect(inRegionB).toEqual([inB.code]);
    expect(await codes('?kind=department')).toEqual([dept.code]);
    expect(await codes(`?q=${encodeURIComponent(dept.name.slice(-8))}`, 'admin')).toEqual([dept.code]);
    expect(await codes(`?unit=${tree.a.region.id}&kind=department`)).toEqual([]);
    expect((await call('analyst', 'GET', '/api/v1/grm/committees')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/grm/committees' })).statusCode).toBe(401);
  });

  it('pages through a long list with a cursor', async () => {
    const first = (await call('officer', 'GET', '/api/v1/grm/committees?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await call('officer', 'GET', `/api/v1/grm/committees?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('refuses an unknown unit, inactive or unknown members, duplicates and a taken code', async () => {
    const before = await t.db.query('select count(*)::int as n from grm_committees');
    const noUnit = await create({ unitId: randomUUID() });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().details).toEqual([{ path: 'unitId', message: 'unknown_geo_unit' }]);
    const members = await create({ memberIds: [ids.m1, ids.gone, randomUUID(), ids.m1] });
    expect(members.statusCode).toBe(400);
    expect(members.json().details).toEqual([
      { path: 'memberIds.1', message: 'not_an_active_user' },
      { path: 'memberIds.2', message: 'not_an_active_user' },
      { path: 'memberIds.3', message: 'duplicate' },
    ]);
    const badKind = await create({ kind: 'club' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().details[0].path).toBe('kind');
    const code = uniq('CPG-');
    expect((await create({ code })).statusCode).toBe(201);
    const taken = await create({ code });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('code_taken');
    expect(await t.db.query('select count(*)::int as n from grm_committees')).toEqual([
      { n: (before[0] as { n: number }).n + 1 },
    ]);
  });

  it('edits name, code and members partially, auditing only what changed', async () => {
    const c = (await create()).json();
    const url = `/api/v1/grm/committees/${c.id}`;
    const res = await call('admin', 'PATCH', url, { name: 'Nouveau nom', memberIds: [ids.m2] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nouveau nom', code: c.code, members: [{ id: ids.m2 }] });
    expect((await call('admin', 'PATCH', url, { memberIds: [ids.m2], name: 'Nouveau nom' })).statusCode).toBe(
      200,
    );
    const audit = await auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.changes).toEqual({
      name: { from: c.name, to: 'Nouveau nom' },
      memberIds: { from: [ids.m1, ids.m2].sort(), to: [ids.m2] },
    });
    const other = (await create()).json();
    const taken = await call('admin', 'PATCH', url, { code: other.code });
    expect(taken.json().code).toBe('code_taken');
    const gone = await call('admin', 'PATCH', url, { memberIds: [ids.m2, ids.gone] });
    expect(gone.json().details).toEqual([{ path: 'memberIds.1', message: 'not_an_active_user' }]);
    const missing = await call('admin', 'PATCH', `/api/v1/grm/committees/${randomUUID()}`, {
      name: 'x',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps a member deactivated since, and refuses to deactivate a committee that active rules use', async () => {
    const c = (await create({ memberIds: [ids.m1] })).json();
    await t.db.query('update users set active = false where id = $1', [ids.m1]);
    try {
      const kept = await call('admin', 'PATCH', `/api/v1/grm/committees/${c.id}`, {
        memberIds: [ids.m1, ids.m2],
      });
      expect(kept.statusCode).toBe(200);
    } finally {
      await t.db.query('update users set active = true where id = $1', [ids.m1]);
    }
    const rule = await call('admin', 'POST', '/api/v1/grm/routing-rules', {
      category: 'works',
      areaId: tree.a.canton.id,
      handlingLevel: 'canton',
      committeeId: c.id,
    });
    expect(rule.statusCode).toBe(201);
    const url = `/api/v1/grm/committees/${c.id}`;
    const refused = await call('admin', 'PATCH', url, { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'conflict',
      details: { reason: 'committee_in_use', rules: [rule.json().id] },
    });
    await call('admin', 'PATCH', `/api/v1/grm/routing-rules/${rule.json().id}`, { active: false });
    const done = await call('admin', 'PATCH', url, { active: false });
    expect(done.json()).toMatchObject({ active: false });
    const reuse = await call('admin', 'PATCH', `/api/v1/grm/routing-rules/${rule.json().id}`, {
      committeeId: c.id,
      active: true,
    });
    expect(reuse.json().details).toEqual([{ path: 'committeeId', message: 'not_an_active_committee' }]);
  });

  it('lets only administrators write', async () => {
    const c = (await create()).json();
    const post = await call('officer', 'POST', '/api/v1/grm/committees', {
      code: uniq('X-'),
      name: 'Comité',
      kind: 'committee',
      unitId: tree.a.canton.id,
      memberIds: [],
    });
    expect(post.statusCode).toBe(403);
    expect(post.json().code).toBe('forbidden');
    const patch = await call('officer', 'PATCH', `/api/v1/grm/committees/${c.id}`, { name: 'Piraté' });
    expect(patch.statusCode).toBe(403);
    expect((await call('officer', 'GET', `/api/v1/grm/committees/${c.id}`)).json().name).toBe(c.name);
  });
});
