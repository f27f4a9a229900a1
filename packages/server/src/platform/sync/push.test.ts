import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/driver.js';
import { MODULES } from '../../modules/index.js';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { createPayload, footprint, mutation, push } from '../../test/sync-push-kit.js';
import { toAuthUser } from '../auth/service.js';
import { findUserById } from '../users/repo.js';
import { createSyncPushService } from './push.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let facilitator: Session;
let facilitatorId: string;
let focal: Session;
let supervisor: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const user = await makeUser(t, ['facilitator'], tree.a.villages);
  facilitatorId = user.id;
  facilitator = await login(t, user.username);
  focal = await login(t, (await makeUser(t, ['focal_point'], [tree.a.region])).username);
  supervisor = await login(t, (await makeUser(t, ['supervisor'], [tree.a.region])).username);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

const village = () => tree.a.villages[0]!.id;

async function caseRow(id: string) {
  const [row] = await t.db.query<{ status: string; version: number; source: string }>(
    `select c.status, c.version, e.payload->>'source' as source
       from complaints c join complaint_events e on e.complaint_id = c.id and e.kind = 'created'
      where c.id = $1`,
    [id],
  );
  return row;
}

describe('POST /api/v1/sync/push', () => {
  it('applies a batch once: the same batch again answers duplicate with the same results and changes nothing', async () => {
    const a = createPayload(village());
    const b = createPayload(tree.a.villages[1]!.id, {
      complainant: { anonymous: false, name: 'Awa Tchala' },
    });
    const batch = [
      mutation('complaint.create', a),
      mutation('complaint.create', b),
      mutation('complaint.act', { complaintId: a.id, action: { action: 'comment', text: 'Vu sur place.' } }),
    ];
    const first = await push(t, facilitator, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(first[0]!.result).toMatchObject({
      id: a.id,
      reference: expect.stringMatching(/^MGP-\d{4}-\d{6}$/),
    });
    expect(await caseRow(a.id)).toMatchObject({ status: 'received', source: 'field' });
    const before = await footprint(t);

    const second = await push(t, facilitator, batch);
    expect(second.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(second.map((r) => r.result)).toEqual(first.map((r) => r.result));
    expect(await footprint(t)).toEqual(before);
  });

  it('answers duplicate to the loser when the same mutation races itself', async () => {
    const m = mutation('complaint.create', createPayload(village()));
    const [x, y] = await Promise.all([push(t, facilitator, [m]), push(t, facilitator, [m])]);
    expect([x[0]!.status, y[0]!.status].sort()).toEqual(['applied', 'duplicate']);
    expect(x[0]!.result).toEqual(y[0]!.result);
    const rows = await t.db.query('select 1 from complaints where id = $1', [
      (m.payload as { id: string }).id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('answers duplicate when the id was claimed between its lookup and its own claim (the primary key decides)', async () => {
    const m = mutation('complaint.create', createPayload(village()));
    expect((await push(t, facilitator, [m]))[0]!.status).toBe('applied');
    // A second request that looked the id up just before the first one committed: its lookup saw nothing.
    let hidden = false;
    const late: Db = {
      ...t.db,
      query: (text, params) => {
        if (!hidden && text.includes('from sync_mutations where id')) {
          hidden = true;
          return Promise.resolve([]);
        }
        return t.db.query(text, params);
      },
    };
    const service = createSyncPushService({
      db: late,
      registry: t.services.syncPush.registry,
      deps: { platform: t.services.context, modules: MODULES },
    });
    const actor = toAuthUser((await findUserById(t.db, facilitatorId))!);
    const { results } = await service.push({ actor, ip: null }, [m], 'fr');
    expect(hidden).toBe(true);
    expect(results[0]).toMatchObject({
      status: 'duplicate',
      result: { id: (m.payload as { id: string }).id },
    });
  });

  it('rejects malformed mutations one by one while the rest of the batch applies', async () => {
    const good1 = mutation('complaint.create', createPayload(village()));
    const badPayload = mutation('complaint.create', { ...createPayload(village()), description: 'x' });
    const unknown = mutation('task.fly', { to: 'moon' });
    const noId = { type: 'complaint.create', payload: {}, clientTime: new Date().toISOString() };
    const good2 = mutation('complaint.create', createPayload(village()));
    const results = await push(t, facilitator, [good1, badPayload, unknown, noId, 'junk', good2]);
    expect(results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(results[1]).toMatchObject({ id: badPayload.id, code: 'validation_error' });
    expect(results[1]!.details).toEqual([expect.objectContaining({ path: 'description' })]);
    expect(results[1]!.message).toBe('Certaines données sont invalides.');
    expect(results[2]).toMatchObject({ id: unknown.id, code: 'unknown_mutation_type' });
    expect(results[3]).toMatchObject({ id: null, code: 'validation_error' });
    expect(results[3]!.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'id' })]));
    expect(results[4]).toMatchObject({ id: null, code: 'validation_error' });
    // A rejection is not recorded: the corrected mutation may reuse its id.
    const fixed = {
      ...badPayload,
      payload: { ...(badPayload.payload as object), description: 'Assez long.' },
    };
    expect((await push(t, facilitator, [fixed]))[0]!.status).toBe('applied');
  });

  it('answers a stale status change with a conflict and the current row, and changes nothing', async () => {
    const c = createPayload(village());
    await push(t, facilitator, [mutation('complaint.create', c)]);
    const seen = (await caseRow(c.id))!.version;
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/actions`,
      headers: focal.headers,
      payload: { action: 'acknowledge' },
    });
    expect(ack.statusCode).toBe(200);
    const before = await footprint(t);
    const [result] = await push(t, focal, [
      mutation(
        'complaint.act',
        { complaintId: c.id, action: { action: 'reject_ineligible', reason: 'Hors projet' } },
        { baseVersion: seen },
      ),
    ]);
    expect(result).toMatchObject({ status: 'conflict', code: 'version_conflict' });
    expect(result!.current).toMatchObject({ id: c.id, status: 'acknowledged', version: seen + 1 });
    expect(result!.current!.changeSeq).toEqual(expect.any(Number));
    expect(await footprint(t)).toEqual(before);
    expect((await caseRow(c.id))!.status).toBe('acknowledged');
  });

  it('never sends a sensitive case in a conflict: its devices may not hold it', async () => {
    const vbg = await login(t, (await makeUser(t, ['sensitive_focal_point'], [tree.country])).username);
    const c = createPayload(village(), { category: 'gbv_sea' });
    expect((await push(t, facilitator, [mutation('complaint.create', c)]))[0]!.status).toBe('applied');
    const stale = mutation(
      'complaint.act',
      { complaintId: c.id, action: { action: 'acknowledge' } },
      { baseVersion: 1 },
    );
    expect((await push(t, vbg, [stale]))[0]!.status).toBe('applied');
    const [result] = await push(t, vbg, [
      mutation(
        'complaint.act',
        { complaintId: c.id, action: { action: 'withdraw', reason: 'Retrait' } },
        { baseVersion: 1 },
      ),
    ]);
    expect(result).toMatchObject({ status: 'conflict', code: 'version_conflict' });
    expect(result).not.toHaveProperty('current');
  });

  it('appends a comment whatever the version it was written against', async () => {
    const c = createPayload(village());
    await push(t, facilitator, [mutation('complaint.create', c)]);
    const ack = await push(t, focal, [
      mutation('complaint.act', { complaintId: c.id, action: { action: 'acknowledge' } }, { baseVersion: 1 }),
    ]);
    expect(ack[0]).toMatchObject({ status: 'applied', result: { status: 'acknowledged' } });
    const [comment] = await push(t, facilitator, [
      mutation(
        'complaint.act',
        { complaintId: c.id, action: { action: 'comment', text: 'Le chef de village confirme.' } },
        { baseVersion: 1 },
      ),
    ]);
    expect(comment).toMatchObject({ status: 'applied', result: { complaintId: c.id } });
    const events = await t.db.query<{ kind: string }>(
      'select kind from complaint_events where complaint_id = $1 order by id',
      [c.id],
    );
    expect(events.map((e) => e.kind)).toEqual(['created', 'acknowledge', 'comment']);
  });

  it('rejects actions the actor may not take, or that the status does not allow, as the REST API does', async () => {
    const c = createPayload(village());
    await push(t, facilitator, [mutation('complaint.create', c)]);
    const results = await push(t, facilitator, [
      mutation('complaint.act', { complaintId: c.id, action: { action: 'acknowledge' } }),
      mutation('complaint.act', {
        complaintId: c.id,
        action: { action: 'record_answer', answer: 'accepted' },
      }),
      mutation('complaint.act', { complaintId: randomUUID(), action: { action: 'comment', text: 'Où ?' } }),
    ]);
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'forbidden'],
      ['rejected', 'transition_not_allowed'],
      ['rejected', 'not_found'],
    ]);
    const [read] = await push(t, supervisor, [
      mutation('complaint.act', { complaintId: c.id, action: { action: 'comment', text: 'Je passe.' } }),
    ]);
    expect(read).toMatchObject({ status: 'rejected' });
    const [create] = await push(t, admin, [mutation('complaint.create', createPayload(village()))]);
    expect(create).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect((await caseRow(c.id))!.status).toBe('received');
  });

  it("refuses a mutation id already used by another user, and a case from another's jurisdiction", async () => {
    const m = mutation('complaint.create', createPayload(village()));
    expect((await push(t, facilitator, [m]))[0]!.status).toBe('applied');
    const [taken] = await push(t, focal, [m]);
    expect(taken).toMatchObject({ status: 'rejected', code: 'mutation_id_taken' });
    const [outside] = await push(t, facilitator, [
      mutation('complaint.create', createPayload(tree.b.villages[0]!.id)),
    ]);
    expect(outside).toMatchObject({ status: 'rejected', code: 'outside_jurisdiction' });
  });

  it('needs a signed-in caller, the CSRF token with a cookie, and a bounded batch', async () => {
    const body = { mutations: [mutation('complaint.create', createPayload(village()))] };
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/sync/push', payload: body });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { cookie: facilitator.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    const tooMany = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: facilitator.headers,
      payload: { mutations: Array.from({ length: 51 }, () => body.mutations[0]) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('validation_error');
  });
});
