import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceToken, FakeDevice } from '../../../platform/sync/pull-test-kit.js';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { mutation, push } from '../../../test/sync-push-kit.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const devices: Record<string, FakeDevice> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    national: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
    supervisor: await makeUser(t, ['supervisor'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
  for (const who of ['focalA', 'facilitator'])
    devices[who] = new FakeDevice(t, await deviceToken(t, people[who as keyof typeof people].username));
  // Sensitive cases are handled nationally with a shorter acknowledgement (2 business days instead of 5).
  await t.db.query(
    `insert into sla_settings (id, level, category_code, acknowledge_days, resolve_days, answer_days, appeal_days,
                               reminder_days, auto_escalate)
     values (gen_random_uuid(), null, 'gbv_sea', 2, 30, 10, 30, 1, false)`,
  );
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
const recategorise = (who: string, id: string, over: Record<string, unknown> = {}) =>
  act(who, id, {
    action: 'recategorise',
    category: 'gbv_sea',
    type: 'complaint',
    sensitive: true,
    reason: 'Le plaignant a décrit un harcèlement sexuel sur le chantier.',
    ...over,
  });
const row = async (id: string) =>
  (
    await t.db.query<{
      category: string;
      type: string;
      sensitive: boolean;
      level: string;
      assigneeId: string | null;
      nextDue: string | null;
    }>(
      `select category_code as category, type_code as type, sensitive, handling_level as level,
              assignee_id as "assigneeId", next_due_date::text as "nextDue" from complaints where id = $1`,
      [id],
    )
  )[0]!;
const deadlines = (id: string) =>
  t.db.query<{ kind: string; startedOn: string; dueDate: string }>(
    `select kind, started_on::text as "startedOn", due_date::text as "dueDate" from complaint_deadlines
      where complaint_id = $1 and met_at is null order by kind`,
    [id],
  );
/** A works case of region A, filed from the field by the facilitator, held by the region's focal point. */
const newCase = async () => (await fileComplaint(t, s.facilitator!, tree.a.villages[0]!.id)).id;

describe('recategorising a case found to be GBV/SEA', () => {
  it('reroutes it, restricts it at once, recomputes its deadlines and takes it off the devices', async () => {
    const id = await newCase();
    expect(await row(id)).toMatchObject({ sensitive: false, level: 'region', assigneeId: ids.focalA });
    const before = await deadlines(id);
    for (const d of Object.values(devices)) await d.sync();
    for (const d of Object.values(devices)) expect(d.ids('complaints')).toContain(id);

    const res = await recategorise('focalA', id);
    expect(res.statusCode, res.body).toBe(200);
    // Done, and the focal point (not a sensitive-case handler) no longer sees it.
    expect(res.json()).toEqual({ id, accessLost: true });
    expect(await row(id)).toMatchObject({
      category: 'gbv_sea',
      sensitive: true,
      level: 'country',
      assigneeId: ids.vbg,
    });
    for (const who of ['focalA', 'facilitator', 'national', 'supervisor']) {
      expect((await get(who, `/api/v1/complaints/${id}`)).statusCode, who).toBe(404);
      const list = (await get(who, '/api/v1/complaints?limit=200')).json().items;
      expect(
        list.map((c: { id: string }) => c.id),
        who,
      ).not.toContain(id);
    }
    const seen = await get('vbg', `/api/v1/complaints/${id}`);
    expect(seen.json()).toMatchObject({ sensitive: true, category: 'gbv_sea', assignee: { id: ids.vbg } });

    // The acknowledgement deadline keeps its start and takes the sensitive category's 2 business days.
    const after = await deadlines(id);
    expect(after.map((d) => [d.kind, d.startedOn])).toEqual(before.map((d) => [d.kind, d.startedOn]));
    const ack = after.find((d) => d.kind === 'acknowledge')!;
    expect(ack.dueDate < before.find((d) => d.kind === 'acknowledge')!.dueDate).toBe(true);
    expect((await row(id)).nextDue).toBe(ack.dueDate);

    for (const [who, d] of Object.entries(devices)) {
      const pages = await d.sync();
      expect(
        pages.flatMap((p) => p.removed.complaints ?? []),
        who,
      ).toContain(id);
      expect(d.ids('complaints'), who).not.toContain(id);
    }

    // The sensitive-case focal point is told the case is now theirs; nobody else hears of it.
    const told = await t.db.query<{ topic: string; who: string }>(
      `select topic, recipient_user_id::text as who from notification_outbox
        where entity_type = 'complaint' and entity_id = $1 and topic = 'case_assigned'
          and recipient_user_id <> $2`,
      [id, ids.focalA],
    );
    expect(told.map((n) => n.who)).toEqual([ids.vbg]);

    const events = (await get('vbg', `/api/v1/complaints/${id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({
      kind: 'recategorise',
      actor: { id: ids.focalA },
      payload: {
        reason: 'Le plaignant a décrit un harcèlement sexuel sur le chantier.',
        category: 'gbv_sea',
        sensitive: true,
        previous: { category: 'works', type: 'complaint', sensitive: false },
        handlingLevel: 'country',
        assigneeId: ids.vbg,
        previousAssigneeId: ids.focalA,
      },
    });
    const [audit] = await t.db.query<{ actorId: string; changes: Record<string, unknown> }>(
      `select actor_id as "actorId", changes from audit_log where entity_id = $1 and action = 'recategorise'`,
      [id],
    );
    expect(audit).toMatchObject({
      actorId: ids.focalA,
      changes: {
        category: { from: 'works', to: 'gbv_sea' },
        sensitive: { from: false, to: true },
        level: { from: 'region', to: 'country' },
        assigneeId: { from: ids.focalA, to: ids.vbg },
      },
    });
  });

  it('keeps an ordinary recategorisation with its focal point, and lets the flag alone make a case sensitive', async () => {
    const id = await newCase();
    const res = await recategorise('national', id, { category: 'payments', sensitive: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      category: 'payments',
      sensitive: false,
      assignee: { id: ids.focalA },
    });
    expect(res.json().allowedActions).toContain('recategorise');

    const flagged = await recategorise('national', id, { category: 'payments', sensitive: true });
    expect(flagged.json()).toEqual({ id, accessLost: true });
    expect(await row(id)).toMatchObject({ category: 'payments', sensitive: true, assigneeId: ids.vbg });
  });

  it('refuses bad codes, a sensitive category without the flag, and a change that changes nothing', async () => {
    const id = await newCase();
    const cases: Array<[Record<string, unknown>, Array<{ path: string; message: string }>]> = [
      [{ category: 'nope' }, [{ path: 'category', message: 'unknown_category' }]],
      [{ type: 'nope', category: 'works', sensitive: false }, [{ path: 'type', message: 'unknown_type' }]],
      [{ sensitive: false }, [{ path: 'sensitive', message: 'category_is_sensitive' }]],
      [{ category: 'works', sensitive: false }, [{ path: 'category', message: 'nothing_changed' }]],
    ];
    for (const [over, details] of cases) {
      const res = await recategorise('focalA', id, over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_error', details });
    }
    const noReason = await recategorise('focalA', id, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await row(id)).category).toBe('works');
  });

  it('is not for facilitators or supervisors', async () => {
    const id = await newCase();
    expect((await get('facilitator', `/api/v1/complaints/${id}`)).json().allowedActions).not.toContain(
      'recategorise',
    );
    expect((await recategorise('facilitator', id)).statusCode).toBe(403);
    expect((await row(id)).sensitive).toBe(false);
  });
});

describe('recategorising through the field sync', () => {
  it('applies the same action from a push (complaint.act), and the phone then drops the case', async () => {
    const id = await newCase();
    await devices.focalA!.sync();
    const version = (await get('focalA', `/api/v1/complaints/${id}`)).json().version;
    const [result] = await push(t, s.focalA!, [
      mutation(
        'complaint.act',
        {
          complaintId: id,
          action: {
            action: 'recategorise',
            category: 'gbv_sea',
            type: 'complaint',
            sensitive: true,
            reason: 'Violence signalée lors de la visite.',
          },
        },
        { baseVersion: version },
      ),
    ]);
    expect(result).toMatchObject({ status: 'applied' });
    expect(await row(id)).toMatchObject({ sensitive: true, assigneeId: ids.vbg });
    await devices.focalA!.sync();
    expect(devices.focalA!.ids('complaints')).not.toContain(id);
  });
});

describe('making a sensitive case ordinary again', () => {
  it('needs the sensitive-case focal point, and then routes it back to the region', async () => {
    const id = (await fileComplaint(t, s.facilitator!, tree.a.villages[1]!.id, { category: 'gbv_sea' })).id;
    // Someone else holding it (a case assigned before the assignee rule existed) may not lift the restriction.
    await t.db.query('update complaints set assignee_id = $2 where id = $1', [id, ids.national]);
    const refused = await recategorise('national', id, { category: 'works', sensitive: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('sensitive_focal_point_required');
    // Keeping it sensitive under another sensitive category is the holder's call.
    const kept = await recategorise('national', id, { category: 'corruption', sensitive: true });
    expect(kept.statusCode, kept.body).toBe(200);

    const res = await recategorise('vbg', id, { category: 'works', sensitive: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, accessLost: true });
    expect(await row(id)).toMatchObject({ sensitive: false, level: 'region', assigneeId: ids.focalA });
    expect((await get('focalA', `/api/v1/complaints/${id}`)).statusCode).toBe(200);
  });
});
