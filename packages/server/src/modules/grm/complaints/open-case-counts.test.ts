import { randomBytes } from 'node:crypto';
import { COMPLAINT_STATUSES, OPEN_STATUSES } from '@coso/domain';
import fc from 'fast-check';
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
import { createPayload, mutation, push } from '../../../test/sync-push-kit.js';

// handler_open_cases (migration 0019) must equal a recount whatever changed a case: every writer below.
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    national: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    focalA2: await makeUser(t, ['focal_point'], [tree.a.region]),
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

/** Users whose counter differs from a count of their open cases (none, when the triggers are right). */
async function drift() {
  return t.db.query<{ id: string; counter: number | null; actual: number }>(
    `select u.id, h.open_cases as counter,
            (select count(*) from complaints c where c.assignee_id = u.id and c.status = any($1::text[]))::int
              as actual
       from users u left join handler_open_cases h on h.user_id = u.id
      where h.open_cases is distinct from
            (select count(*) from complaints c where c.assignee_id = u.id and c.status = any($1::text[]))::int`,
    [OPEN_STATUSES],
  );
}

const counter = async (userId: string) =>
  (
    await t.db.query<{ n: number }>('select open_cases as n from handler_open_cases where user_id = $1', [
      userId,
    ])
  )[0]?.n;

const act = (who: string, id: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/actions`,
    headers: s[who]!.headers,
    payload,
  });

async function ok(who: string, id: string, payload: object) {
  const res = await act(who, id, payload);
  expect(res.statusCode, res.body).toBe(200);
  expect(await drift()).toEqual([]);
  return res.json();
}

const newCase = async (village = tree.a.villages[0]!.id, fields: Record<string, unknown> = {}) =>
  (await fileComplaint(t, s.national!, village, fields)).id;

describe('open cases per handler', () => {
  it('counts as open exactly the domain’s open statuses', async () => {
    const rows = await t.db.query<{ status: string; open: boolean }>(
      'select s as status, complaint_status_open(s) as open from unnest($1::text[]) s',
      [COMPLAINT_STATUSES],
    );
    for (const r of rows)
      expect(r.open, r.status).toBe((OPEN_STATUSES as readonly string[]).includes(r.status));
  });

  it('follows intake, reassign, take over, bulk reassign, closing, reopening and escalation', async () => {
    const before = (await counter(ids.focalA!)) ?? 0;
    const id = await newCase();
    expect(await drift()).toEqual([]);
    const assignee = (
      await t.db.query<{ a: string }>('select assignee_id as a from complaints where id = $1', [id])
    )[0]!.a;
    expect([ids.focalA, ids.focalA2]).toContain(assignee);
    expect((await counter(ids.focalA!))! + (await counter(ids.focalA2!))!).toBeGreaterThan(before);

    await ok('national', id, { action: 'reassign', assigneeId: ids.national, reason: 'Point focal absent' });
    await ok('focalA', id, { action: 'take_over', note: 'De retour' });
    const other = await newCase();
    const bulk = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/bulk-actions',
      headers: s.national!.headers,
      payload: {
        ids: [id, other],
        action: { action: 'reassign', assigneeId: ids.focalA2, reason: 'Répartition' },
      },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(await drift()).toEqual([]);

    await ok('national', id, { action: 'acknowledge' });
    await ok('national', id, { action: 'start' });
    await ok('national', id, { action: 'propose_resolution', resolution: 'Réparation du forage' });
    const closed = await ok('national', id, { action: 'record_answer', answer: 'accepted' });
    expect(closed.status).toBe('closed');
    await ok('national', id, { action: 'reopen', reason: 'La panne est revenue' });
    await ok('national', id, { action: 'escalate', reason: 'Aucune solution locale' });
    await ok('national', other, { action: 'withdraw', reason: 'Retrait du plaignant' });
  });

  it('follows recategorising to and from a sensitive category', async () => {
    const id = await newCase();
    const vbgBefore = (await counter(ids.vbg!))!;
    await ok('national', id, {
      action: 'recategorise',
      category: 'gbv_sea',
      type: 'complaint',
      sensitive: true,
      reason: 'Il s’agit en fait d’un cas VBG',
    });
    const [row] = await t.db.query<{ a: string }>('select assignee_id as a from complaints where id = $1', [
      id,
    ]);
    expect(row!.a).toBe(ids.vbg);
    expect(await counter(ids.vbg!)).toBe(vbgBefore + 1);
    await ok('vbg', id, {
      action: 'recategorise',
      category: 'works',
      type: 'complaint',
      sensitive: false,
      reason: 'Erreur de classement',
    });
  });

  it('follows cases created by a phone’s push and by a register import', async () => {
    const results = await push(t, s.facilitator!, [
      mutation('complaint.create', createPayload(tree.a.villages[1]!.id)),
      mutation('complaint.create', createPayload(tree.a.villages[2]!.id)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await drift()).toEqual([]);

    const csv = [
      'Date de réception,Type,Catégorie,Canal,Description,Village,Anonyme',
      `12/03/2024,Plainte,works,in_person,Forage en panne ${randomBytes(3).toString('hex')},${tree.a.villages[0]!.code},oui`,
    ].join('\r\n');
    const boundary = `coso${randomBytes(8).toString('hex')}`;
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/import?dryRun=false&onError=skip',
      headers: { ...s.national!.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(after[0]!.n, res.body).toBe(before[0]!.n + 1);
    expect(await drift()).toEqual([]);
  });

  it('follows direct writes too: a deleted case and a deactivated handler’s cases', async () => {
    const id = await newCase(tree.b.villages[0]!.id);
    await t.db.query(`update complaints set status = 'closed', assignee_id = null where id = $1`, [id]);
    expect(await drift()).toEqual([]);
    const again = await newCase(tree.b.villages[0]!.id);
    await t.db.query('delete from complaint_deadlines where complaint_id = $1', [again]);
    await t.db.query('delete from complaint_events where complaint_id = $1', [again]);
    await t.db.query('delete from complaints where id = $1', [again]).catch(() => undefined);
    expect(await drift()).toEqual([]);
  });

  it('equals a recount after any sequence of actions by anyone (property)', async () => {
    const people = ['national', 'focalA', 'focalA2', 'vbg'];
    const step = fc.oneof(
      fc.constant({ action: 'acknowledge' }),
      fc.constant({ action: 'start' }),
      fc.constant({ action: 'propose_resolution', resolution: 'Réparation prévue' }),
      fc.record({
        action: fc.constant('record_answer'),
        answer: fc.constantFrom('accepted', 'rejected', 'no_response'),
        appeal: fc.boolean(),
      }),
      fc.constant({ action: 'declare_unresolved', reason: 'Pas de solution' }),
      fc.constant({ action: 'escalate', reason: 'Trop long' }),
      fc.constantFrom(...people).map((p) => ({ action: 'reassign', assigneeId: p, reason: 'Répartition' })),
      fc.constant({ action: 'take_over' }),
      fc.record({
        action: fc.constant('recategorise'),
        category: fc.constantFrom('works', 'gbv_sea', 'payments'),
        type: fc.constant('complaint'),
        sensitive: fc.boolean(),
        reason: fc.constant('Reclassement'),
      }),
      fc.constant({ action: 'withdraw', reason: 'Retrait' }),
      fc.constant({ action: 'refer', referralBody: 'Service social', reason: 'Hors mandat' }),
      fc.constant({ action: 'reopen', reason: 'Réouverture' }),
      fc.constant({ action: 'reject_ineligible', reason: 'Hors projet' }),
    );
    const program = fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...people), step), {
      minLength: 5,
      maxLength: 25,
    });
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(program, async (steps) => {
        const cases = [
          await newCase(),
          await newCase(tree.a.villages[1]!.id),
          await newCase(tree.b.villages[1]!.id),
        ];
        for (const [k, who, raw] of steps) {
          const payload =
            'assigneeId' in raw ? { ...raw, assigneeId: ids[raw.assigneeId as string] } : (raw as object);
          const res = await act(who, cases[k]!, payload);
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode === 200) applied++;
          expect(await drift()).toEqual([]);
        }
      }),
      { numRuns: 6 },
    );
    // The property is only worth something if actions did apply.
    expect(applied).toBeGreaterThan(5);
  });
});
