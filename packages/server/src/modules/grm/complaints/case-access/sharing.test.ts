import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    peerA: await makeUser(t, ['focal_point'], [tree.a.region]),
    focalB: await makeUser(t, ['focal_point'], [tree.b.region]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t.close());

const send = (who: string, method: 'POST' | 'DELETE' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: s[who]!.cookie } });
const listIds = async (who: string, query = '') =>
  (await get(who, `/api/v1/complaints?limit=200${query}`)).json().items.map((c: { id: string }) => c.id);
const audits = (id: string, action: string) =>
  t.db.query<{ actor_id: string; changes: Record<string, unknown> }>(
    'select actor_id, changes from audit_log where entity_id = $1 and action = $2 order by id',
    [id, action],
  );

async function newCase(category: string, description: string) {
  const res = await send('operator', 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'in_person',
    description,
    villageId: tree.a.villages[0]!.id,
    complainant: { anonymous: false, name: 'Afi Mensah', phone: '+22890445566', confidential: false },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('people added to a sensitive case', () => {
  it('grants visibility in the case file and the lists, and revocation takes it back', async () => {
    const id = await newCase('gbv_sea', 'Violence signalée par une voisine, tamarinier du marché.');
    const url = `/api/v1/complaints/${id}`;
    expect((await get('focalA', url)).statusCode).toBe(404);
    expect(await listIds('focalA')).not.toContain(id);

    const granted = await send('vbg', 'POST', `${url}/access`, { userId: ids.focalA, reason: 'Appui local' });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().items).toMatchObject([{ user: { id: ids.focalA }, addedBy: { id: ids.vbg } }]);

    const file = await get('focalA', url);
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({ allowedActions: ['comment'], canShare: false, canRefer: true });
    expect(file.json().complainant).toMatchObject({ confidential: true, revealable: false });
    expect(file.body).not.toContain('Afi Mensah');
    expect(await listIds('focalA')).toContain(id);
    expect(await listIds('focalA', '&q=tamarinier')).toEqual([id]);
    expect(await listIds('focalA', '&sensitive=true&sort=due_asc')).toContain(id);
    const reveal = await send('focalA', 'POST', `${url}/reveal-identity`, {
      reason: 'Pour appeler la victime',
    });
    expect(reveal.statusCode).toBe(403);
    expect(
      (await send('focalA', 'POST', `${url}/actions`, { action: 'comment', text: 'Vu.' })).statusCode,
    ).toBe(200);
    expect((await get('peerA', url)).statusCode).toBe(404);
    expect(await listIds('peerA')).not.toContain(id);

    const events = (await get('vbg', `${url}/events`)).json().items;
    expect(events.find((e: { kind: string }) => e.kind === 'access_granted')).toMatchObject({
      actor: { id: ids.vbg },
      payload: { userId: ids.focalA, reason: 'Appui local' },
    });
    expect(await audits(id, 'access_granted')).toMatchObject([{ actor_id: ids.vbg }]);

    const revoked = await send('vbg', 'DELETE', `${url}/access/${ids.focalA}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().items).toEqual([]);
    expect((await get('focalA', url)).statusCode).toBe(404);
    expect(await listIds('focalA', '&q=tamarinier')).toEqual([]);
    expect((await send('vbg', 'DELETE', `${url}/access/${ids.focalA}`)).statusCode).toBe(404);
    expect(await audits(id, 'access_revoked')).toMatchObject([{ actor_id: ids.vbg }]);
  });

  it('accepts only active case handlers of the area, once, from those who manage the case', async () => {
    const id = await newCase('gbv_sea', 'Signalement confidentiel.');
    const url = `/api/v1/complaints/${id}/access`;
    for (const who of ['facilitator', 'focalB']) {
      const res = await send('vbg', 'POST', url, { userId: ids[who], reason: 'Essai refusé' });
      expect(res.statusCode, who).toBe(400);
      expect(res.json().details).toEqual([{ path: 'userId', message: 'user_cannot_be_added' }]);
    }
    const unknown = await send('vbg', 'POST', url, { userId: crypto.randomUUID(), reason: 'Essai refusé' });
    expect(unknown.statusCode).toBe(400);
    expect((await send('vbg', 'POST', url, { userId: 'nope', reason: 'Essai refusé' })).statusCode).toBe(400);
    expect((await send('vbg', 'POST', url, { userId: ids.peerA, reason: '' })).statusCode).toBe(400);

    expect((await send('vbg', 'POST', url, { userId: ids.peerA, reason: 'Suivi local' })).statusCode).toBe(
      201,
    );
    const again = await send('vbg', 'POST', url, { userId: ids.peerA, reason: 'Suivi local' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('access_already_granted');
    // An added person may not add others; people who cannot see the case do not learn it exists.
    expect((await send('peerA', 'POST', url, { userId: ids.focalA, reason: 'Relais' })).statusCode).toBe(403);
    expect((await send('peerA', 'DELETE', `${url}/${ids.peerA}`)).statusCode).toBe(403);
    expect((await get('peerA', `${url}/candidates?q=Test`)).statusCode).toBe(403);
    expect((await send('operator', 'POST', url, { userId: ids.focalA, reason: 'Relais' })).statusCode).toBe(
      404,
    );
    expect((await get('focalA', url)).statusCode).toBe(404);
    expect(await audits(id, 'access_granted')).toHaveLength(1);
  });

  it('offers as candidates the handlers covering the area who are not added yet', async () => {
    const id = await newCase('gbv_sea', 'Signalement confidentiel.');
    await send('vbg', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.peerA,
      reason: 'Suivi local',
    });
    const res = await get('vbg', `/api/v1/complaints/${id}/access/candidates?q=Test`);
    expect(res.statusCode).toBe(200);
    const found = res.json().items.map((u: { id: string }) => u.id);
    expect(found).toEqual(expect.arrayContaining([ids.focalA, ids.operator, ids.vbg]));
    for (const who of ['peerA', 'focalB', 'facilitator']) expect(found, who).not.toContain(ids[who]);
  });

  it('answers 422 on a case that is not sensitive', async () => {
    const id = await newCase('works', 'Forage en panne.');
    const res = await send('operator', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.focalA,
      reason: 'Appui local',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('case_not_sensitive');
    expect((await get('operator', `/api/v1/complaints/${id}/access`)).statusCode).toBe(422);
    expect((await get('operator', `/api/v1/complaints/${id}`)).json().canShare).toBe(false);
  });
});

describe('referrals to services', () => {
  it('records referrals and their outcome, with validation, events and audit entries', async () => {
    const id = await newCase('gbv_sea', 'Signalement confidentiel.');
    const url = `/api/v1/complaints/${id}/referrals`;
    const bad = [
      { service: 'spa', referredOn: '2026-01-05' },
      { service: 'health', referredOn: '2999-01-01' },
      { service: 'health', referredOn: '2026-01-05', outcome: 'Vu', outcomeOn: '2026-01-04' },
      { service: 'health', referredOn: '2026-01-05', outcome: 'Vu' },
      { service: 'health', referredOn: 'hier' },
    ];
    for (const payload of bad)
      expect((await send('vbg', 'POST', url, payload)).statusCode, payload.service).toBe(400);
    const future = (await send('vbg', 'POST', url, { service: 'legal', referredOn: '2999-01-01' })).json();
    expect(future.details).toEqual([{ path: 'referredOn', message: 'date_in_future' }]);

    const created = await send('vbg', 'POST', url, {
      service: 'psychosocial',
      provider: 'Centre social de Kara',
      referredOn: '2026-01-05',
    });
    expect(created.statusCode).toBe(201);
    const referral = created.json();
    expect(referral).toMatchObject({ service: 'psychosocial', referredOn: '2026-01-05', outcome: null });

    const patch = `${url}/${referral.id}`;
    const early = await send('vbg', 'PATCH', patch, { outcome: 'Suivie', outcomeOn: '2026-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().details).toEqual([{ path: 'outcomeOn', message: 'outcome_before_referral' }]);
    expect((await send('vbg', 'PATCH', patch, { outcome: '', outcomeOn: '2026-01-06' })).statusCode).toBe(
      400,
    );
    expect(
      (await send('vbg', 'PATCH', `${url}/${crypto.randomUUID()}`, { outcome: 'x', outcomeOn: '2026-01-06' }))
        .statusCode,
    ).toBe(404);
    const done = await send('vbg', 'PATCH', patch, { outcome: 'Prise en charge', outcomeOn: '2026-01-06' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'Prise en charge', outcomeOn: '2026-01-06' });

    expect((await get('vbg', url)).json().items).toMatchObject([
      { id: referral.id, outcome: 'Prise en charge' },
    ]);
    const kinds = (await get('vbg', `/api/v1/complaints/${id}/events`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['referral_recorded', 'referral_outcome']));
    expect(await audits(id, 'referral_recorded')).toHaveLength(1);
    expect(await audits(id, 'referral_outcome')).toMatchObject([{ actor_id: ids.vbg }]);
    const rows = await t.db.query('select 1 from complaint_referrals where complaint_id = $1', [id]);
    expect(rows).toHaveLength(1); // the refused ones wrote nothing
  });

  it('keeps out people who cannot see the case, and lets an added person record one', async () => {
    const id = await newCase('gbv_sea', 'Signalement confidentiel.');
    const url = `/api/v1/complaints/${id}/referrals`;
    const payload = { service: 'health', referredOn: '2026-02-01' };
    expect((await send('focalA', 'POST', url, payload)).statusCode).toBe(404);
    expect((await get('focalA', url)).statusCode).toBe(404);
    await send('vbg', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.focalA,
      reason: 'Appui local',
    });
    expect((await send('focalA', 'POST', url, payload)).statusCode).toBe(201);
    // Referrals are allowed on ordinary cases too, by whoever may comment.
    const ordinary = await newCase('works', 'Forage en panne.');
    expect(
      (await send('peerA', 'POST', `/api/v1/complaints/${ordinary}/referrals`, payload)).statusCode,
    ).toBe(201);
    expect(
      (await send('focalB', 'POST', `/api/v1/complaints/${ordinary}/referrals`, payload)).statusCode,
    ).toBe(404);
  });
});
