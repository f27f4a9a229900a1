import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUnit, makeUser, type TestApp } from './test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('answers health, readiness and meta', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
    expect((await t.app.inject({ url: '/api/v1/meta' })).json()).toMatchObject({ environment: 'test' });
  });

  it('serves the OpenAPI document and its browsable page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/token',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/geo/units',
      '/api/v1/geo/import',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(
      doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['login', 'password']));
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('error answers', () => {
  it('never answers 500 to bad input: malformed JSON, wrong content type, unknown routes, oversize bodies', async () => {
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) });
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-yaml' },
      payload: 'login: x',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('unsupported_media_type');
    const unknown = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'not_found', message: 'Élément introuvable.' });
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ login: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/v1/meta' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('behind HTTPS', () => {
  it('marks the session cookie Secure and sends HSTS', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://mgp.coso.example.org' });
    try {
      const user = await makeUser(secure, ['analyst'], [await makeUnit(secure.db, null, 'country')]);
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: user.username, password: 'Test-password-42' },
      });
      expect(res.cookies.find((c) => c.name === 'coso_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    const user = await makeUser(t, ['analyst'], [tree.country]);
    await login(t, user.username);
    await expect(t.db.query('update audit_log set action = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('can be browsed and filtered by administrators only, newest first', async () => {
    const admin = await makeUser(t, ['admin'], [tree.country]);
    const s = await login(t, admin.username);
    const res = await t.app.inject({
      url: `/api/v1/audit?actorId=${admin.id}&limit=5`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      entity: 'session',
      action: 'login',
      actor: { id: admin.id, username: admin.username },
    });
    const byEntity = await t.app.inject({
      url: `/api/v1/audit?entity=user&entityId=${admin.id}`,
      headers: { cookie: s.cookie },
    });
    expect(byEntity.json().items.map((i: { action: string }) => i.action)).toContain('create');
    const other = await makeUser(t, ['supervisor'], [tree.country]);
    const o = await login(t, other.username);
    expect((await t.app.inject({ url: '/api/v1/audit', headers: { cookie: o.cookie } })).statusCode).toBe(
      403,
    );
  });
});
