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

/** The home page's counts: each one is exactly what its link's list shows, in the caller's scope. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie } });

/** Every case of the list for this query string, page after page. */
async function listAll(who: string, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const qs = new URLSearchParams({ ...query, limit: '2', ...(cursor ? { cursor } : {}) });
    const res = await get(who, `/api/v1/complaints?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    ids.push(...res.json().items.map((c: { id: string }) => c.id));
    cursor = res.json().nextCursor ?? undefined;
    if (!cursor) break;
  }
  return ids;
}

const setDue = (id: string, days: number | null, status?: string) =>
  t.db.query(
    `update complaints set next_due_date = case when $2::int is null then null else current_date + $2::int end,
       status = coalesce($3, status) where id = $1`,
    [id, days, status ?? null],
  );

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
    supervisor: await makeUser(t, ['supervisor'], [tree.country]),
    admin: await makeUser(t, ['admin'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) s[key] = await login(t, user.username);
  const inA = () => fileComplaint(t, s.officer!, tree.a.villages[0]!.id).then((c) => c.id);
  const inB = () => fileComplaint(t, s.officer!, tree.b.villages[0]!.id).then((c) => c.id);
  await setDue(await inA(), -3); // overdue
  await setDue(await inA(), -1); // overdue
  await setDue(await inA(), 0); // due today: soon, not overdue
  await setDue(await inA(), 40); // later
  await setDue(await inA(), 10, 'resolution_proposed'); // waiting for the complainant (beyond "soon")
  await setDue(await inB(), -2); // overdue, another region
  const unassigned = await inA();
  await t.db.query('update complaints set assignee_id = null where id = $1', [unassigned]);
});
afterAll(() => t?.close());

describe('home counts', () => {
  for (const who of ['focalA', 'officer', 'facilitator']) {
    it(`equal the totals of the lists they link to (${who})`, async () => {
      const res = await get(who, '/api/v1/complaints/home-counts');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeGreaterThan(0);
      for (const item of body.items as Array<{ key: string; count: number; query: Record<string, string> }>) {
        expect(item.count, `${who} ${item.key}`).toBe((await listAll(who, item.query)).length);
      }
    });
  }

  it('count what waits in the caller scope only', async () => {
    const counts = async (who: string) =>
      Object.fromEntries(
        (await get(who, '/api/v1/complaints/home-counts'))
          .json()
          .items.map((i: { key: string; count: number }) => [i.key, i.count]),
      );
    const focal = await counts('focalA');
    expect(focal).toMatchObject({ overdue: 2, dueSoon: 1, awaitingAnswer: 1, unassigned: 1 });
    // The national officer also sees region B's overdue case.
    expect((await counts('officer')).overdue).toBe(3);
    // A facilitator is never assigned nor assigns: no "mine" or "unassigned" count.
    expect(Object.keys(await counts('facilitator')).sort()).toEqual(['awaitingAnswer', 'dueSoon', 'overdue']);
  });

  it('give a published-summary reader no counts and say why; refuse who cannot read cases', async () => {
    const res = await get('supervisor', '/api/v1/complaints/home-counts');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], publishedOnly: true });
    expect((await get('focalA', '/api/v1/complaints/home-counts')).json().publishedOnly).toBe(false);
    expect((await get('admin', '/api/v1/complaints/home-counts')).statusCode).toBe(403);
  });

  it('are documented in OpenAPI with their answer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const answer =
      doc.paths['/api/v1/complaints/home-counts'].get.responses['200'].content['application/json'];
    expect(Object.keys(answer.schema.properties).sort()).toEqual(['items', 'publishedOnly', 'today']);
    expect(doc.paths['/api/v1/complaints/bulk-actions'].post.requestBody).toBeTruthy();
  });

  it('the list refuses a bad dueWithin with a 400', async () => {
    for (const bad of ['-1', '31', 'abc']) {
      const res = await get('focalA', `/api/v1/complaints?dueWithin=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('validation_error');
    }
  });
});
