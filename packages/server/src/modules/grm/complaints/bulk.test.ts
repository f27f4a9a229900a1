import { randomUUID } from 'node:crypto';
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

/** Bulk actions of the list: the single-case action on each case, one result per case. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

const bulk = (who: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints/bulk-actions',
    headers: s[who]!.headers,
    payload: payload as object,
  });
const file = () => fileComplaint(t, s.officer!, tree.a.villages[0]!.id).then((c) => c.id);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    supervisor: await makeUser(t, ['supervisor'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t?.close());

describe('bulk actions', () => {
  it('acknowledges each case it may, and says why not for the others', async () => {
    const [a, b, done] = [await file(), await file(), await file()];
    await t.db.query(`update complaints set status = 'closed' where id = $1`, [done]);
    const ghost = randomUUID();
    const res = await bulk('officer', { ids: [a, b, done, ghost, a], action: { action: 'acknowledge' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ done: 2, failed: 2 });
    const byId = Object.fromEntries(body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId[a]).toMatchObject({ ok: true, status: 'acknowledged' });
    expect(byId[b]).toMatchObject({ ok: true, status: 'acknowledged' });
    expect(byId[done]).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    expect(byId[done].message).toMatch(/\S/);
    expect(byId[ghost]).toMatchObject({ ok: false, code: 'not_found' });
    // Each case got its own event, as with the single action.
    const events = await t.db.query<{ n: number }>(
      `select count(*)::int as n from complaint_events where complaint_id = $1 and kind = 'acknowledge'`,
      [a],
    );
    expect(events[0]!.n).toBe(1);
  });

  it('assigns several unassigned cases to one handler', async () => {
    const [a, b] = [await file(), await file()];
    await t.db.query('update complaints set assignee_id = null where id = any($1::uuid[])', [[a, b]]);
    const res = await bulk('officer', {
      ids: [a, b],
      action: { action: 'reassign', assigneeId: ids.focalA, reason: 'Répartition de la semaine' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json(), res.body).toMatchObject({ done: 2, failed: 0 });
    const rows = await t.db.query<{ assignee_id: string }>(
      'select assignee_id from complaints where id = any($1::uuid[])',
      [[a, b]],
    );
    expect(rows.map((r) => r.assignee_id)).toEqual([ids.focalA, ids.focalA]);
  });

  it('changes nothing for someone who may not act, one refusal per case', async () => {
    const a = await file();
    const res = await bulk('supervisor', { ids: [a], action: { action: 'acknowledge' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ done: 0, failed: 1 });
    expect(['forbidden', 'not_found']).toContain(res.json().items[0].code);
    const [row] = await t.db.query<{ status: string }>('select status from complaints where id = $1', [a]);
    expect(row!.status).toBe('received');
  });

  it('refuses other actions, empty or oversized selections with a 400', async () => {
    const a = await file();
    const bad = [
      { ids: [a], action: { action: 'propose_resolution', resolution: 'Réparé le forage' } },
      { ids: [], action: { action: 'acknowledge' } },
      { ids: Array.from({ length: 101 }, () => randomUUID()), action: { action: 'acknowledge' } },
      { ids: ['not-a-uuid'], action: { action: 'acknowledge' } },
      { ids: [a], action: { action: 'reassign', assigneeId: ids.focalA } },
    ];
    for (const payload of bad) {
      const res = await bulk('officer', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().code).toBe('validation_error');
    }
  });
});
