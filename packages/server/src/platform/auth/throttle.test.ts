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

/**
 * Login throttling is per account and address, and per address; an account attacked from elsewhere is only
 * slowed down, never closed to its owner (throttle.ts).
 */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({
    LOGIN_MAX_FAILURES: '3',
    LOGIN_MAX_FAILURES_PER_IP: '8',
    LOGIN_WINDOW_MINUTES: '15',
    LOGIN_SLOWDOWN_MAX_SECONDS: '1',
  });
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

let ipSeq = 0;
/** A fresh client address per use, so that one test's failures never count in another. */
const freshIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

const attempt = (loginName: string, password: string, ip: string, url = '/api/v1/auth/login') =>
  t.app.inject({ method: 'POST', url, payload: { login: loginName, password }, remoteAddress: ip });

describe('login throttling', () => {
  it('an attacker at one address cannot lock the owner out: the owner elsewhere gets in, only slowed', async () => {
    const owner = await makeUser(t, ['focal_point'], [tree.a.region]);
    const attacker = freshIp();
    for (let i = 0; i < 3; i++)
      expect((await attempt(owner.username, 'guess-123', attacker)).statusCode).toBe(401);
    const refused = await attempt(owner.username, PASSWORD, attacker);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);

    const started = Date.now();
    const web = await attempt(owner.username, PASSWORD, freshIp());
    expect(web.statusCode).toBe(200);
    // The account has 3 failures in the window: each attempt on it now waits (1 s, the configured cap).
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const device = await attempt(owner.username, PASSWORD, freshIp(), '/api/v1/auth/token');
    expect(device.statusCode).toBe(201);
    // A wrong password from a new address is a plain 401, not a lockout.
    expect((await attempt(owner.username, 'guess-456', freshIp())).statusCode).toBe(401);
  });

  it('an account attacked from many addresses stays open to the right password', async () => {
    const owner = await makeUser(t, ['facilitator'], tree.a.villages);
    for (let i = 0; i < 6; i++)
      expect((await attempt(owner.username, `guess-${i}-x`, freshIp())).statusCode).toBe(401);
    expect((await attempt(owner.username, PASSWORD, freshIp(), '/api/v1/auth/token')).statusCode).toBe(201);
  });

  it('keeps a hard limit per address: a brute force over many accounts is refused, even a right password', async () => {
    const bruteForcer = freshIp();
    for (let i = 0; i < 8; i++)
      expect((await attempt(uniq('ghost'), 'guess-123', bruteForcer)).statusCode).toBe(401);
    const victim = await makeUser(t, ['analyst'], [tree.country]);
    const refused = await attempt(victim.username, PASSWORD, bruteForcer);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect((await attempt(victim.username, PASSWORD, bruteForcer, '/api/v1/auth/token')).statusCode).toBe(
      429,
    );
    expect((await attempt(victim.username, PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('lets an administrator see current throttles and clear one, audited; nobody else', async () => {
    const owner = await makeUser(t, ['focal_point'], [tree.b.region]);
    const office = freshIp();
    for (let i = 0; i < 8; i++) await attempt(i < 3 ? owner.username : uniq('ghost'), 'guess-123', office);
    expect((await attempt(owner.username, PASSWORD, office)).statusCode).toBe(429);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/throttles', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().windowMinutes).toBe(15);
    const items = list.json().items as Array<Record<string, unknown>>;
    const address = items.find((i) => i.kind === 'address' && i.ip === office);
    expect(address).toMatchObject({ login: null, failures: 8, delaySeconds: 0 });
    expect(new Date(address!.blockedUntil as string).getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(
      items.find((i) => i.kind === 'account_address' && i.ip === office && i.login === owner.username),
    ).toMatchObject({
      failures: 3,
      blockedUntil: expect.any(String),
    });
    expect(items.find((i) => i.kind === 'account' && i.login === owner.username)).toMatchObject({
      ip: null,
      failures: 3,
      blockedUntil: null,
      delaySeconds: 1,
    });

    const other = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/throttles', headers: other.headers }))
        .statusCode,
    ).toBe(403);
    const clearAs = (who: Session, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/throttles/clear', headers: who.headers, payload });
    expect((await clearAs(other, { ip: office })).statusCode).toBe(403);
    const empty = await clearAs(admin, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation_error');

    const cleared = await clearAs(admin, { ip: office });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toEqual({ cleared: 8 });
    expect((await attempt(owner.username, PASSWORD, office)).statusCode).toBe(200);
    const [audit] = await t.db.query<{ actor_id: string; changes: Record<string, unknown> }>(
      `select actor_id, changes from audit_log where action = 'throttle_cleared' and changes->>'ip' = $1`,
      [office],
    );
    expect(audit).toMatchObject({ changes: { ip: office, login: null, failures: 8 } });
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/throttles',
      headers: admin.headers,
    });
    expect((after.json().items as Array<{ ip: string | null }>).some((i) => i.ip === office)).toBe(false);
  });

  it('clears one account from one address only, by the login as typed (case ignored)', async () => {
    const owner = await makeUser(t, ['analyst'], [tree.country]);
    const [a, b] = [freshIp(), freshIp()];
    for (const ip of [a, a, a, b]) await attempt(owner.username, 'guess-123', ip);
    const cleared = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/throttles/clear',
      headers: admin.headers,
      payload: { login: owner.username.toUpperCase(), ip: a },
    });
    expect(cleared.json()).toEqual({ cleared: 3 });
    const [row] = await t.db.query<{ n: number }>(
      'select count(*)::int as n from auth_failures where ip = $1',
      [b],
    );
    expect(row!.n).toBe(1);
  });
});
