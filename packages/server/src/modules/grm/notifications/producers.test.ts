import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../../test/harness.js';
import { notifyEvent } from './producers.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let focal: { id: string; username: string };
let otherFocal: { id: string; username: string };
let sensitiveFocal: { id: string; username: string };

const DESCRIPTION = 'Le chef de chantier a demandé de l’argent pour inscrire les ménages sur la liste.';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  focal = await makeUser(t, ['focal_point'], [tree.a.region], { email: 'focal.a@coso.test' });
  otherFocal = await makeUser(t, ['focal_point'], [tree.b.region], { email: 'focal.b@coso.test' });
  sensitiveFocal = await makeUser(t, ['sensitive_focal_point'], [tree.country], { email: 'vbg@coso.test' });
});
afterAll(() => t.close());

function newCase(category: string, complainant: Record<string, unknown>) {
  return t.services.complaints.create(SYSTEM_CONTEXT, {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: DESCRIPTION,
    villageId: tree.a.villages[0]!.id,
    ongoing: false,
    recurring: false,
    complainant: { kind: 'individual', vulnerabilities: [], confidential: true, ...complainant },
  } as never);
}

const outbox = (complaintId: string) =>
  t.db.query<{
    topic: string;
    channel: string;
    recipientKind: string;
    recipientUserId: string | null;
    payload: string;
  }>(
    `select topic, channel, recipient_kind as "recipientKind", recipient_user_id as "recipientUserId",
            payload::text as payload
       from notification_outbox where entity_id = $1 order by id`,
    [complaintId],
  );

describe('notification producers', () => {
  it('tells the assignee and, with consent, texts the complainant their receipt', async () => {
    const c = await newCase('works', {
      anonymous: false,
      name: 'Kafui M.',
      phone: '+22890000011',
      notifyConsent: true,
    });
    expect(c.assignee?.id ?? c.assigneeId).toBe(focal.id);
    const rows = await outbox(c.id);
    expect(rows.map((r) => `${r.topic}/${r.channel}/${r.recipientKind}`)).toEqual([
      'case_assigned/in_app/user',
      'case_assigned/email/user',
      'complainant_receipt/sms/complainant',
    ]);
    expect(rows.filter((r) => r.recipientKind === 'user').every((r) => r.recipientUserId === focal.id)).toBe(
      true,
    );
    // Payloads: references and codes only.
    for (const r of rows) {
      expect(r.payload).not.toContain('Kafui');
      expect(r.payload).not.toContain('90000011');
      expect(r.payload).not.toContain('argent');
    }
  });

  it('sends nothing to a complainant who did not consent, and refuses consent without a contact', async () => {
    const c = await newCase('works', { anonymous: false, name: 'Yawa T.', phone: '+22890000012' });
    expect((await outbox(c.id)).filter((r) => r.recipientKind === 'complainant')).toEqual([]);
    const session = await login(t, focal.username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: session.headers,
      payload: {
        type: 'complaint',
        category: 'works',
        channel: 'hotline',
        description: DESCRIPTION,
        villageId: tree.a.villages[0]!.id,
        complainant: { anonymous: false, name: 'Sans contact', notifyConsent: true },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({
      path: 'complainant.notifyConsent',
      message: 'consent_without_contact',
    });
  });

  it('notifies on comments by others, acknowledgment and escalation, never someone who cannot see the case', async () => {
    const c = await newCase('works', {
      anonymous: false,
      name: 'Komi S.',
      phone: '+22890000013',
      notifyConsent: true,
    });
    const officer = await makeUser(t, ['grm_officer'], [tree.country]);
    const session = await login(t, officer.username);
    const act = (body: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${c.id}/actions`,
        headers: session.headers,
        payload: body,
      });
    expect((await act({ action: 'comment', text: 'Merci de vérifier sur place.' })).statusCode).toBe(200);
    expect((await act({ action: 'acknowledge' })).statusCode).toBe(200);
    const topics = (await outbox(c.id)).map((r) => `${r.topic}/${r.channel}`);
    expect(topics).toContain('case_comment/in_app');
    expect(topics).toContain('complainant_acknowledged/sms');
    const recipients = new Set((await outbox(c.id)).map((r) => r.recipientUserId).filter(Boolean));
    expect(recipients).toEqual(new Set([focal.id]));
    expect(recipients.has(otherFocal.id)).toBe(false);
  });

  it('keeps sensitive cases to their entitled handlers, and their messages free of the description', async () => {
    const c = await newCase('gbv_sea', {
      anonymous: false,
      name: 'Adjo K.',
      phone: '+22890000014',
      notifyConsent: true,
    });
    const rows = await outbox(c.id);
    const users = new Set(rows.map((r) => r.recipientUserId).filter(Boolean));
    expect(users).toEqual(new Set([sensitiveFocal.id]));
    expect(rows.map((r) => r.payload).join()).not.toMatch(/argent|Adjo|90000014/);
  });

  it('writes one row per fact even if the producer runs twice (dedupe key)', async () => {
    const c = await newCase('works', {
      anonymous: false,
      name: 'Essi D.',
      email: 'essi@example.tg',
      notifyConsent: true,
    });
    const [event] = await t.db.query<{ id: number }>(
      `select id from complaint_events where complaint_id = $1`,
      [c.id],
    );
    const keys = await t.db.query<{ key: string }>(
      'select dedupe_key as key from notification_outbox where entity_id = $1 order by id',
      [c.id],
    );
    expect(keys.map((k) => k.key)).toEqual([
      `case_assigned:${c.id}:${event!.id}:in_app:${focal.id}`,
      `case_assigned:${c.id}:${event!.id}:email:${focal.id}`,
      `complainant_receipt:${c.id}:${event!.id}:email:complainant`,
    ]);
    const before = (await outbox(c.id)).length;
    await t.db.transaction((tx) =>
      notifyEvent(
        tx,
        { vault: t.services.vault },
        {
          id: event!.id,
          complaintId: c.id,
          kind: 'created',
          actorId: null,
          toStatus: 'received',
        },
      ),
    );
    expect((await outbox(c.id)).length).toBe(before);
  });
});
