import { describe, expect, it } from 'vitest';
import {
  clearSession,
  deviceName,
  type FieldSession,
  LoginError,
  loadSession,
  login,
  revokeToken,
  saveSession,
  unsentWork,
} from './session';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const me = {
  id: 'u1',
  username: 'ama',
  displayName: 'Ama K.',
  email: 'ama@example.org',
  roles: ['facilitator'],
  permissions: ['complaints.create'],
  jurisdictions: [{ id: 'g1', code: 'PYA', name: 'Pya', level: 'canton' }],
  locale: 'fr',
  csrfToken: null,
};

type Call = { url: string; init: RequestInit };
function fakeFetch(answers: Array<Response | Error>) {
  const calls: Call[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next || next instanceof Error) throw next ?? new Error('no answer');
    return next;
  }) as unknown as typeof fetch;
  return { fn, calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('field login', () => {
  it('gets a device token, then the user with it, and keeps only what the app needs', async () => {
    const { fn, calls } = fakeFetch([
      json(201, { id: 't1', token: 'secret', expiresAt: null }),
      json(200, me),
      json(200, { environment: 'demo', version: '1', map: {}, hotline: '8282' }),
    ]);
    const session = await login(' ama ', 'pw', 'fr', fn);
    expect(calls[2]!.url).toBe('/api/v1/meta');
    expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({ login: 'ama', password: 'pw' });
    expect(calls[0]!.url).toBe('/api/v1/auth/token');
    expect((calls[1]!.init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(session).toEqual({
      token: 'secret',
      tokenId: 't1',
      expiresAt: null,
      user: {
        id: 'u1',
        username: 'ama',
        displayName: 'Ama K.',
        roles: ['facilitator'],
        permissions: ['complaints.create'],
        jurisdictions: me.jurisdictions,
        locale: 'fr',
      },
      hotline: '8282',
    });
  });

  it("reports the server's refusal with its code, and no answer as `network`", async () => {
    const refused = fakeFetch([
      json(401, { code: 'invalid_credentials', message: 'Identifiant ou mot de passe incorrect.' }),
    ]);
    await expect(login('ama', 'bad', 'fr', refused.fn)).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: 'Identifiant ou mot de passe incorrect.',
    });
    const throttled = fakeFetch([json(429, { code: 'too_many_attempts' }, { 'Retry-After': '120' })]);
    const error = await login('ama', 'pw', 'en', throttled.fn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    expect(error).toMatchObject({
      code: 'too_many_attempts',
      retryAfter: 120,
      message: 'Too many attempts. Try again later.',
    });
    const offline = fakeFetch([new TypeError('Failed to fetch')]);
    await expect(login('ama', 'pw', 'fr', offline.fn)).rejects.toMatchObject({ code: 'network' });
  });

  it('keeps the session across restarts, and forgets a damaged one', () => {
    const storage = memoryStorage();
    const session: FieldSession = {
      token: 's',
      tokenId: 't',
      expiresAt: null,
      user: { ...me, locale: 'fr' },
    };
    saveSession(session, storage);
    expect(loadSession(storage)).toEqual(session);
    storage.setItem('coso.field.session', '{"token":1}');
    expect(loadSession(storage)).toBeNull();
    storage.setItem('coso.field.session', 'not json');
    expect(loadSession(storage)).toBeNull();
    clearSession(storage);
    expect(loadSession(storage)).toBeNull();
  });

  it('revokes the token at logout, and gives up quietly offline', async () => {
    const session: FieldSession = {
      token: 's',
      tokenId: 't 1',
      expiresAt: null,
      user: { ...me, locale: 'fr' },
    };
    const ok = fakeFetch([new Response(null, { status: 204 })]);
    expect(await revokeToken(session, ok.fn)).toBe(true);
    expect(ok.calls[0]).toMatchObject({ url: '/api/v1/auth/tokens/t%201', init: { method: 'DELETE' } });
    expect(await revokeToken(session, fakeFetch([new TypeError('offline')]).fn)).toBe(false);
  });
});

describe('logout warning', () => {
  it('counts unsent changes, files and unread refusals', () => {
    expect(unsentWork({ pendingMutations: 0, pendingFiles: 0, failed: [] }).any).toBe(false);
    expect(unsentWork({ pendingMutations: 3, pendingFiles: 2, failed: [{}] })).toEqual({
      changes: 3,
      files: 2,
      failed: 1,
      any: true,
    });
  });

  it('names the device after its system', () => {
    expect(deviceName('Mozilla/5.0 (Linux; Android 10; TECNO KE5)')).toBe('Terrain · Android');
    expect(deviceName('')).toBe('Terrain · navigateur');
  });
});
