import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
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

// Region A has ONE focal point (like Kara in the demo): nobody else of that level can receive its cases.
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    national: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    focalB: await makeUser(t, ['focal_point'], [tree.b.region]),
    // Below the region: sees the case of their prefecture, but may not hold a case handled by the region.
    prefectureFocal: await makeUser(t, ['focal_point'], [tree.a.prefecture]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
    supervisor: await makeUser(t, ['supervisor'], [tree.country]),
    analyst: await makeUser(t, ['analyst'], [tree.country]),
    admin: await makeUser(t, ['admin'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
  // An inactive focal point of the region is never offered.
  const gone = await makeUser(t, ['focal_point'], [tree.a.region]);
  await t.db.query('update users set active = false where id = $1', [gone.id]);
  ids.gone = gone.id;
});
afterAll(() => t.close());

const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: s[who]!.cookie } });
const act = (who: string, id: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/actions`,
    headers: s[who]!.headers,
    payload,
  });
const eligible = (who: string, id: string) => get(who, `/api/v1/complaints/${id}/eligible-assignees`);
const newCase = async (fields: Record<string, unknown> = {}) =>
  (await fileComplaint(t, s.national!, tree.a.villages[0]!.id, fields)).id;
const openCount = async (userId: string) =>
  (
    await t.db.query<{ n: number }>(
      `select count(*)::int as n from complaints where assignee_id = $1
          and status not in ('closed', 'ineligible', 'withdrawn', 'referred')`,
      [userId],
    )
  )[0]!.n;

describe('eligible assignees in a region with one focal point', () => {
  it('lists the focal point and the national officer, with their workload, and nobody else', async () => {
    const id = await newCase();
    const res = await eligible('focalA', id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      handlingLevel: 'region',
      handlingUnit: { id: tree.a.region.id },
      currentAssigneeId: ids.focalA,
      canReassign: true,
      canTakeOver: false,
    });
    const items = body.items as Array<{ id: string; openCases: number; current: boolean; self: boolean }>;
    expect(items.map((i) => i.id).sort()).toEqual([ids.focalA, ids.national].sort());
    for (const i of items) expect(i.openCases).toBe(await openCount(i.id));
    expect(items.find((i) => i.id === ids.focalA)).toMatchObject({ current: true, self: true });
    expect(items.find((i) => i.id === ids.national)).toMatchObject({
      current: false,
      self: false,
      roles: ['grm_officer'],
    });
    // Least loaded first.
    expect(items.map((i) => i.openCases)).toEqual([...items.map((i) => i.openCases)].sort((a, b) => a - b));

    const asNational = (await eligible('national', id)).json();
    expect(asNational).toMatchObject({ canReassign: true, canTakeOver: true });
    expect(asNational.items.find((i: { id: string }) => i.id === ids.national).self).toBe(true);
  });

  it('lets the national officer reassign the case and take it over, and the focal point take it back', async () => {
    const id = await newCase();
    const reassigned = await act('national', id, {
      action: 'reassign',
      assigneeId: ids.national,
      reason: 'Point focal en congé',
    });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect(reassigned.json().assignee.id).toBe(ids.national);
    expect(reassigned.json().allowedActions).not.toContain('take_over');

    const back = await get('focalA', `/api/v1/complaints/${id}`);
    expect(back.json().allowedActions).toContain('take_over');
    const taken = await act('focalA', id, { action: 'take_over', note: 'De retour' });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().assignee.id).toBe(ids.focalA);
    expect(taken.json().allowedActions).not.toContain('take_over');

    const again = await act('national', id, { action: 'take_over', baseVersion: taken.json().version });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().assignee.id).toBe(ids.national);

    const events = (await get('national', `/api/v1/complaints/${id}/events`)).json().items;
    const takeOvers = events.filter((e: { kind: string }) => e.kind === 'take_over');
    expect(takeOvers.map((e: { payload: object }) => e.payload)).toEqual([
      { note: 'De retour', assigneeId: ids.focalA, previousAssigneeId: ids.national },
      { assigneeId: ids.national, previousAssigneeId: ids.focalA },
    ]);
    const audit = await t.db.query<{ changes: { assigneeId: unknown } }>(
      `select changes from audit_log where entity_id = $1 and action = 'take_over' order by id`,
      [id],
    );
    expect(audit.map((a) => a.changes.assigneeId)).toEqual([
      { from: ids.national, to: ids.focalA },
      { from: ids.focalA, to: ids.national },
    ]);
  });

  it('refuses the list and the take over to those who may not handle the case', async () => {
    const id = await newCase();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${id}/publish`,
      headers: s.national!.headers,
      payload: { summary: 'Panne de forage signalée, vérification en cours.' },
    });
    for (const who of ['facilitator', 'supervisor', 'prefectureFocal']) {
      expect((await eligible(who, id)).statusCode, who).toBe(403);
      const res = await act(who, id, { action: 'take_over' });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await eligible('focalB', id)).statusCode).toBe(404);
    expect((await act('focalB', id, { action: 'take_over' })).statusCode).toBe(404);
    // A closed case is nobody's to take.
    await act('focalA', id, { action: 'withdraw', reason: 'Le plaignant retire sa plainte.' });
    expect((await act('national', id, { action: 'take_over' })).statusCode).toBe(409);
  });
});

describe('only handling roles may be assigned', () => {
  it('refuses a supervisor, an analyst, an admin, a facilitator, a lower level and an inactive account', async () => {
    const id = await newCase();
    // Published, so the supervisor sees the case: seeing it is not handling it.
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${id}/publish`,
      headers: s.national!.headers,
      payload: { summary: 'Panne de forage signalée, vérification en cours.' },
    });
    expect(published.statusCode, published.body).toBeLessThan(300);
    for (const who of ['supervisor', 'analyst', 'admin', 'facilitator', 'prefectureFocal', 'gone', 'vbg']) {
      const res = await act('national', id, { action: 'reassign', assigneeId: ids[who], reason: 'Essai' });
      expect(res.statusCode, who).toBe(400);
      expect(res.json().details, who).toEqual([
        { path: 'assigneeId', message: 'assignee_cannot_handle_case' },
      ]);
    }
    // Whoever the list offers, reassign accepts (one rule for both).
    const offered = (await eligible('national', id)).json().items as Array<{ id: string; current: boolean }>;
    for (const person of offered.filter((p) => !p.current)) {
      const res = await act('national', id, { action: 'reassign', assigneeId: person.id, reason: 'Essai' });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('offers only sensitive-case focal points for a sensitive case', async () => {
    const id = await newCase({ category: 'gbv_sea' });
    const body = (await eligible('vbg', id)).json();
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids.vbg]);
    expect(body.canTakeOver).toBe(false);
    const res = await act('vbg', id, { action: 'reassign', assigneeId: ids.national, reason: 'Essai' });
    expect(res.statusCode).toBe(400);
    expect((await eligible('national', id)).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the eligible assignees with their shape, and the new actions', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const route = doc.paths['/api/v1/complaints/{id}/eligible-assignees'].get;
    const schema = route.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['canReassign', 'canTakeOver', 'currentAssigneeId', 'handlingLevel', 'handlingUnit', 'items'].sort(),
    );
    expect(Object.keys(schema.properties.items.items.properties).sort()).toEqual(
      ['current', 'displayName', 'id', 'openCases', 'roles', 'self'].sort(),
    );
    const body = JSON.stringify(doc.paths['/api/v1/complaints/{id}/actions'].post.requestBody);
    for (const action of ['take_over', 'recategorise']) expect(body).toContain(`"${action}"`);
  });
});
