import type { ComplaintAction } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../../test/harness.js';
import { appendEvent } from '../complaints/repo.js';
import { notifyEvent } from './producers.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
type U = { id: string; username: string };
let focal: U;
let peer: U;
let officerA: U;
let officerB: U;
let sensitiveFocal: U;
let national: U;

const DESCRIPTION = 'Les travaux ont détruit le champ de manioc de la famille sans indemnisation.';
const NAMES = ['Mawuli Agbeko', 'Sena Kpodar'];

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  focal = await makeUser(t, ['focal_point'], [tree.a.region], { email: 'focal@coso.test' });
  peer = await makeUser(t, ['focal_point'], [tree.a.region]);
  officerA = await makeUser(t, ['grm_officer'], [tree.a.region], { email: 'officer.a@coso.test' });
  officerB = await makeUser(t, ['grm_officer'], [tree.b.region]);
  sensitiveFocal = await makeUser(t, ['sensitive_focal_point'], [tree.country]);
  // The national grievance officer: handler at the country level, supervisor of every ordinary case.
  national = await makeUser(t, ['grm_officer'], [tree.country], { email: 'national@coso.test' });
});
afterAll(() => t.close());

function newCase(category: string, complainant: Record<string, unknown>) {
  return t.services.complaints.create(SYSTEM_CONTEXT, {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: DESCRIPTION,
    villageId: tree.a.villages[1]!.id,
    ongoing: false,
    recurring: false,
    complainant: { kind: 'individual', vulnerabilities: [], confidential: true, ...complainant },
  } as never);
}

/** An action taken through the service, as the API does (with the vault, to reach the complainant). */
const system = (id: string, action: ComplaintAction) => t.services.complaints.act(SYSTEM_CONTEXT, id, action);

async function actAs(user: U, id: string, body: object) {
  const s = await login(t, user.username);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/actions`,
    headers: s.headers,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The outbox rows of one case queued after the event id `after`, as `topic/channel/recipient`. */
async function rowsAfter(complaintId: string, after = 0) {
  const rows = await t.db.query<{
    topic: string;
    channel: string;
    who: string;
    locale: string;
    payload: string;
  }>(
    `select o.topic, o.channel, coalesce(o.recipient_user_id::text, o.recipient_kind) as who, o.locale,
            o.payload::text as payload
       from notification_outbox o
      where o.entity_id = $1 and split_part(o.dedupe_key, ':', 3)::bigint > $2
      order by o.id`,
    [complaintId, after],
  );
  return rows;
}
const lastEventId = async (complaintId: string) =>
  (
    await t.db.query<{ id: number }>(
      'select max(id)::int as id from complaint_events where complaint_id = $1',
      [complaintId],
    )
  )[0]!.id;

describe('producers along a case', () => {
  it('tells a new assignee, but not someone who assigns the case to themselves', async () => {
    const c = await newCase('works', { anonymous: true });
    // Routing balanced the load between the two focal points of the region: hand it to the other one.
    const [row] = await t.db.query<{ a: string }>('select assignee_id as a from complaints where id = $1', [
      c.id,
    ]);
    const [holder, other] = row!.a === focal.id ? [focal, peer] : [peer, focal];
    expect(holder.id).toBe(row!.a);
    let mark = await lastEventId(c.id);
    await actAs(holder, c.id, { action: 'reassign', assigneeId: other.id, reason: 'Congé annuel' });
    const expected = other.id === focal.id ? ['in_app', 'email'] : ['in_app'];
    expect((await rowsAfter(c.id, mark)).map((r) => `${r.topic}/${r.channel}/${r.who}`)).toEqual(
      expected.map((channel) => `case_assigned/${channel}/${other.id}`),
    );
    mark = await lastEventId(c.id);
    await actAs(officerA, c.id, { action: 'reassign', assigneeId: officerA.id, reason: 'Je le prends' });
    expect(await rowsAfter(c.id, mark)).toEqual([]);
    // A comment reaches the assignee, but not when the assignee writes it.
    mark = await lastEventId(c.id);
    await actAs(officerA, c.id, { action: 'comment', text: 'Note pour moi-même.' });
    expect(await rowsAfter(c.id, mark)).toEqual([]);
  });

  it('tells the next level of an escalation, with the level and never the reason text', async () => {
    const c = await newCase('works', { anonymous: true });
    const mark = await lastEventId(c.id);
    await system(c.id, { action: 'escalate', reason: 'Aucune réponse de Mawuli Agbeko' });
    const [row] = await t.db.query<{ assigneeId: string }>(
      'select assignee_id as "assigneeId" from complaints where id = $1',
      [c.id],
    );
    expect(row!.assigneeId).toBe(national.id);
    const rows = await rowsAfter(c.id, mark);
    expect(rows.map((r) => `${r.topic}/${r.channel}/${r.who}`)).toEqual([
      `case_escalated/in_app/${national.id}`,
      `case_escalated/email/${national.id}`,
    ]);
    // In the recipient's words (message-values.ts): the level, not its code.
    expect(JSON.parse(rows[0]!.payload)).toEqual({
      reference: expect.any(String),
      handlingLevel: 'national',
    });
  });

  it('follows the complainant through acknowledgment, proposal (with answer due date) and closure', async () => {
    const c = await newCase('works', {
      anonymous: false,
      name: NAMES[0],
      phone: '+22890555111',
      email: 'mawuli@example.tg',
      preferredLanguage: 'English',
      notifyConsent: true,
    });
    const complainant = async (after: number) =>
      (await rowsAfter(c.id, after)).filter((r) => r.who === 'complainant');
    const receipt = await complainant(0);
    expect(receipt.map((r) => `${r.topic}/${r.channel}/${r.locale}`)).toEqual([
      'complainant_receipt/sms/en',
      'complainant_receipt/email/en',
    ]);
    expect(Object.keys(JSON.parse(receipt[0]!.payload)).sort()).toEqual(['receivedOn', 'trackingCode']);

    let mark = await lastEventId(c.id);
    await system(c.id, { action: 'acknowledge' });
    expect((await complainant(mark)).map((r) => r.topic)).toEqual([
      'complainant_acknowledged',
      'complainant_acknowledged',
    ]);
    await system(c.id, { action: 'start' });
    mark = await lastEventId(c.id);
    await system(c.id, { action: 'propose_resolution', resolution: 'Indemnisation de Mawuli Agbeko lundi.' });
    const [answer] = await t.db.query<{ due: string }>(
      `select due_date::text as due from complaint_deadlines where complaint_id = $1 and kind = 'answer'`,
      [c.id],
    );
    const proposal = await complainant(mark);
    expect(proposal).toHaveLength(2);
    const [y, m, d] = answer!.due.split('-');
    expect(JSON.parse(proposal[0]!.payload)).toEqual({
      trackingCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/),
      answerDueDate: `${d}/${m}/${y}`,
    });
    mark = await lastEventId(c.id);
    await system(c.id, { action: 'record_answer', answer: 'accepted', appeal: false });
    expect((await complainant(mark)).map((r) => `${r.topic}/${r.channel}`)).toEqual([
      'complainant_closed/sms',
      'complainant_closed/email',
    ]);
  });

  it('warns the area officers of an unassigned case’s deadline, and only those who may see it', async () => {
    const deadline = async (category: string) => {
      const c = await newCase(category, { anonymous: true });
      await t.db.query('update complaints set assignee_id = null where id = $1', [c.id]);
      const payload = { deadline: 'acknowledge', dueDate: '2026-03-12', remainingBusinessDays: 1 };
      await t.db.transaction(async (tx) => {
        const id = await appendEvent(tx, {
          complaintId: c.id,
          actorId: null,
          kind: 'deadline_reminder',
          fromStatus: null,
          toStatus: null,
          payload,
        });
        await notifyEvent(
          tx,
          { vault: t.services.vault },
          { id, complaintId: c.id, kind: 'deadline_reminder', actorId: null, toStatus: null, payload },
        );
      });
      return (await rowsAfter(c.id)).filter((r) => r.topic === 'deadline_reminder');
    };
    const ordinary = await deadline('works');
    // The officers covering the case's area (regional and national), not the one of another region.
    expect(new Set(ordinary.map((r) => `${r.channel}/${r.who}`))).toEqual(
      new Set([
        `in_app/${officerA.id}`,
        `email/${officerA.id}`,
        `in_app/${national.id}`,
        `email/${national.id}`,
      ]),
    );
    expect(ordinary.some((r) => r.who === officerB.id)).toBe(false);
    expect(JSON.parse(ordinary[0]!.payload)).toEqual({
      reference: expect.any(String),
      deadline: 'accusé de réception',
      dueDate: '12/03/2026',
      remainingBusinessDays: 1,
    });
    // A sensitive case: the grievance officer of the area cannot see it, the sensitive-case focal point can.
    const sensitive = await deadline('gbv_sea');
    expect(new Set(sensitive.map((r) => r.who))).toEqual(new Set([sensitiveFocal.id]));
    expect(sensitive.some((r) => r.who === officerB.id || r.who === officerA.id)).toBe(false);
  });

  it('never lets a description, a name or an address into any payload', async () => {
    const rows = await t.db.query<{ payload: string }>(
      'select payload::text as payload from notification_outbox',
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { payload } of rows) {
      expect(payload).not.toContain('manioc');
      for (const name of NAMES) expect(payload).not.toContain(name.split(' ')[1]);
      expect(payload).not.toMatch(/90555111|@example\.tg|Indemnisation|Aucune réponse/);
    }
  });
});
