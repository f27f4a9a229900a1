import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { enqueue, type OutboxMessage } from './outbox.js';
import { createNotificationSender } from './sender.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;
let officer: Session;
const SMS_PATH = '/api/v1/notification-templates/complainant_receipt/sms/fr';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(() => t.close());

const api = (s: Session, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? { cookie: s.cookie } : s.headers, payload });

type Item = {
  topic: string;
  channel: string;
  locale: string;
  body: string;
  custom: boolean;
  variables: string[];
};
const templates = async () =>
  (await api(admin, 'GET', '/api/v1/notification-templates')).json().items as Item[];
const auditOf = (entity: string) =>
  t.db.query<{ action: string; entityId: string }>(
    `select action, entity_id as "entityId" from audit_log where entity = $1 order by id`,
    [entity],
  );

async function fileComplaint(phone: string) {
  const res = await api(officer, 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category: 'works',
    channel: 'hotline',
    description: 'La route est coupee depuis la pluie.',
    villageId: tree.a.villages[0]!.id,
    complainant: { anonymous: false, name: 'Ama', phone },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; reference: string; trackingCode: string };
}

const queue = (m: OutboxMessage) => t.db.transaction((tx) => enqueue(tx, m));

describe('message templates (admin)', () => {
  it('lists every topic × channel × locale with its built-in text and variables', async () => {
    const items = await templates();
    // Grievances: 6 staff topics × 3 channels + 5 complainant topics × 2 channels; DCC: 2 topics × 2 channels
    // (in-app, email); in 2 locales.
    expect(items).toHaveLength((6 * 3 + 5 * 2 + 2 * 2) * 2);
    expect(
      items.find((i) => i.topic === 'complainant_receipt' && i.channel === 'sms' && i.locale === 'fr'),
    ).toMatchObject({
      custom: false,
      variables: ['trackingCode', 'receivedOn'],
      body: expect.stringContaining('{trackingCode}'),
      updatedAt: null,
    });
  });

  it('saves an edited text, refuses an unknown placeholder with 422 and writes nothing, and resets', async () => {
    const bad = await api(admin, 'PUT', SMS_PATH, { body: 'Bonjour {name}, code {trackingCode}' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'template_unknown_placeholder',
      details: { unknown: [{ path: 'body', placeholder: 'name' }] },
    });
    expect((await templates()).filter((i) => i.custom)).toEqual([]);

    const body = 'COSO : plainte recue le {receivedOn}, code {trackingCode}.';
    const ok = await api(admin, 'PUT', SMS_PATH, { body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      topic: 'complainant_receipt',
      channel: 'sms',
      locale: 'fr',
      body,
      custom: true,
    });
    expect((await templates()).filter((i) => i.custom).map((i) => i.body)).toEqual([body]);

    // The sender uses the edited text.
    const c = await fileComplaint('+22890000077');
    await queue({
      topic: 'complainant_receipt',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode, receivedOn: '28/11/2026' },
    });
    const said: Array<{ to: string; text: string }> = [];
    const log = { ...t.app.log, info: (o: { to: string; text: string }) => said.push(o) } as typeof t.app.log;
    await createNotificationSender({ db: t.db, config: t.config, vault: t.services.vault, log }).runOnce();
    expect(said).toContainEqual({
      outboxId: expect.any(String),
      to: '**********77',
      text: `COSO : plainte recue le 28/11/2026, code ${c.trackingCode}.`,
    });

    const reset = await api(admin, 'DELETE', SMS_PATH);
    expect(reset.statusCode).toBe(204);
    expect((await templates()).filter((i) => i.custom)).toEqual([]);
    expect((await auditOf('notification_template')).map((a) => [a.action, a.entityId])).toEqual([
      ['update', 'complainant_receipt/sms/fr'],
      ['reset', 'complainant_receipt/sms/fr'],
    ]);
  });

  it('answers 404 for a topic or a channel that does not exist, 400 for an empty email subject', async () => {
    expect(
      (await api(admin, 'PUT', '/api/v1/notification-templates/nope/sms/fr', { body: 'x' })).statusCode,
    ).toBe(404);
    // Complainant topics have no in-app text.
    expect(
      (await api(admin, 'PUT', '/api/v1/notification-templates/complainant_closed/in_app/fr', { body: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await api(admin, 'PUT', '/api/v1/notification-templates/case_comment/email/fr', {
          subject: ' ',
          body: 'x {reference}',
        })
      ).json(),
    ).toMatchObject({ code: 'validation_error' });
  });

  it('is for administrators only', async () => {
    expect((await api(officer, 'GET', '/api/v1/notification-templates')).statusCode).toBe(403);
    expect((await api(officer, 'PUT', SMS_PATH, { body: 'x' })).statusCode).toBe(403);
    expect((await api(officer, 'DELETE', SMS_PATH)).statusCode).toBe(403);
    expect((await api(officer, 'GET', '/api/v1/notification-outbox')).statusCode).toBe(403);
    expect((await api(officer, 'POST', '/api/v1/notification-outbox/1/retry')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/notification-outbox' })).statusCode).toBe(401);
  });
});

describe('the outbox (admin)', () => {
  type Row = Record<string, unknown> & { id: number; status: string };
  const list = async (query = '') => {
    const res = await api(admin, 'GET', `/api/v1/notification-outbox${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Row[]; nextCursor: string | null };
  };

  it('lists messages newest first, filtered and paged, without payload or address', async () => {
    await t.db.exec('delete from notifications; delete from notification_outbox');
    const c = await fileComplaint('+22890000088');
    await t.db.exec('delete from notifications; delete from notification_outbox');
    const base = { recipient: { kind: 'complainant' } as const, subject: { type: 'complaint', id: c.id } };
    await queue({
      ...base,
      topic: 'complainant_receipt',
      channel: 'sms',
      payload: { trackingCode: c.trackingCode, receivedOn: '28/11/2026' },
    });
    await queue({
      ...base,
      topic: 'public_otp',
      channel: 'sms',
      payload: { trackingCode: c.trackingCode, otp: '424242' },
    });
    await queue({
      ...base,
      topic: 'complainant_closed',
      channel: 'email',
      payload: { trackingCode: c.trackingCode },
    });

    const all = await list();
    expect(all.items.map((i) => i.topic)).toEqual([
      'complainant_closed',
      'public_otp',
      'complainant_receipt',
    ]);
    expect(all.items[0]).toEqual({
      id: expect.any(Number),
      topic: 'complainant_closed',
      channel: 'email',
      recipientKind: 'complainant',
      recipientUserId: null,
      complaintId: c.id,
      complaintReference: c.reference,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: expect.any(String),
      sentAt: null,
      nextAttemptAt: expect.any(String),
    });
    expect(JSON.stringify(all)).not.toMatch(/424242|90000088|payload/);

    expect((await list('?channel=sms')).items.map((i) => i.topic)).toEqual([
      'public_otp',
      'complainant_receipt',
    ]);
    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second).toEqual({ items: [all.items[2]], nextCursor: null });
    expect((await api(admin, 'GET', '/api/v1/notification-outbox?status=lost')).statusCode).toBe(400);
    expect((await api(admin, 'GET', '/api/v1/notification-outbox?cursor=zzz')).statusCode).toBe(400);
  });

  it('queues a failed or skipped message again, audited; refuses others with 409', async () => {
    const [receipt, otp, closed] = (await list()).items.reverse();
    await t.db.query(
      `update notification_outbox set status = 'failed', attempts = 8, last_error = 'HTTP 503' where id = $1`,
      [receipt!.id],
    );
    await t.db.query(
      `update notification_outbox set status = 'failed', payload = payload - 'otp' where id = $1`,
      [otp!.id],
    );
    await t.db.query(`update notification_outbox set status = 'sent' where id = $1`, [closed!.id]);

    const retry = (id: number) => api(admin, 'POST', `/api/v1/notification-outbox/${id}/retry`);
    const ok = await retry(receipt!.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: receipt!.id, status: 'pending' });
    expect((await list('?status=pending')).items.map((i) => [i.id, i.attempts, i.lastError])).toEqual([
      [receipt!.id, 0, null],
    ]);
    expect((await retry(receipt!.id)).json()).toMatchObject({ code: 'outbox_not_retryable' }); // pending now
    expect((await retry(closed!.id)).statusCode).toBe(409); // already sent: never twice
    expect((await retry(otp!.id)).statusCode).toBe(409); // its code was erased
    expect((await retry(999_999)).statusCode).toBe(404);
    expect((await auditOf('notification_outbox')).map((a) => [a.action, a.entityId])).toEqual([
      ['retry', String(receipt!.id)],
    ]);
  });
});
