import { isValidTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    peerA: await makeUser(t, ['focal_point'], [tree.a.region]),
    focalB: await makeUser(t, ['focal_point'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  type: 'complaint',
  category: 'works',
  channel: 'hotline',
  description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
  incidentDate: '2026-11-01',
  villageId: tree.a.villages[0]!.id,
  complainant: {
    anonymous: false,
    name: 'Kodjo Abalo',
    phone: '+22890112233',
    confidential: false,
    gender: 'male',
  },
  ...over,
});
const post = (who: string, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s[who]!.headers, payload: payload as object });
const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie } });
const act = (who: string, id: string, payload: Record<string, unknown>) =>
  post(who, `/api/v1/complaints/${id}/actions`, payload);

describe('intake and routing', () => {
  it('records a complaint with a valid tracking code and routes it to a focal point of its region', async () => {
    const res = await post('operator', '/api/v1/complaints', body());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(isValidTrackingCode(c.trackingCode)).toBe(true);
    expect(c.reference).toMatch(/^MGP-\d{4}-\d{6}$/);
    expect(c).toMatchObject({ status: 'received', handlingLevel: 'region', sensitive: false });
    expect([ids.focalA, ids.peerA]).toContain(c.assignee.id);
    expect(c.complainant).toMatchObject({ anonymous: false, name: 'Kodjo Abalo' });
  });

  it('balances the workload between the eligible focal points', async () => {
    const assignees = [];
    for (let i = 0; i < 4; i++)
      assignees.push((await post('operator', '/api/v1/complaints', body())).json().assignee.id);
    const counts = await t.db.query<{ n: number }>(
      `select count(*)::int as n from complaints where assignee_id = any($1::uuid[]) group by assignee_id`,
      [[ids.focalA, ids.peerA]],
    );
    expect(counts.map((r) => r.n).sort()).toEqual([2, 3]);
    expect(new Set(assignees).size).toBe(2);
  });

  it('sends sensitive categories straight to the national sensitive-case focal point', async () => {
    const c = (
      await post(
        'facilitator',
        '/api/v1/complaints',
        body({ category: 'gbv_sea', complainant: { anonymous: true } }),
      )
    ).json();
    expect(c).toMatchObject({ sensitive: true, handlingLevel: 'country', assignee: { id: ids.vbg } });
    expect((await get('facilitator', `/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await get('operator', `/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await get('vbg', `/api/v1/complaints/${c.id}`)).statusCode).toBe(200);
  });

  it('puts a case in the unassigned queue when nobody handles its area', async () => {
    await t.db.query(`update routing_rules set handling_level = 'canton' where category_code is null`);
    try {
      const c = (await post('operator', '/api/v1/complaints', body())).json();
      expect(c.assignee).toBeNull();
      const queue = (await get('operator', '/api/v1/complaints?queue=unassigned')).json();
      expect(queue.items.map((i: { id: string }) => i.id)).toContain(c.id);
    } finally {
      await t.db.query(`update routing_rules set handling_level = 'region' where category_code is null`);
    }
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const before = await t.db.query('select count(*)::int as n from complaints');
    const res = await post(
      'operator',
      '/api/v1/complaints',
      body({
        category: 'nope',
        incidentDate: '2999-01-01',
        villageId: tree.a.canton.id,
        complainant: { anonymous: false },
      }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['incidentDate', 'complainant.name']));
    const unknownCode = await post('operator', '/api/v1/complaints', body({ category: 'nope' }));
    expect(unknownCode.json().details).toEqual([{ path: 'category', message: 'unknown_category' }]);
    const notVillage = await post('operator', '/api/v1/complaints', body({ villageId: tree.a.canton.id }));
    expect(notVillage.json().details).toEqual([{ path: 'villageId', message: 'not_a_village' }]);
    const elsewhere = await post(
      'facilitator',
      '/api/v1/complaints',
      body({ villageId: tree.b.villages[0]!.id }),
    );
    expect(elsewhere.statusCode).toBe(403);
    expect(await t.db.query('select count(*)::int as n from complaints')).toEqual(before);
  });
});

describe('lifecycle', () => {
  it('runs acknowledge → start → propose → accepted, with a timeline of every step', async () => {
    const c = (await post('facilitator', '/api/v1/complaints', body())).json();
    const handler = c.assignee.id === ids.focalA ? 'focalA' : 'peerA';
    const other = handler === 'focalA' ? 'peerA' : 'focalA';
    const early = await act(handler, c.id, { action: 'propose_resolution', resolution: 'Réparer la pompe' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('transition_not_allowed');
    expect((await act(other, c.id, { action: 'acknowledge' })).statusCode).toBe(403);
    expect((await act(handler, c.id, { action: 'acknowledge' })).json().status).toBe('acknowledged');
    expect((await act(handler, c.id, { action: 'start' })).json().status).toBe('in_progress');
    const noText = await act(handler, c.id, { action: 'propose_resolution' });
    expect(noText.statusCode).toBe(400);
    const proposed = await act(handler, c.id, {
      action: 'propose_resolution',
      resolution: 'La pompe sera réparée lundi.',
    });
    expect(proposed.json()).toMatchObject({
      status: 'resolution_proposed',
      allowedActions: expect.arrayContaining(['record_answer']),
    });
    const closed = await act('facilitator', c.id, {
      action: 'record_answer',
      answer: 'accepted',
      satisfaction: 5,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closureOutcome: 'satisfied', satisfaction: 5 });
    const events = (await get(handler, `/api/v1/complaints/${c.id}/events`)).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'acknowledge',
      'start',
      'propose_resolution',
      'record_answer',
    ]);
    expect(events[3]).toMatchObject({
      fromStatus: 'in_progress',
      toStatus: 'resolution_proposed',
      payload: { resolution: 'La pompe sera réparée lundi.' },
    });
  });

  it('escalates to the next level of the chain and routes the case there', async () => {
    const c = (await post('operator', '/api/v1/complaints', body())).json();
    const res = await act('operator', c.id, {
      action: 'escalate',
      reason: 'Pas de réponse au niveau régional',
    });
    expect(res.json()).toMatchObject({
      status: 'escalated',
      handlingLevel: 'country',
      escalationCount: 1,
      assignee: { id: ids.operator },
    });
    const top = await act('operator', c.id, { action: 'escalate', reason: 'Encore' });
    expect(top.statusCode).toBe(409);
    expect(top.json().code).toBe('no_higher_level');
  });

  it('reassigns only to someone who can handle the case, and detects stale versions', async () => {
    const c = (await post('operator', '/api/v1/complaints', body())).json();
    const bad = await act('operator', c.id, {
      action: 'reassign',
      assigneeId: ids.focalB,
      reason: 'Mauvaise région',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await act('operator', c.id, {
      action: 'reassign',
      assigneeId: ids.peerA,
      reason: 'Congé',
      baseVersion: c.version,
    });
    expect(ok.json().assignee.id).toBe(ids.peerA);
    const stale = await act('operator', c.id, { action: 'comment', text: 'Vu', baseVersion: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: c.version + 1 },
    });
  });
});

describe('scoping', () => {
  it('hides a Kara case from the Savanes focal point by id, list, search and events', async () => {
    const c = (
      await post(
        'operator',
        '/api/v1/complaints',
        body({ description: 'Clôture du marché de Lama détruite' }),
      )
    ).json();
    expect((await get('focalB', `/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await get('focalB', `/api/v1/complaints/${c.id}/events`)).statusCode).toBe(404);
    expect((await act('focalB', c.id, { action: 'comment', text: 'x' })).statusCode).toBe(404);
    const list = (await get('focalB', '/api/v1/complaints?limit=200'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(c.id);
    for (const q of [c.trackingCode, 'marché', c.reference]) {
      const found = (await get('focalB', `/api/v1/complaints?q=${encodeURIComponent(q)}`)).json().items;
      expect(found).toEqual([]);
      const mine = (await get('operator', `/api/v1/complaints?q=${encodeURIComponent(q)}`)).json().items;
      expect(mine.map((i: { id: string }) => i.id)).toContain(c.id);
    }
  });
});
