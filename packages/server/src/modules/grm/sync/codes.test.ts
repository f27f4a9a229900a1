import { formatTrackingCode, generateTrackingCode, isValidTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { createPayload, mutation, push } from '../../../test/sync-push-kit.js';
import { MAX_OUTSTANDING_CODES } from './codes.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let ada: Session;
let ben: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  ada = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  ben = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

async function reserve(session: Session, count: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sync/codes',
    headers: session.headers,
    payload: { count },
  });
  return res;
}

async function codesOf(session: Session, count: number): Promise<string[]> {
  const res = await reserve(session, count);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().codes;
}

/** Records a case offline with `trackingCode` and returns the code the server kept. */
async function createWith(session: Session, trackingCode: string | undefined) {
  const payload = createPayload(tree.a.villages[0]!.id, trackingCode ? { trackingCode } : {});
  const [result] = await push(t, session, [mutation('complaint.create', payload)]);
  expect(result!.status, JSON.stringify(result)).toBe('applied');
  const [row] = await t.db.query<{ code: string }>(
    'select tracking_code as code from complaints where id = $1',
    [payload.id],
  );
  expect(result!.result!.trackingCode).toBe(row!.code);
  return row!.code;
}

const reservation = async (code: string) =>
  (
    await t.db.query<{ usedAt: Date | null; complaintId: string | null }>(
      `select used_at as "usedAt", complaint_id as "complaintId" from tracking_code_reservations where code = $1`,
      [code],
    )
  )[0];

describe('reserved tracking codes', () => {
  it('reserves valid codes, unique across users and reservations', async () => {
    const a = await codesOf(ada, 60);
    const b = await codesOf(ben, 60);
    expect(a).toHaveLength(60);
    expect(new Set([...a, ...b]).size).toBe(120);
    expect(a.every(isValidTrackingCode)).toBe(true);
  });

  it('gives a case recorded offline its reserved code, once', async () => {
    const [code] = await codesOf(ada, 1);
    expect(await createWith(ada, code)).toBe(code);
    expect(await reservation(code!)).toMatchObject({
      usedAt: expect.any(Date),
      complaintId: expect.any(String),
    });
    // A second case that claims the same code (a device bug, a restored backup) gets a fresh one.
    const second = await createWith(ada, code);
    expect(second).not.toBe(code);
    expect(isValidTrackingCode(second)).toBe(true);
  });

  it("never gives a case another user's reserved code, which stays theirs", async () => {
    const [code] = await codesOf(ben, 1);
    const kept = await createWith(ada, code);
    expect(kept).not.toBe(code);
    expect(await reservation(code!)).toMatchObject({ usedAt: null });
    expect(await createWith(ben, formatTrackingCode(code!))).toBe(code);
  });

  it('keeps a code the device generated when it is valid and free, and replaces one that collides', async () => {
    const own = generateTrackingCode();
    expect(await createWith(ada, own)).toBe(own);
    const again = await createWith(ben, own);
    expect(again).not.toBe(own);
    const valid = generateTrackingCode();
    const mistyped = valid.slice(0, 8) + (valid[8] === '2' ? '3' : '2');
    const replaced = await createWith(ada, mistyped);
    expect(isValidTrackingCode(replaced)).toBe(true);
    expect(replaced).not.toBe(mistyped);
    const fresh = await createWith(ada, undefined);
    expect(isValidTrackingCode(fresh)).toBe(true);
  });

  it('bounds the unused codes one user holds; a released code still works when nobody took it', async () => {
    const user = await makeUser(t, ['facilitator'], tree.a.villages);
    const carl = await login(t, user.username);
    const first = await codesOf(carl, 150);
    const more = await codesOf(carl, 150);
    expect(more).toHaveLength(150);
    const held = await t.db.query<{ code: string }>(
      'select code from tracking_code_reservations where user_id = $1 and used_at is null',
      [user.id],
    );
    expect(held).toHaveLength(MAX_OUTSTANDING_CODES);
    const released = first.filter((c) => !held.some((h) => h.code === c));
    expect(released).toHaveLength(100);
    expect(await createWith(carl, released[0])).toBe(released[0]);
  });

  it('is for users who record complaints, with a bounded count', async () => {
    expect((await reserve(admin, 5)).statusCode).toBe(403);
    expect((await reserve(ada, 0)).statusCode).toBe(400);
    expect((await reserve(ada, 201)).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync/codes',
      payload: { count: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
