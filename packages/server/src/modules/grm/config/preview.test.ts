import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
  uniq,
} from '../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const DEFAULT_RULE = '00000000-0000-4000-8000-000000000011';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    admin: await makeUser(t, ['admin'], [tree.country]),
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    peerA: await makeUser(t, ['focal_point'], [tree.a.region]),
    focalB: await makeUser(t, ['focal_point'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    member: await makeUser(t, ['facilitator'], tree.a.villages),
    analyst: await makeUser(t, ['analyst'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t.close());

const call = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const preview = (category: string, villageId: string, who = 'admin') =>
  call(who, 'POST', '/api/v1/grm/routing-rules/preview', { category, villageId });
const complaint = (category: string, villageId: string) =>
  call('operator', 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
    villageId,
    complainant: { anonymous: true },
  });

describe('routing preview', () => {
  it('shows the matching rule, the place, the candidates and who routing would pick', async () => {
    const village = tree.a.villages[0]!.id;
    const res = await preview('works', village);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      rule: { id: DEFAULT_RULE, category: null, area: null, handlingLevel: 'region' },
      handlingLevel: 'region',
      handlingUnit: { id: tree.a.region.id, name: tree.a.region.name, level: 'region' },
    });
    expect(p.candidates).toEqual(
      expect.arrayContaining([
        { id: ids.focalA, displayName: expect.any(String), openCases: 0 },
        { id: ids.peerA, displayName: expect.any(String), openCases: 0 },
      ]),
    );
    expect(p.candidates).toHaveLength(2);
    // The preview is what routing does: the next case goes to the person it names.
    const c = (await complaint('works', village)).json();
    expect(c.assignee.id).toBe(p.assignee.id);
    const after = (await preview('works', village, 'operator')).json();
    const picked = after.candidates.find((x: { id: string }) => x.id === p.assignee.id);
    expect(picked.openCases).toBe(1);
    expect(after.assignee.id).not.toBe(p.assignee.id);
    expect(await t.db.query('select 1 from audit_log where entity like $1', ['routing%'])).toEqual([]);
  });

  it('sends a sensitive category to the national sensitive-case focal points', async () => {
    const p = (await preview('gbv_sea', tree.b.villages[1]!.id)).json();
    expect(p).toMatchObject({
      rule: { category: 'gbv_sea', handlingLevel: 'country' },
      handlingLevel: 'country',
      handlingUnit: { id: tree.country.id, level: 'country' },
      assignee: { id: ids.vbg },
      candidates: [{ id: ids.vbg, openCases: 0 }],
    });
  });

  it('refuses an unknown category and a place that is not a village, and roles without access', async () => {
    const res = await preview('nope', tree.a.canton.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { path: 'category', message: 'unknown_category' },
      { path: 'villageId', message: 'not_a_village' },
    ]);
    expect((await preview('works', randomUUID())).json().details).toEqual([
      { path: 'villageId', message: 'not_a_village' },
    ]);
    expect((await preview('works', tree.a.villages[0]!.id, 'analyst')).statusCode).toBe(403);
  });
});

describe('configuration takes effect on the next case', () => {
  let cantonCase: string;

  it('routes works in region A to the canton committee once an administrator adds the rule', async () => {
    const committee = await call('admin', 'POST', '/api/v1/grm/committees', {
      code: uniq('CCGP-'),
      name: 'Comité cantonal de gestion des plaintes',
      kind: 'committee',
      unitId: tree.a.canton.id,
      memberIds: [ids.member],
    });
    const rule = await call('admin', 'POST', '/api/v1/grm/routing-rules', {
      category: 'works',
      areaId: tree.a.region.id,
      handlingLevel: 'canton',
      committeeId: committee.json().id,
    });
    expect(rule.statusCode).toBe(201);
    const village = tree.a.villages[2]!.id;
    const p = (await preview('works', village)).json();
    expect(p).toMatchObject({
      rule: { id: rule.json().id },
      handlingLevel: 'canton',
      handlingUnit: { id: tree.a.canton.id, level: 'canton' },
      assignee: { id: ids.member },
      candidates: [{ id: ids.member, openCases: 0 }],
    });
    const res = await complaint('works', village);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ handlingLevel: 'canton', assignee: { id: ids.member } });
    cantonCase = res.json().id;
    const [row] = await t.db.query<{ committee_id: string }>(
      'select committee_id from complaints where id = $1',
      [cantonCase],
    );
    expect(row!.committee_id).toBe(committee.json().id);
    // Other categories and other regions are untouched.
    expect((await complaint('payments', village)).json()).toMatchObject({ handlingLevel: 'region' });
    expect((await complaint('works', tree.b.villages[0]!.id)).json()).toMatchObject({
      handlingLevel: 'region',
      assignee: { id: ids.focalB },
    });
  });

  it("escalates along the region's own chain, and along the default one once it is removed", async () => {
    const url = `/api/v1/grm/escalation-chains/region/${tree.a.region.id}`;
    expect(
      (await call('admin', 'PUT', url, { levels: ['village', 'canton', 'region', 'country'] })).statusCode,
    ).toBe(200);
    const escalate = (id: string) =>
      call('operator', 'POST', `/api/v1/complaints/${id}/actions`, {
        action: 'escalate',
        reason: 'Pas de réponse du comité',
      });
    expect((await escalate(cantonCase)).json()).toMatchObject({
      status: 'escalated',
      handlingLevel: 'region',
    });
    expect((await call('admin', 'DELETE', url)).statusCode).toBe(204);
    const other = (await complaint('works', tree.a.villages[1]!.id)).json();
    expect(other.handlingLevel).toBe('canton');
    expect((await escalate(other.id)).json()).toMatchObject({ handlingLevel: 'commune' });
  });
});
