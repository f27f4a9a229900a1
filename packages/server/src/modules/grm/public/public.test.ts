import {
  formatTrackingCode,
  generateTrackingCode,
  normalizeTrackingCode,
  singleTypoCorrections,
} from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, makeTree, makeUser, type TestApp } from '../../../test/harness.js';
import { applyActionInTx } from '../complaints/actions.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await makeUser(t, ['focal_point'], [tree.a.region]);
  await makeUser(t, ['sensitive_focal_point'], [tree.country]);
});
afterAll(() => t.close());

let ipSeq = 0;
/** A fresh client address per use, so one test's counters never limit another's. */
const freshIp = () => `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

const DESCRIPTION = 'La clôture du chantier bloque le chemin du marché depuis une semaine.';
const NAME = 'Afi Mensah';
const body = (over: Record<string, unknown> = {}) => ({
  type: 'complaint',
  category: 'works',
  description: DESCRIPTION,
  villageId: tree.a.villages[0]!.id,
  complainant: { anonymous: false, name: NAME, phone: '+22890445566' },
  ...over,
});
const file = (payload: unknown, ip = freshIp()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: payload as object,
    remoteAddress: ip,
  });
const track = (code: string, ip = freshIp()) =>
  t.app.inject({ url: `/api/v1/public/track/${encodeURIComponent(code)}`, remoteAddress: ip });
const answer = (code: string, payload: object, ip = freshIp()) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/track/${code}/answer`, payload, remoteAddress: ip });

async function fileOne(over: Record<string, unknown> = {}): Promise<{ code: string; id: string }> {
  const res = await file(body(over));
  expect(res.statusCode).toBe(201);
  const code = res.json().trackingCode as string;
  const [row] = await t.db.query<{ id: string }>('select id from complaints where tracking_code = $1', [
    normalizeTrackingCode(code),
  ]);
  return { code, id: row!.id };
}

/** Staff's side, with no actor: acknowledge, start, propose a resolution. */
async function proposeResolution(id: string) {
  for (const action of [
    { action: 'acknowledge' },
    { action: 'start' },
    { action: 'propose_resolution', resolution: 'Un passage sera ouvert dans la clôture.' },
  ] as const) {
    await t.db.transaction((tx) => applyActionInTx(tx, SYSTEM_CONTEXT, id, action));
  }
}

describe('filing a complaint without login', () => {
  it('answers 201 with only the tracking code, and records it as the web channel with no actor', async () => {
    const res = await file(body());
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['trackingCode', 'smsFollows']);
    expect(res.body).not.toContain(NAME);
    const [row] = await t.db.query<Record<string, unknown>>(
      `select channel_code, recorded_by, status from complaints where tracking_code = $1`,
      [normalizeTrackingCode(res.json().trackingCode)],
    );
    expect(row).toEqual({ channel_code: 'web', recorded_by: null, status: 'received' });
    const [event] = await t.db.query<{ payload: { source: string } }>(
      `select e.payload from complaint_events e join complaints c on c.id = e.complaint_id
        where c.tracking_code = $1`,
      [normalizeTrackingCode(res.json().trackingCode)],
    );
    expect(event!.payload.source).toBe('public');
  });

  it('ignores a channel sent by the client and validates like staff intake', async () => {
    const forced = await file({ ...body(), channel: 'hotline' });
    expect(forced.statusCode).toBe(201);
    const [row] = await t.db.query<{ channel_code: string }>(
      'select channel_code from complaints where tracking_code = $1',
      [normalizeTrackingCode(forced.json().trackingCode)],
    );
    expect(row!.channel_code).toBe('web');
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    const bad = await file(body({ description: 'abc', villageId: tree.a.canton.id }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_error');
    const notVillage = await file(body({ villageId: tree.a.canton.id }));
    expect(notVillage.statusCode).toBe(400);
    expect(notVillage.json().details).toEqual([{ path: 'villageId', message: 'not_a_village' }]);
    const unknownCategory = await file(body({ category: 'nope' }));
    expect(unknownCategory.statusCode).toBe(400);
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers 429 with Retry-After past 10 filings from one address, even counting rejected ones', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await file(body(), ip)).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await file({}, ip)).statusCode).toBe(400);
    const refused = await file(body(), ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await file(body(), freshIp())).statusCode).toBe(201);
  });
});

describe('tracking by code', () => {
  it('shows status and dates only, never the description or names, sensitive cases included', async () => {
    const { code } = await fileOne();
    const res = await track(code);
    expect(res.statusCode).toBe(200);
    const status = res.json();
    expect(status).toMatchObject({ trackingCode: code, status: 'received', canAnswer: false });
    expect(status.dueDates.acknowledge).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const secret of [DESCRIPTION, NAME, '+22890445566', 'region', tree.a.villages[0]!.name, 'Test user'])
      expect(res.body).not.toContain(secret);
    const sensitive = await fileOne({ category: 'gbv_sea', complainant: { anonymous: true } });
    const s = await track(sensitive.code.toLowerCase().replaceAll('-', ' '));
    expect(s.statusCode).toBe(200);
    expect(s.json().status).toBe('received');
    expect(s.body).not.toContain(DESCRIPTION);
  });

  it('answers 404 for an unknown code, saying it is mistyped but never which existing code it stands for', async () => {
    const { code } = await fileOne();
    const real = normalizeTrackingCode(code);
    // Change one symbol: the check symbol shows the typo, and the real code is one of the candidates.
    const i = 2;
    const other = real[i] === 'A' ? 'B' : 'A';
    const typo = real.slice(0, i) + other + real.slice(i + 1);
    expect(singleTypoCorrections(typo)).toContain(real);
    const res = await track(typo);
    expect(res.statusCode).toBe(404);
    expect(res.json().details).toEqual({ mistyped: true });
    expect(res.body).not.toContain(formatTrackingCode(real));

    const unknown = await track(generateTrackingCode());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details).toBeUndefined();
    // A mistyped code whose candidates exist nowhere answers exactly the same (recover.test.ts for the rest).
    const lone = await track('ZZZZ-ZZZZ-2');
    expect(lone.statusCode).toBe(404);
    expect(lone.json().details).toEqual({ mistyped: true });
  });
});

describe('answering a proposed resolution with the last 4 digits', () => {
  it('accepts with a rating through the lifecycle, marked as coming from the public', async () => {
    const { code, id } = await fileOne();
    expect((await answer(code, { decision: 'accept', last4: '5566' })).json().code).toBe(
      'answer_not_expected',
    );
    await proposeResolution(id);
    const wrong = await answer(code, { decision: 'accept', last4: '1111', satisfaction: 4 });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('verification_failed');
    const ok = await answer(code, { decision: 'accept', last4: '5566', satisfaction: 4, comment: 'Merci' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'closed', satisfaction: 4, canRate: false });
    const [event] = await t.db.query<{
      kind: string;
      actor_id: string | null;
      payload: Record<string, unknown>;
    }>(
      `select kind, actor_id, payload from complaint_events where complaint_id = $1 order by id desc limit 1`,
      [id],
    );
    expect(event).toMatchObject({ kind: 'record_answer', actor_id: null });
    expect(event!.payload).toMatchObject({ source: 'public', answer: 'accepted', satisfaction: 4 });
    const again = await answer(code, { decision: 'rate', last4: '5566', satisfaction: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('rating_not_possible');
  });

  it('appeals with a reason, and lets a closed unrated case be rated once', async () => {
    const a = await fileOne();
    await proposeResolution(a.id);
    const appeal = await answer(a.code, {
      decision: 'appeal',
      last4: '5566',
      reason: 'Le passage est trop étroit',
    });
    expect(appeal.statusCode).toBe(200);
    expect(appeal.json().status).toBe('in_progress');
    const [row] = await t.db.query<{ status: string }>('select status from complaints where id = $1', [a.id]);
    expect(row!.status).toBe('appealed');

    const b = await fileOne();
    await proposeResolution(b.id);
    expect((await answer(b.code, { decision: 'reject', last4: '5566' })).json().status).toBe('closed');
    const rate = await answer(b.code, {
      decision: 'rate',
      last4: '5566',
      satisfaction: 2,
      comment: 'Trop lent',
    });
    expect(rate.statusCode).toBe(200);
    expect(rate.json()).toMatchObject({ status: 'closed', satisfaction: 2, canRate: false });
    const [audit] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'satisfaction_rated'`,
      [b.id],
    );
    expect(audit!.n).toBe(1);
  });

  it('locks the answer after 5 failures in an hour, with Retry-After, even for the right digits', async () => {
    const { code, id } = await fileOne();
    await proposeResolution(id);
    for (let i = 0; i < 5; i++)
      expect((await answer(code, { decision: 'accept', last4: `000${i}` })).statusCode).toBe(403);
    const locked = await answer(code, { decision: 'accept', last4: '5566' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3000);
    await t.db.query(
      `update public_verify_failures set at = at - interval '61 minutes' where complaint_id = $1`,
      [id],
    );
    expect((await answer(code, { decision: 'accept', last4: '5566' })).statusCode).toBe(200);
  });

  it('refuses an anonymous case the last-4 proof, and a body with neither or both proofs', async () => {
    const { code, id } = await fileOne({ complainant: { anonymous: true } });
    await proposeResolution(id);
    expect((await answer(code, { decision: 'accept', last4: '0000' })).statusCode).toBe(403);
    expect((await answer(code, { decision: 'accept' })).statusCode).toBe(400);
    expect((await answer(code, { decision: 'accept', last4: '0000', otp: '123456' })).statusCode).toBe(400);
    expect((await answer(code, { decision: 'rate', last4: '0000', satisfaction: 9 })).statusCode).toBe(400);
  });
});
