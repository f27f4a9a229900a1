import { normalizeTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, makeTree, makeUser, type TestApp } from '../../../test/harness.js';
import { applyActionInTx } from '../complaints/actions.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await makeUser(t, ['focal_point'], [tree.a.region, tree.b.region]);
  await makeUser(t, ['sensitive_focal_point'], [tree.country]);
});
afterAll(() => t.close());

let ipSeq = 0;
const freshIp = () => `10.2.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

async function fileOne(over: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    remoteAddress: freshIp(),
    payload: {
      type: 'complaint',
      category: 'works',
      description: 'Les travaux ont abîmé la piste du village.',
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: false, name: 'Essi Kpatcha', phone: '+22891002233' },
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  const code = res.json().trackingCode as string;
  const [row] = await t.db.query<{ id: string }>('select id from complaints where tracking_code = $1', [
    normalizeTrackingCode(code),
  ]);
  return { code, id: row!.id };
}

const act = (id: string, action: Parameters<typeof applyActionInTx>[3]) =>
  t.db.transaction((tx) => applyActionInTx(tx, SYSTEM_CONTEXT, id, action));
async function propose(id: string) {
  await act(id, { action: 'acknowledge' });
  await act(id, { action: 'start' });
  await act(id, { action: 'propose_resolution', resolution: 'La piste sera reprise.' });
}
const requestOtp = (code: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/track/${code}/otp`, remoteAddress: freshIp() });
const answer = (code: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public/track/${code}/answer`,
    payload,
    remoteAddress: freshIp(),
  });
/** The code the SMS would carry, read from the outbox as the sender would. */
async function lastOtp(id: string): Promise<string> {
  const [row] = await t.db.query<{ payload: { otp: string } }>(
    `select payload from notification_outbox where entity_id = $1 and topic = 'public_otp' order by id desc`,
    [id],
  );
  return row!.payload.otp;
}

describe('one-time code by SMS', () => {
  it('queues an SMS to the complainant, stores only a hash, and the code proves ownership once', async () => {
    const { code, id } = await fileOne();
    await propose(id);
    expect((await requestOtp(code)).statusCode).toBe(202);
    const [msg] = await t.db.query<Record<string, unknown>>(
      `select channel, recipient_kind, payload from notification_outbox where entity_id = $1 and topic = 'public_otp'`,
      [id],
    );
    expect(msg).toMatchObject({ channel: 'sms', recipient_kind: 'complainant' });
    const otp = await lastOtp(id);
    expect(otp).toMatch(/^\d{6}$/);
    const [stored] = await t.db.query<{ otp_hash: string }>(
      'select otp_hash from public_otps where complaint_id = $1',
      [id],
    );
    expect(stored!.otp_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.otp_hash).not.toContain(otp);

    const wrong = otp === '000000' ? '000001' : '000000';
    expect((await answer(code, { decision: 'reject', otp: wrong })).statusCode).toBe(403);
    const ok = await answer(code, { decision: 'accept', otp, satisfaction: 5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('closed');
    // Used once: the same code no longer works (the case is closed and rated anyway; rating needs a new proof).
    const rows = await t.db.query('select 1 from public_otps where complaint_id = $1', [id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses an expired code, and limits how many codes one case may ask for', async () => {
    const { code, id } = await fileOne();
    await propose(id);
    expect((await requestOtp(code)).statusCode).toBe(202);
    const otp = await lastOtp(id);
    await t.db.query(
      `update public_otps set expires_at = now() - interval '1 second' where complaint_id = $1`,
      [id],
    );
    const late = await answer(code, { decision: 'accept', otp });
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('otp_expired');
    expect((await requestOtp(code)).statusCode).toBe(202);
    expect((await requestOtp(code)).statusCode).toBe(202);
    expect((await requestOtp(code)).statusCode).toBe(429);
  });

  it('says when no phone was given, and writes nothing', async () => {
    const { code, id } = await fileOne({ complainant: { anonymous: true } });
    const res = await requestOtp(code);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('no_phone_on_file');
    expect(
      await t.db.query(`select 1 from notification_outbox where entity_id = $1 and topic = 'public_otp'`, [
        id,
      ]),
    ).toHaveLength(0);
  });
});

describe('public statistics', () => {
  it('match direct counts, and show sensitive cases only as one total', async () => {
    // Generated data: cases in both regions, some closed, some sensitive, one received 3 months ago.
    const b = await fileOne({ villageId: tree.b.villages[1]!.id, category: 'payments' });
    const closed = await fileOne();
    await propose(closed.id);
    await act(closed.id, { action: 'record_answer', answer: 'accepted', appeal: false });
    await t.db.query(
      `update complaints set received_at = now() - interval '90 days', closed_at = now() - interval '80 days'
        where id = $1`,
      [closed.id],
    );
    for (let i = 0; i < 3; i++) await fileOne({ category: 'gbv_sea', complainant: { anonymous: true } });
    await act(b.id, { action: 'acknowledge' });

    const res = await t.app.inject({ url: '/api/v1/public/stats', remoteAddress: freshIp() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const s = res.json();
    const count = async (where: string) =>
      (await t.db.query<{ n: number }>(`select count(*)::int as n from complaints where ${where}`))[0]!.n;
    expect(s.received).toBe(await count('not sensitive'));
    expect(s.resolved).toBe(await count(`not sensitive and status = 'closed'`));
    expect(s.inProgress).toBe(
      await count(`not sensitive and status not in ('closed','ineligible','withdrawn','referred')`),
    );
    expect(s.sensitiveTotal).toBe(await count('sensitive'));
    expect(s.sensitiveTotal).toBeGreaterThanOrEqual(3);

    const regionA = s.byRegion.find((r: { id: string }) => r.id === tree.a.region.id);
    const regionB = s.byRegion.find((r: { id: string }) => r.id === tree.b.region.id);
    expect(regionA.received).toBe(await count(`not sensitive and area_path like '${tree.a.region.path}%'`));
    expect(regionB).toMatchObject({ received: 1, resolved: 0, inProgress: 1 });
    expect(s.byRegion.reduce((n: number, r: { received: number }) => n + r.received, 0)).toBe(s.received);
    expect(s.byCategory.map((c: { code: string }) => c.code)).not.toContain('gbv_sea');
    expect(s.byCategory.reduce((n: number, r: { received: number }) => n + r.received, 0)).toBe(s.received);

    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBe(s.received);
    expect(s.byMonth.reduce((n: number, m: { resolved: number }) => n + m.resolved, 0)).toBe(s.resolved);
    const [median] = await t.db.query<{ d: number }>(
      `select round((percentile_cont(0.5) within group (order by extract(epoch from closed_at - received_at) / 86400))::numeric, 1)::float8 as d
         from complaints where not sensitive and status = 'closed'`,
    );
    expect(s.medianDaysToResolve).toBe(median!.d);
    expect(s.medianDaysToResolve).toBeGreaterThan(0);
  });

  it('lists villages level by level for the form, without login', async () => {
    const res = await t.app.inject({ url: `/api/v1/public/villages?parent=${tree.a.canton.id}` });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual(tree.a.villages.map((v) => v.id).sort());
    const roots = await t.app.inject({ url: '/api/v1/public/villages' });
    expect(roots.json().items).toEqual([{ id: tree.country.id, name: tree.country.name, level: 'country' }]);
    const options = await t.app.inject({ url: '/api/v1/public/form-options' });
    expect(options.json().items.some((o: { list: string; code: string }) => o.code === 'works')).toBe(true);
  });
});
