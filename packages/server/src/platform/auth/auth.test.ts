import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  PASSWORD,
  type TestApp,
  uniq,
} from '../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_MINUTES: '15' });
  tree = await makeTree(t.db);
});
afterAll(() => t.close());

describe('login', () => {
  it('logs in by username or email and returns the user with a session cookie', async () => {
    const email = `${uniq('x')}@example.org`;
    const user = await makeUser(t, ['focal_point'], [tree.a.region], { email });
    for (const loginName of [user.username, email.toUpperCase()]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: loginName, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'coso_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(res.json().user).toMatchObject({
        username: user.username,
        roles: ['focal_point'],
        locale: 'fr',
      });
      expect(res.json().user.jurisdictions[0]).toMatchObject({ id: tree.a.region.id, level: 'region' });
    }
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown login, in French by default', async () => {
    const user = await makeUser(t, ['analyst'], [tree.country]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: user.username, password: 'nope-nope-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'Identifiant ou mot de passe incorrect.',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-GB,en' },
      payload: { login: uniq('ghost'), password: 'whatever-1' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'Incorrect username or password.',
    });
  });

  it('throttles a login after repeated failures with 429 and Retry-After, even with the right password', async () => {
    const user = await makeUser(t, ['analyst'], [tree.country]);
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: user.username, password: 'bad-password-1' },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: user.username, password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('rejects a malformed body with 400 and field paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_error');
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['login', 'password']),
    );
  });
});

describe('sessions', () => {
  it('serves /me, requires the CSRF token for cookie writes, and ends on logout', async () => {
    const user = await makeUser(t, ['supervisor'], [tree.country]);
    const s = await login(t, user.username);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.json()).toMatchObject({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: ['supervisor'],
    });
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
      payload: { locale: 'en' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_invalid');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(ok.json().locale).toBe('en');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('lets a browser that still holds a session log in again without a CSRF token', async () => {
    const user = await makeUser(t, ['analyst'], [tree.country]);
    const s = await login(t, user.username);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: s.cookie },
      payload: { login: user.username, password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
  });

  it('ends every session and token of a user the moment an admin deactivates them', async () => {
    const admin = await makeUser(t, ['admin'], [tree.country]);
    const user = await makeUser(t, ['facilitator'], tree.a.villages);
    const a = await login(t, admin.username);
    const s = await login(t, user.username);
    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { login: user.username, password: PASSWORD },
    });
    const bearer = { authorization: `Bearer ${tok.json().token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: a.headers,
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: user.username, password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });
});

describe('device and API tokens', () => {
  it('issues a bearer token that needs no CSRF token, is listed, and can be revoked by its owner', async () => {
    const user = await makeUser(t, ['admin'], [tree.country]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { login: user.username, password: PASSWORD, deviceName: 'Tecno Pop 5' },
    });
    expect(res.statusCode).toBe(201);
    const { token, expiresAt, id } = res.json();
    expect(token).toMatch(/^coso_/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer,
      payload: { displayName: 'Nouveau nom' },
    });
    expect(write.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer });
    expect(list.json().items).toEqual([expect.objectContaining({ id, deviceName: 'Tecno Pop 5' })]);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: bearer }))
        .statusCode,
    ).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('session_expired');
  });

  it("lets an admin list and revoke another user's tokens, but not a plain user", async () => {
    const admin = await makeUser(t, ['admin'], [tree.country]);
    const owner = await makeUser(t, ['facilitator'], tree.b.villages);
    const other = await makeUser(t, ['facilitator'], tree.b.villages);
    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { login: owner.username, password: PASSWORD },
    });
    const o = await login(t, other.username);
    const peek = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/tokens?userId=${owner.id}`,
      headers: { cookie: o.cookie },
    });
    expect(peek.statusCode).toBe(403);
    const steal = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${tok.json().id}`,
      headers: o.headers,
    });
    expect(steal.statusCode).toBe(404);
    const a = await login(t, admin.username);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/tokens?userId=${owner.id}`,
      headers: { cookie: a.cookie },
    });
    expect(list.json().items).toHaveLength(1);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/auth/tokens/${tok.json().id}`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('refuses an unknown bearer token with 401', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer coso_forged' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('checks the current password and ends the other sessions', async () => {
    const user = await makeUser(t, ['analyst'], [tree.country]);
    const keep = await login(t, user.username);
    const other = await login(t, user.username);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: keep.headers,
      payload: { currentPassword: 'wrong-one-1', newPassword: 'Another-pass-99' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('wrong_password');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: keep.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].path).toBe('newPassword');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: keep.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'Another-pass-99' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: keep.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: other.cookie } }))
        .statusCode,
    ).toBe(401);
    await login(t, user.username, 'Another-pass-99');
  });
});
