import { formatTrackingCode, normalizeTrackingCode, singleTypoCorrections } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeTree, type TestApp } from '../../../test/harness.js';

/**
 * Tracking-code enumeration: a mistyped code must not reveal which real code it is next to, unless the caller
 * also knows the last 4 digits of the phone given at filing.
 */
let t: TestApp;
let villageId: string;

beforeAll(async () => {
  t = await createTestApp();
  villageId = (await makeTree(t.db)).a.villages[0]!.id;
});
afterAll(() => t.close());

let ipSeq = 0;
const freshIp = () => `10.7.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

async function fileOne(complainant: object): Promise<{ code: string; id: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    remoteAddress: freshIp(),
    payload: {
      type: 'complaint',
      category: 'works',
      description: 'Les travaux ont coupé la piste qui mène au centre de santé.',
      villageId,
      complainant,
    },
  });
  expect(res.statusCode).toBe(201);
  const code = res.json().trackingCode as string;
  const [row] = await t.db.query<{ id: string }>('select id from complaints where tracking_code = $1', [
    normalizeTrackingCode(code),
  ]);
  return { code, id: row!.id };
}

/** The code with one symbol changed: its check symbol shows the typo, and the real code is a candidate. */
function typoOf(code: string): string {
  const real = normalizeTrackingCode(code);
  const typo = `${real.slice(0, 2)}${real[2] === 'A' ? 'B' : 'A'}${real.slice(3)}`;
  expect(singleTypoCorrections(typo)).toContain(real);
  return typo;
}

const recover = (code: string, payload: object, ip = freshIp()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public/track/${encodeURIComponent(code)}/recover`,
    payload,
    remoteAddress: ip,
  });

describe('correcting a mistyped tracking code', () => {
  it('no public answer names the real code next to a typo: tracking, OTP and answer alike', async () => {
    const { code } = await fileOne({ anonymous: false, name: 'Essi K.', phone: '+22890112233' });
    const typo = typoOf(code);
    const ip = freshIp();
    for (const res of [
      await t.app.inject({ url: `/api/v1/public/track/${typo}`, remoteAddress: ip }),
      await t.app.inject({ method: 'POST', url: `/api/v1/public/track/${typo}/otp`, remoteAddress: ip }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/track/${typo}/answer`,
        payload: { decision: 'accept', last4: '2233' },
        remoteAddress: ip,
      }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().details).toEqual({ mistyped: true });
      expect(res.body).not.toContain(formatTrackingCode(code));
      expect(res.body).not.toContain(normalizeTrackingCode(code));
    }
  });

  it('gives the code to whoever knows the last 4 digits of the phone, and audits it', async () => {
    const { code, id } = await fileOne({ anonymous: false, name: 'Essi K.', phone: '+22890447781' });
    const res = await recover(typoOf(code), { last4: '7781' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ trackingCode: formatTrackingCode(code) });
    expect(res.headers['cache-control']).toBe('no-store');
    const audit = await t.db.query(
      `select 1 from audit_log where entity = 'complaint' and entity_id = $1 and action = 'public_code_recovered'`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('answers the same 404 for wrong digits, a case without a phone, and a code that is not mistyped', async () => {
    const { code } = await fileOne({ anonymous: false, name: 'Essi K.', phone: '+22890556677' });
    const anonymous = await fileOne({ anonymous: true });
    const wrong = await recover(typoOf(code), { last4: '1234' });
    const noPhone = await recover(typoOf(anonymous.code), { last4: '0000' });
    const valid = await recover(code, { last4: '6677' });
    for (const res of [wrong, noPhone, valid]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
      expect(res.body).not.toContain(formatTrackingCode(code));
    }
    expect(wrong.json().details).toEqual({ mistyped: true });
    expect(noPhone.json()).toEqual(wrong.json());
    expect(valid.json().details).toBeUndefined();
    // Not a code at all: nothing to correct, and never a 500.
    for (const garbage of ['abc', 'ZZZZ-ZZZZ-ZZZZ', '%%%%']) {
      const res = await recover(garbage, { last4: '6677' });
      expect(res.statusCode, garbage).toBe(404);
      expect(res.json().details).toBeUndefined();
    }
    // A wrong answer is not counted against the real case: its owner can still answer with the right digits.
    const [row] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from public_verify_failures f join complaints c on c.id = f.complaint_id
        where c.tracking_code = $1`,
      [normalizeTrackingCode(code)],
    );
    expect(row!.n).toBe(0);
  });

  it('refuses malformed digits with 400 and limits attempts per address to 10 an hour', async () => {
    const { code } = await fileOne({ anonymous: false, name: 'Essi K.', phone: '+22890998877' });
    const bad = await recover(typoOf(code), { last4: '12a4' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'last4', message: 'last4_digits' });
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      expect((await recover(typoOf(code), { last4: String(1000 + i) }, ip)).statusCode).toBe(404);
    }
    const refused = await recover(typoOf(code), { last4: '8877' }, ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await recover(typoOf(code), { last4: '8877' })).statusCode).toBe(200);
  });
});
