import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  PASSWORD,
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
  const a = await makeUser(t, ['admin'], [tree.country]);
  adminId = a.id;
  admin = await login(t, a.username);
});
afterAll(() => t.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  username: uniq('agent.'),
  displayName: 'Agent de test',
  email: `${uniq('a')}@example.org`,
  locale: 'fr',
  roles: ['focal_point'],
  jurisdictionIds: [tree.a.region.id],
  password: 'Bonjour-Kara-2027',
  ...over,
});

describe('user administration', () => {
  it('creates a user who can then log in, and records it in the audit log without the password', async () => {
    const body = newUser();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: body.username,
      roles: ['focal_point'],
      active: true,
      lastLoginAt: null,
    });
    expect(user.jurisdictions).toEqual([expect.objectContaining({ id: tree.a.region.id, level: 'region' })]);
    expect(user).not.toHaveProperty('passwordHash');
    await login(t, body.username, body.password);
    const rows = await t.db.query<{ action: string; actor_id: string; changes: Record<string, unknown> }>(
      `select action, actor_id, changes from audit_log where entity = 'user' and entity_id = $1 order by id`,
      [user.id],
    );
    expect(rows[0]).toMatchObject({ action: 'create', actor_id: adminId });
    expect(JSON.stringify(rows)).not.toContain(body.password);
  });

  it('reports every invalid field with its path and writes nothing', async () => {
    const before = await t.db.query('select count(*)::int as n from users');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({
        username: 'A',
        email: 'not-an-email',
        roles: ['wizard'],
        jurisdictionIds: [],
        password: 'short',
      }),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['username', 'email', 'roles.0', 'jurisdictionIds', 'password']),
    );
    expect(await t.db.query('select count(*)::int as n from users')).toEqual(before);
  });

  it('refuses unknown jurisdiction units, and duplicate usernames or emails with 409', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({ jurisdictionIds: [crypto.randomUUID()] }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([{ path: 'jurisdictionIds.0', message: 'unknown_geo_unit' }]);
    const first = newUser();
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: first });
    const sameName = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({ username: first.username.toUpperCase() }),
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().code).toBe('username_taken');
    const sameEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({ email: first.email }),
    });
    expect(sameEmail.json().code).toBe('email_taken');
  });

  it('edits roles and jurisdictions, records the changed fields, and leaves absent fields alone', async () => {
    const user = await makeUser(t, ['facilitator'], tree.a.villages, { email: `${uniq('e')}@example.org` });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { roles: ['facilitator', 'focal_point'], jurisdictionIds: [tree.b.canton.id] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      roles: ['facilitator', 'focal_point'],
      email: user.email,
      locale: 'fr',
    });
    expect(res.json().jurisdictions.map((j: { id: string }) => j.id)).toEqual([tree.b.canton.id]);
    const [entry] = await t.db.query<{ changes: Record<string, { from: unknown; to: unknown }> }>(
      `select changes from audit_log where entity_id = $1 and action = 'update'`,
      [user.id],
    );
    expect(entry?.changes.roles).toEqual({ from: ['facilitator'], to: ['facilitator', 'focal_point'] });
    expect(Object.keys(entry?.changes ?? {})).toEqual(expect.arrayContaining(['roles', 'jurisdictionIds']));
  });

  it('resets a password: the old one stops working and the user is logged out everywhere', async () => {
    const user = await makeUser(t, ['analyst'], [tree.country]);
    const s = await login(t, user.username);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/password`,
      headers: admin.headers,
      payload: { password: 'Reinitialise-2027' },
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
    await expect(login(t, user.username, PASSWORD)).rejects.toThrow();
    await login(t, user.username, 'Reinitialise-2027');
  });

  it('prevents an admin from locking themself out', async () => {
    for (const payload of [{ active: false }, { roles: ['analyst'] }]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${adminId}`,
        headers: admin.headers,
        payload,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('self_lockout');
    }
  });

  it('lists with search, role and active filters and keyset pages', async () => {
    const tag = uniq('zz');
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: newUser({ username: `${tag}.${i}`, roles: i % 2 ? ['analyst'] : ['supervisor'] }),
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/v1/users?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      const body: { items: Array<{ username: string }>; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((u) => u.username));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}.${i}`));
    const analysts = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${tag}&role=analyst`,
      headers: { cookie: admin.cookie },
    });
    expect(analysts.json().items).toHaveLength(2);
    const inactive = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${tag}&active=false`,
      headers: { cookie: admin.cookie },
    });
    expect(inactive.json().items).toHaveLength(0);
  });

  it('is for administrators only', async () => {
    const focal = await makeUser(t, ['focal_point', 'grm_officer'], [tree.country]);
    const s = await login(t, focal.username);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(403);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: s.headers,
      payload: newUser(),
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${crypto.randomUUID()}`,
      headers: { cookie: admin.cookie },
    });
    expect(missing.statusCode).toBe(404);
  });
});
