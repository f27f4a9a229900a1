import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../test/harness.js';
import { toAuthUser } from '../auth/service.js';
import { deviceToken } from './pull-test-kit.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: { actor: ReturnType<typeof toAuthUser>; ip: null };

const pull = (headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers });

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = { actor: toAuthUser(await makeUser(t, ['admin'], [tree.country])), ip: null };
});
afterAll(() => t.close());

describe('who may pull', () => {
  it('answers 401 without credentials or with an unknown token', async () => {
    const none = await pull({});
    expect([none.statusCode, none.json().code]).toEqual([401, 'unauthenticated']);
    const unknown = await pull({ authorization: 'Bearer coso_nothing' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([401, 'session_expired']);
  });

  it('tells the device of a deactivated account to wipe itself, by token or by cookie', async () => {
    const u = await makeUser(t, ['facilitator'], tree.a.villages);
    const token = await deviceToken(t, u.username);
    const session = await login(t, u.username);
    expect((await pull(token)).statusCode).toBe(200);
    await t.services.users.update(admin, u.id, { active: false });
    for (const headers of [token, { cookie: session.cookie }]) {
      const res = await pull({ ...headers, 'accept-language': 'fr' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'account_disabled',
        message: 'Ce compte est désactivé : les données de cet appareil vont être effacées.',
      });
    }
    // Elsewhere the same token still only means "log in again".
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: token });
    expect([me.statusCode, me.json().code]).toEqual([401, 'session_expired']);
    // Reactivated, the account logs in again: its old token stays revoked, but is no longer "disabled".
    await t.services.users.update(admin, u.id, { active: true });
    const old = await pull(token);
    expect([old.statusCode, old.json().code]).toEqual([401, 'session_expired']);
    expect((await pull(await deviceToken(t, u.username))).statusCode).toBe(200);
  });

  it('answers 401, not 403, for a token its active owner revoked', async () => {
    const u = await makeUser(t, ['facilitator'], tree.a.villages);
    const token = await deviceToken(t, u.username);
    const [row] = await t.db.query<{ id: string }>(
      `select id from auth_sessions where user_id = $1 and kind = 'token'`,
      [u.id],
    );
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${row!.id}`,
      headers: token,
    });
    expect(revoke.statusCode).toBeLessThan(300);
    const res = await pull(token);
    expect([res.statusCode, res.json().code]).toEqual([401, 'session_expired']);
  });
});

describe('OpenAPI', () => {
  it('documents the pull under the sync tag with its query and answer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/sync/pull'].get;
    expect(op.tags).toEqual(['sync']);
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['cursor', 'limit']);
    const answer = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties).sort()).toEqual([
      'changes',
      'cursor',
      'hasMore',
      'progress',
      'removed',
      'reset',
    ]);
  });
});
