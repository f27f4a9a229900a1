import { normalizeTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, makeTree, makeUser, type TestApp } from '../../../test/harness.js';

// The complainant's own entry points (public form, answer by tracking code) reach the same producers as
// staff: with consent, the receipt and the closure are texted; without it, nothing is.
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let ip = 0;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await makeUser(t, ['focal_point'], [tree.a.region]);
});
afterAll(() => t.close());

async function fileOnline(complainant: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    remoteAddress: `10.9.0.${++ip}`,
    payload: {
      type: 'complaint',
      category: 'works',
      description: 'Le chantier a coupé la piste qui mène au dispensaire.',
      villageId: tree.a.villages[0]!.id,
      complainant,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().trackingCode as string;
  const [row] = await t.db.query<{ id: string }>('select id from complaints where tracking_code = $1', [
    normalizeTrackingCode(code),
  ]);
  return { code, id: row!.id, smsFollows: res.json().smsFollows as boolean };
}

const complainantTopics = async (id: string) =>
  (
    await t.db.query<{ m: string }>(
      `select topic || '/' || channel as m from notification_outbox
        where entity_id = $1 and recipient_kind = 'complainant' order by id`,
      [id],
    )
  ).map((r) => r.m);

async function acceptOnline(code: string, id: string) {
  for (const action of [
    { action: 'acknowledge' },
    { action: 'start' },
    { action: 'propose_resolution', resolution: 'La piste sera rouverte vendredi.' },
  ] as const) {
    await t.services.complaints.act(SYSTEM_CONTEXT as never, id, action);
  }
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/track/${code}/answer`,
    remoteAddress: `10.9.1.${++ip}`,
    payload: { decision: 'accept', last4: '7788', satisfaction: 5 },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('producers on the public entry points', () => {
  it('texts the receipt of an online filing, and the closure when the complainant accepts online', async () => {
    const { code, id, smsFollows } = await fileOnline({
      anonymous: false,
      name: 'Essi D.',
      phone: '+22890337788',
      notifyConsent: true,
    });
    expect(await complainantTopics(id)).toEqual(['complainant_receipt/sms']);
    // The confirmation page tells the citizen an SMS follows.
    expect(smsFollows).toBe(true);
    await acceptOnline(code, id);
    expect(await complainantTopics(id)).toEqual([
      'complainant_receipt/sms',
      'complainant_acknowledged/sms',
      'complainant_resolution_proposed/sms',
      'complainant_closed/sms',
    ]);
  });

  it('texts nothing to a complainant who did not consent, whatever happens to the case', async () => {
    const { code, id, smsFollows } = await fileOnline({
      anonymous: false,
      name: 'Kodjo A.',
      phone: '+22890447788',
    });
    expect(smsFollows).toBe(false);
    await acceptOnline(code, id);
    expect(await complainantTopics(id)).toEqual([]);
  });
});
