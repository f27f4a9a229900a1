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

type Method = 'POST' | 'PATCH' | 'DELETE';
const write = (method: Method, url: string, payload?: object, who: Session | null = admin) =>
  t.app.inject({ method, url, headers: who ? who.headers : {}, ...(payload ? { payload } : {}) });

const newUnit = (parentId: string, level: string, extra: object = {}) =>
  write('POST', '/api/v1/geo/units', { parentId, level, code: uniq('U-'), name: uniq('Lieu '), ...extra });

const auditOf = (entityId: string) =>
  t.db.query<{ action: string; actor_id: string; changes: Record<string, unknown> }>(
    "select action, actor_id, changes from audit_log where entity = 'geo_unit' and entity_id = $1 order by id",
    [entityId],
  );

const issuePaths = (body: { details?: Array<{ path: string }> }) => body.details?.map((d) => d.path);

describe('POST /api/v1/geo/units', () => {
  it('creates a unit below its parent, answers it with its ancestors, and audits it', async () => {
    const code = uniq('TG-K-');
    const res = await write('POST', '/api/v1/geo/units', {
      parentId: tree.a.canton.id,
      level: 'village',
      code,
      name: '  Kéran-Bas ',
      border: true,
      rural: true,
      latitude: 9.85,
      longitude: 1.05,
    });
    expect(res.statusCode, res.body).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({
      code,
      name: 'Kéran-Bas',
      level: 'village',
      parentId: tree.a.canton.id,
      childCount: 0,
      border: true,
      rural: true,
      latitude: 9.85,
      longitude: 1.05,
      altNames: [],
    });
    expect(unit.ancestors.map((a: { id: string }) => a.id)).toEqual([
      tree.country.id,
      tree.a.region.id,
      tree.a.prefecture.id,
      tree.a.commune.id,
      tree.a.canton.id,
    ]);
    const audit = await auditOf(unit.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_id: adminId });
    expect(audit[0]!.changes).toMatchObject({ code, name: 'Kéran-Bas', level: 'village' });
  });

  it('refuses a level that is not below the parent’s', async () => {
    for (const level of ['village', 'region', 'country']) {
      const res = await newUnit(tree.a.villages[0]!.id, level);
      expect(res.statusCode).toBe(400);
      expect(issuePaths(res.json())).toEqual(['level']);
    }
    const sameLevel = await newUnit(tree.a.canton.id, 'canton');
    expect(issuePaths(sameLevel.json())).toEqual(['level']);
    const unknown = await newUnit(tree.a.canton.id, 'hamlet');
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown.json())).toEqual(['level']);
    const orphan = await newUnit(randomUUID(), 'village');
    expect(orphan.statusCode).toBe(400);
    expect(issuePaths(orphan.json())).toEqual(['parentId']);
  });

  it('answers 409 code_taken for a code already used, and 400 name for a sibling with the same name', async () => {
    const taken = await newUnit(tree.b.canton.id, 'village', { code: tree.a.villages[0]!.code });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('code_taken');
    const sibling = tree.b.villages[0]!;
    const sameName = await newUnit(tree.b.canton.id, 'village', { name: sibling.name.toUpperCase() });
    expect(sameName.statusCode).toBe(400);
    expect(issuePaths(sameName.json())).toEqual(['name']);
    // The same name elsewhere in the tree is fine.
    expect((await newUnit(tree.a.canton.id, 'village', { name: sibling.name })).statusCode).toBe(201);
  });

  it('refuses half a point and malformed fields with 400, never a 500', async () => {
    const half = await newUnit(tree.a.canton.id, 'village', { latitude: 9.5 });
    expect(half.statusCode).toBe(400);
    expect(issuePaths(half.json())).toEqual(['longitude']);
    const bad = await newUnit(tree.a.canton.id, 'village', { code: 'a b', latitude: 91, longitude: 0 });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad.json())).toEqual(expect.arrayContaining(['code', 'latitude']));
  });

  it('keeps an admin inside their jurisdiction, and other roles out', async () => {
    const regional = await login(t, (await makeUser(t, ['admin'], [tree.a.region])).username);
    const mine = await write(
      'POST',
      '/api/v1/geo/units',
      { parentId: tree.a.canton.id, level: 'village', code: uniq('R-'), name: uniq('R ') },
      regional,
    );
    expect(mine.statusCode).toBe(201);
    const outside = await write(
      'POST',
      '/api/v1/geo/units',
      { parentId: tree.b.canton.id, level: 'village', code: uniq('R-'), name: uniq('R ') },
      regional,
    );
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('outside_jurisdiction');
    const facilitator = await login(t, (await makeUser(t, ['facilitator'], [tree.country])).username);
    const denied = await write(
      'POST',
      '/api/v1/geo/units',
      { parentId: tree.a.canton.id, level: 'village', code: uniq('F-'), name: uniq('F ') },
      facilitator,
    );
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    const anonymous = await write(
      'POST',
      '/api/v1/geo/units',
      { parentId: tree.a.canton.id, level: 'village', code: uniq('A-'), name: uniq('A ') },
      null,
    );
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/geo/units',
      headers: { cookie: admin.cookie },
      payload: { parentId: tree.a.canton.id, level: 'village', code: uniq('C-'), name: uniq('C ') },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_invalid');
  });
});

describe('PATCH /api/v1/geo/units/:id', () => {
  it('changes only the fields sent and audits the difference', async () => {
    const created = (
      await newUnit(tree.a.canton.id, 'village', { border: true, rural: false, latitude: 10, longitude: 1 })
    ).json();
    const res = await write('PATCH', `/api/v1/geo/units/${created.id}`, { name: 'Pagouda Centre' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Pagouda Centre',
      code: created.code,
      border: true,
      rural: false,
      latitude: 10,
      longitude: 1,
    });
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.actor_id).toBe(adminId);
    expect(audit[1]!.changes).toEqual({ name: { from: created.name, to: 'Pagouda Centre' } });
    const same = await write('PATCH', `/api/v1/geo/units/${created.id}`, { name: 'Pagouda Centre' });
    expect(same.statusCode).toBe(200);
    expect(await auditOf(created.id)).toHaveLength(2);
    const cleared = await write('PATCH', `/api/v1/geo/units/${created.id}`, {
      latitude: null,
      longitude: null,
      rural: null,
      altNames: ['Pagouda'],
    });
    expect(cleared.json()).toMatchObject({ latitude: null, longitude: null, rural: null, border: true });
    expect(cleared.json().altNames).toEqual(['Pagouda']);
  });

  it('refuses half a point, a taken code or name, and unknown ids', async () => {
    const unit = tree.b.villages[1]!;
    const half = await write('PATCH', `/api/v1/geo/units/${unit.id}`, { latitude: 9.5 });
    expect(half.statusCode).toBe(400);
    expect(issuePaths(half.json())).toEqual(['longitude']);
    const code = await write('PATCH', `/api/v1/geo/units/${unit.id}`, { code: tree.b.villages[2]!.code });
    expect(code.statusCode).toBe(409);
    expect(code.json().code).toBe('code_taken');
    const name = await write('PATCH', `/api/v1/geo/units/${unit.id}`, { name: tree.b.villages[2]!.name });
    expect(name.statusCode).toBe(400);
    expect(issuePaths(name.json())).toEqual(['name']);
    const missing = await write('PATCH', `/api/v1/geo/units/${randomUUID()}`, { name: 'X' });
    expect(missing.statusCode).toBe(404);
    const regional = await login(t, (await makeUser(t, ['admin'], [tree.a.region])).username);
    const outside = await write('PATCH', `/api/v1/geo/units/${unit.id}`, { name: uniq('X') }, regional);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('outside_jurisdiction');
    expect(await auditOf(unit.id)).toEqual([]);
  });
});

describe('DELETE /api/v1/geo/units/:id', () => {
  it('deletes a leaf and audits it', async () => {
    const leaf = await makeUnit(t.db, tree.a.canton, 'village');
    const res = await write('DELETE', `/api/v1/geo/units/${leaf.id}`);
    expect(res.statusCode).toBe(204);
    expect(await t.db.query('select 1 from geo_units where id = $1', [leaf.id])).toEqual([]);
    const audit = await auditOf(leaf.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'delete', actor_id: adminId });
    expect(audit[0]!.changes).toEqual({ code: leaf.code, name: leaf.name, level: 'village' });
    expect((await write('DELETE', `/api/v1/geo/units/${leaf.id}`)).statusCode).toBe(404);
  });

  it('answers 409 geo_unit_has_children for a unit with children or in use', async () => {
    const withChildren = await write('DELETE', `/api/v1/geo/units/${tree.b.canton.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().code).toBe('geo_unit_has_children');
    const place = await makeUnit(t.db, tree.b.canton, 'village');
    await makeUser(t, ['facilitator'], [place]);
    const jurisdiction = await write('DELETE', `/api/v1/geo/units/${place.id}`);
    expect(jurisdiction.statusCode).toBe(409);
    expect(jurisdiction.json().code).toBe('geo_unit_has_children');
    // Another module's reference (a grievance committee) must not turn into a 500 either.
    const seat = await makeUnit(t.db, tree.b.canton, 'village');
    await t.db.query(
      "insert into grm_committees (id, code, name, kind, unit_id) values ($1, $2, 'Comité', 'committee', $3)",
      [randomUUID(), uniq('CGP-'), seat.id],
    );
    const committee = await write('DELETE', `/api/v1/geo/units/${seat.id}`);
    expect(committee.statusCode).toBe(409);
    expect(committee.json().code).toBe('geo_unit_has_children');
    expect(await auditOf(seat.id)).toEqual([]);
  });
});
