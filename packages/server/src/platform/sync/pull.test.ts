import { type Actor, canSeeComplaint, type SyncTable, seesPublishedSummaryOnly } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessView } from '../../modules/grm/complaints/presenter.js';
import { findComplaint } from '../../modules/grm/complaints/repo.js';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { complaintBody, deviceToken, FakeDevice } from './pull-test-kit.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let operator: Session;
const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {};
const cases: Record<string, string> = {};

const post = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });

async function record(s: Session, villageId: string, over: Record<string, unknown> = {}) {
  const res = await post(s, '/api/v1/complaints', complaintBody(villageId, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function device(name: string) {
  return new FakeDevice(t, await deviceToken(t, users[name]!.username));
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  users.operator = await makeUser(t, ['grm_officer'], [tree.country]);
  users.focalA = await makeUser(t, ['focal_point'], [tree.a.region]);
  users.focalB = await makeUser(t, ['focal_point'], [tree.b.region]);
  users.facA = await makeUser(t, ['facilitator'], tree.a.villages);
  users.facB = await makeUser(t, ['facilitator'], tree.b.villages);
  users.vbg = await makeUser(t, ['sensitive_focal_point'], [tree.country]);
  users.supervisor = await makeUser(t, ['supervisor'], [tree.country]);
  operator = await login(t, users.operator.username);
  const facA = await login(t, users.facA.username);
  cases.a1 = await record(operator, tree.a.villages[0]!.id);
  cases.a2 = await record(operator, tree.a.villages[1]!.id, { complainant: { anonymous: true } });
  cases.b1 = await record(operator, tree.b.villages[0]!.id);
  cases.sensitiveA = await record(facA, tree.a.villages[0]!.id, { category: 'gbv_sea' });
  cases.byFacA = await record(facA, tree.a.villages[2]!.id);
  const focalA = await login(t, users.focalA.username);
  for (const id of [cases.a1!, cases.a2!]) {
    const res = await post(focalA, `/api/v1/complaints/${id}/actions`, { action: 'acknowledge' });
    expect(res.statusCode, res.body).toBe(200);
  }
  await post(focalA, `/api/v1/complaints/${cases.a2}/actions`, { action: 'comment', text: 'Visite prévue.' });
  await t.db.query(`update reference_items set active = false where list = 'channel' and code = 'letter'`);
  await t.db.query(`update complaints set published_at = now(), public_summary = 'Forage en panne.'`);
});
afterAll(() => t.close());

/** The rule a device follows, from the domain: a case its user handles (not through a summary), not sensitive. */
async function expectedOnDevice(actor: Actor): Promise<string[]> {
  const ids = (await t.db.query<{ id: string }>('select id from complaints')).map((r) => r.id);
  const out: string[] = [];
  for (const id of ids) {
    const view = accessView((await findComplaint(t.db, id))!);
    if (!view.sensitive && canSeeComplaint(actor, view) && !seesPublishedSummaryOnly(actor, view))
      out.push(id);
  }
  return out.sort();
}

describe('what a device receives', () => {
  it('gives a Kara facilitator the Kara cases and their timelines, never Savanes or sensitive ones', async () => {
    const d = await device('facA');
    const pages = await d.sync();
    expect(pages[0]!.reset).toBe(true);
    expect(d.ids('complaints').sort()).toEqual([cases.a1, cases.a2, cases.byFacA].sort());
    const events = d.rows('complaint_events');
    expect(new Set(events.map((e) => e.complaintId))).toEqual(new Set([cases.a1, cases.a2, cases.byFacA]));
    const [count] = await t.db.query<{ n: number }>(
      'select count(*)::int as n from complaint_events where complaint_id = any($1::uuid[])',
      [[cases.a1, cases.a2, cases.byFacA]],
    );
    expect(events).toHaveLength(count!.n);
    const comment = events.find((e) => e.kind === 'comment')!;
    expect(comment).toMatchObject({ complaintId: cases.a2, payload: { text: 'Visite prévue.' } });
    expect(typeof comment.changeSeq).toBe('number');
  });

  it('follows the domain visibility rule for every kind of user', async () => {
    for (const name of ['facA', 'facB', 'focalA', 'focalB', 'operator', 'vbg', 'supervisor']) {
      const d = await device(name);
      await d.sync(2);
      const u = users[name]!;
      expect(d.ids('complaints').sort(), name).toEqual(await expectedOnDevice(u));
    }
    // Sensitive cases reach nobody's device, not even the sensitive-case focal point's or their filer's.
    const vbg = await device('vbg');
    await vbg.sync();
    expect(vbg.ids('complaints')).toEqual([]);
  });

  it('sends the units of the jurisdictions and those above them, and every reference item', async () => {
    const d = await device('facA');
    await d.sync();
    const expected = [
      tree.country,
      tree.a.region,
      tree.a.prefecture,
      tree.a.commune,
      tree.a.canton,
      ...tree.a.villages,
    ].map((u) => u.id);
    expect(d.ids('geo_units').sort()).toEqual(expected.sort());
    const [count] = await t.db.query<{ n: number }>('select count(*)::int as n from reference_items');
    expect(d.rows('reference_items')).toHaveLength(count!.n);
    expect(d.rows('reference_items').find((r) => r.id === 'channel:letter')).toMatchObject({
      active: false,
      labelFr: 'Courrier',
      labelEn: 'Letter',
    });
  });

  it('never sends a complainant identity, not even one written into an event payload', async () => {
    await t.db.query(
      `insert into complaint_events (complaint_id, kind, payload)
       values ($1, 'comment', $2::jsonb)`,
      [
        cases.a1,
        JSON.stringify({ text: 'Appelé.', complainant: { name: 'Kodjo Abalo', phone: '+22890112233' } }),
      ],
    );
    const d = await device('focalA');
    const pages = await d.sync();
    const wire = JSON.stringify(pages);
    for (const secret of ['Kodjo', '+22890112233', 'kodjo@example.tg']) expect(wire).not.toContain(secret);
    const stripped = d
      .rows('complaint_events')
      .find((e) => e.payload && JSON.stringify(e.payload).includes('Appelé'));
    expect(stripped!.payload).toEqual({ text: 'Appelé.', complainant: {} });
    expect(d.rows('complaints').find((c) => c.id === cases.a1)).toMatchObject({
      anonymous: false,
      identityConfidential: false,
      sensitive: false,
    });
  });
});

describe('pages and cursors', () => {
  it('returns every row exactly once across small pages, in change order', async () => {
    const big = await device('operator');
    await big.sync(2000);
    const small = await device('operator');
    const pages = await small.sync(3);
    expect(pages.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let previous = 0;
    for (const [i, page] of pages.entries()) {
      const rows = Object.entries(page.changes).flatMap(([table, rows]) =>
        rows!.map((r) => ({ key: `${table}/${r.id}`, seq: r.changeSeq })),
      );
      expect(rows.length).toBeLessThanOrEqual(3);
      expect(page.hasMore).toBe(i < pages.length - 1);
      expect(page.reset).toBe(i === 0);
      for (const r of rows.sort((x, y) => x.seq - y.seq)) {
        expect(r.seq).toBeGreaterThan(previous);
        previous = r.seq;
        seen.push(r.key);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Where each page stands, for the phone's progress bar: growing, never past the end, complete at the last.
    const marks = pages.map((p) => p.progress!);
    expect(marks.every((m, i) => m.done <= m.end && (i === 0 || m.done >= marks[i - 1]!.done))).toBe(true);
    expect(marks.at(-1)!.done).toBe(marks.at(-1)!.end);
    const all = (d: FakeDevice) =>
      (['reference_items', 'geo_units', 'complaints', 'complaint_events', 'attachments'] as SyncTable[])
        .flatMap((table) => d.ids(table).map((id) => `${table}/${id}`))
        .sort();
    expect(seen.sort()).toEqual(all(big));
  });

  it('answers an empty incremental pull, then only what changed', async () => {
    const d = await device('facA');
    await d.sync();
    const empty = await d.pullOnce();
    expect(empty).toMatchObject({ reset: false, hasMore: false });
    expect([empty.changes, empty.removed]).toEqual([{}, {}]);
    d.apply(empty);
    const focalA = await login(t, users.focalA!.username);
    await post(focalA, `/api/v1/complaints/${cases.a1}/actions`, { action: 'comment', text: 'Rappelé.' });
    const next = await d.pullOnce();
    expect(next.reset).toBe(false);
    expect(next.changes.complaints!.map((c) => c.id)).toEqual([cases.a1]);
    expect(next.changes.complaint_events!.map((e) => e.payload)).toEqual([{ text: 'Rappelé.' }]);
    expect(Object.keys(next.changes).sort()).toEqual(['complaint_events', 'complaints']);
  });

  it('starts over when the roles or the jurisdictions of the user change', async () => {
    const admin = { actor: { ...users.operator!, roles: ['admin' as const] }, ip: null };
    const u = await makeUser(t, ['facilitator'], [tree.a.villages[0]!]);
    const d = new FakeDevice(t, await deviceToken(t, u.username));
    await d.sync();
    expect(d.ids('complaints')).toEqual([cases.a1]);
    expect((await d.pullOnce()).reset).toBe(false);
    await t.services.users.update(admin, u.id, {
      jurisdictionIds: [tree.a.villages[0]!.id, tree.b.villages[0]!.id],
    });
    const widened = await d.sync();
    expect(widened[0]!.reset).toBe(true);
    expect(d.ids('complaints').sort()).toEqual([cases.a1, cases.b1].sort());
    await t.services.users.update(admin, u.id, { roles: ['cdd_specialist'] });
    const narrowed = await d.sync();
    expect(narrowed[0]!.reset).toBe(true);
    expect(d.ids('complaints')).toEqual([]);
    expect(d.ids('geo_units')).toContain(tree.b.villages[0]!.id);
  });

  it('refuses a malformed cursor or limit with a 400 and a code', async () => {
    const headers = await deviceToken(t, users.facA!.username);
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of ['%%%', 'bm90IGpzb24', forged({ s: -1, v: 'x' }), forged({ s: 1 }), forged([1])]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}`,
        headers,
      });
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().code).toBe('invalid_cursor');
    }
    for (const limit of ['0', '2001', 'many']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/sync/pull?limit=${limit}`, headers });
      expect(res.statusCode, limit).toBe(400);
      expect(res.json().code).toBe('validation_error');
    }
  });

  it('starts over on a cursor from another database (a restored backup)', async () => {
    const d = await device('facA');
    await d.sync();
    const version = JSON.parse(Buffer.from(d.cursor!, 'base64url').toString()).v;
    const ahead = Buffer.from(JSON.stringify({ s: 9_000_000_000, v: version })).toString('base64url');
    const page = await d.pullOnce(500, ahead);
    expect(page.reset).toBe(true);
    expect(page.changes.complaints).toHaveLength(3);
  });
});
