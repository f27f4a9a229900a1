import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeliveryChannel } from '../../../platform/notifications/channels.js';
import { enqueue, type OutboxMessage } from '../../../platform/notifications/outbox.js';
import { createNotificationSender, LEASE_MS } from '../../../platform/notifications/sender.js';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';

// Runs on PGlite and, with DATABASE_URL, on PostgreSQL where the senders really overlap (a pool of
// connections, `for update skip locked`).
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officer: Session;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

// An SMS gateway counting the requests of each idempotency key.
const received = new Map<string, Array<{ to: string; text: string }>>();
const gateway = createServer((req, res) => {
  const key = String(req.headers['idempotency-key']);
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.set(key, [...(received.get(key) ?? []), JSON.parse(Buffer.concat(chunks).toString())]);
    // A little latency, so that the senders' passes interleave.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: key }));
    }, 5);
  });
});

const sender = (channels?: { email: null; sms: DeliveryChannel }) =>
  createNotificationSender({
    db: t.db,
    config: t.config,
    vault: t.services.vault,
    log: t.app.log,
    clock,
    channels,
  });
const queue = (m: OutboxMessage) => t.db.transaction((tx) => enqueue(tx, m));
const outbox = () =>
  t.db.query<{ id: string; channel: string; status: string; attempts: number; lastError: string | null }>(
    'select id::text, channel, status, attempts, last_error as "lastError" from notification_outbox order by id',
  );

async function fileComplaint(complainant: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: officer.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: 'Le puits est sec.',
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: false, ...complainant },
    },
  });
  expect(res.statusCode).toBe(201);
  // Each test starts from an empty outbox: what the producers queued for the new case goes away.
  await t.db.exec('delete from notifications; delete from notification_outbox');
  return res.json() as { id: string; reference: string; trackingCode: string };
}

beforeAll(async () => {
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  t = await createTestApp({
    // Never contacted: the only email of these tests goes to a user without an address.
    SMTP_URL: 'smtp://127.0.0.1:9',
    SMS_GATEWAY: 'http',
    SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/`,
  });
  tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => gateway.close(r));
});

describe('several senders at once', () => {
  it('never deliver the same row twice', async () => {
    const staff = await makeUser(t, ['focal_point'], [tree.country]);
    const c = await fileComplaint({ name: 'Ama', phone: '+22890000099' });
    for (let i = 0; i < 40; i++) {
      await queue({
        topic: 'complainant_closed',
        channel: 'sms',
        recipient: { kind: 'complainant' },
        subject: { type: 'complaint', id: c.id },
        payload: { trackingCode: c.trackingCode },
      });
      await queue({
        topic: 'case_comment',
        channel: 'in_app',
        recipient: { kind: 'user', userId: staff.id },
        subject: { type: 'complaint', id: c.id },
        payload: { reference: c.reference },
      });
    }
    const senders = [sender(), sender(), sender()];
    const drain = async (s: (typeof senders)[number]) => {
      for (let pass = 0; pass < 40; pass++) {
        const r = await s.runOnce({ batchSize: 4 });
        if (r.sent + r.skipped + r.failed + r.retried === 0) return;
      }
    };
    await Promise.all(senders.map(drain));

    const rows = await outbox();
    expect(rows).toHaveLength(80);
    expect(rows.filter((r) => r.status !== 'sent' || r.attempts !== 1)).toEqual([]);
    const smsKeys = rows.filter((r) => r.channel === 'sms').map((r) => `coso-${r.id}`);
    expect([...received.keys()].sort()).toEqual(smsKeys.sort());
    expect([...received.values()].filter((requests) => requests.length !== 1)).toEqual([]);
    const [inbox] = await t.db.query<{ n: number; distinct: number }>(
      'select count(*)::int as n, count(distinct outbox_id)::int as distinct from notifications',
    );
    expect(inbox).toEqual({ n: 40, distinct: 40 });
  });

  it('lets a row whose lease ran out go to no one: fails it, and records "sent" only if it left', async () => {
    const c = await fileComplaint({ name: 'Kofi', phone: '+22890000098' });
    const delivered: string[] = [];
    const other = sender();
    // A delivery so slow that the lease runs out, while another process's sender makes its pass.
    const slow: DeliveryChannel = {
      async deliver(m) {
        if (delivered.length === 0) {
          offsetMs += LEASE_MS + 60_000;
          expect(await other.runOnce()).toMatchObject({ interrupted: 2, sent: 0 });
        }
        delivered.push(m.id);
        return { providerId: `p-${m.id}` };
      },
    };
    const message = {
      topic: 'complainant_closed',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode },
    } as const;
    await queue(message);
    await queue(message);
    const ids = (await outbox()).map((r) => r.id);
    // The rows are due from the database's now() (microseconds); the sender's clock has milliseconds: one
    // second ahead, both rows are due for sure, even when this line runs in the millisecond they were queued.
    offsetMs += 1_000;
    await sender({ email: null, sms: slow }).runOnce();
    await sender({ email: null, sms: slow }).runOnce();
    // The first one left: it is recorded as sent. The second had not started when its lease ran out: the
    // other sender failed it, and this one did not send it after all.
    expect(delivered).toEqual([ids[0]]);
    expect((await outbox()).map((r) => [r.status, r.lastError])).toEqual([
      ['sent', null],
      ['failed', 'interrupted: delivery unknown'],
    ]);
  });

  it('fails a row left sending by a dead process once its lease is over, and never resends it', async () => {
    const c = await fileComplaint({ name: 'Essi D.', phone: '+22891000003' });
    await queue({
      topic: 'public_otp',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode, otp: '654321' },
    });
    const [row] = await outbox();
    // As if a sender had claimed it and died mid-send.
    await t.db.query(`update notification_outbox set status = 'sending', lease_until = $2 where id = $1`, [
      row!.id,
      new Date(clock.now().getTime() + 60_000),
    ]);
    expect(await sender().runOnce()).toMatchObject({ interrupted: 0 }); // lease still running: left alone
    offsetMs += LEASE_MS;
    expect(await sender().runOnce()).toMatchObject({ interrupted: 1, sent: 0 });
    offsetMs += 7 * 3_600_000;
    await sender().runOnce();
    expect(received.get(`coso-${row!.id}`)).toBeUndefined();
    const [after] = await t.db.query<{ status: string; lastError: string; payload: object }>(
      'select status, last_error as "lastError", payload from notification_outbox where id = $1',
      [row!.id],
    );
    expect(after).toEqual({
      status: 'failed',
      lastError: 'interrupted: delivery unknown',
      payload: { trackingCode: c.trackingCode },
    });
  });
});

describe('in-app delivery', () => {
  it('writes the inbox row once, with the sent mark, and skips what has no address or no text', async () => {
    const c = await fileComplaint({ name: 'Edem F.' });
    const user = await makeUser(t, ['focal_point'], [tree.a.region]); // no email
    await t.db.query(`update users set phone = '+22870000011' where id = $1`, [user.id]);
    // As producers word them for a French reader (message-values.ts).
    const payload = { reference: c.reference, category: 'Travaux', handlingLevel: 'régional' };
    const base = {
      topic: 'case_assigned',
      recipient: { kind: 'user', userId: user.id },
      subject: { type: 'complaint', id: c.id },
    } as const;
    for (const channel of ['in_app', 'email', 'sms'] as const) await queue({ ...base, channel, payload });
    await queue({ ...base, channel: 'in_app', payload: { reference: c.reference } }); // lacks variables
    await queue({
      topic: 'complainant_closed',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id }, // the complainant gave no phone
      payload: { trackingCode: c.trackingCode },
    });
    await Promise.all([sender().runOnce(), sender().runOnce()]);
    await sender().runOnce();

    const rows = await outbox();
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.lastError])).toEqual([
      ['in_app', 'sent', 1, null],
      ['email', 'skipped', 0, 'no email address for this user'],
      ['sms', 'sent', 1, null],
      ['in_app', 'skipped', 0, 'missing variable(s): handlingLevel, category'],
      ['sms', 'skipped', 0, 'the complainant gave no phone'],
    ]);
    const inbox = await t.db.query(
      `select user_id as "userId", outbox_id::text as "outboxId", topic, entity_id as "complaintId", title, body
         from notifications`,
    );
    expect(inbox).toEqual([
      {
        userId: user.id,
        outboxId: rows[0]!.id,
        topic: 'case_assigned',
        complaintId: c.id,
        title: `Dossier ${c.reference} attribué`,
        body: `Le dossier ${c.reference} vous est attribué au niveau régional. Catégorie : Travaux.`,
      },
    ]);
    // SMS to staff is optional: to the phone of their account.
    expect(received.get(`coso-${rows[2]!.id}`)).toEqual([
      {
        to: '+22870000011',
        text: `COSO : Le dossier ${c.reference} vous est attribué au niveau régional. Catégorie : Travaux.`,
        reference: rows[2]!.id,
      },
    ]);
  });

  it('runs by itself once started, and stops cleanly', async () => {
    const c = await fileComplaint({ name: 'Yawa' });
    const user = await makeUser(t, ['focal_point'], [tree.a.region]);
    const message = {
      topic: 'case_comment',
      channel: 'in_app',
      recipient: { kind: 'user', userId: user.id },
      subject: { type: 'complaint', id: c.id },
      payload: { reference: c.reference },
    } as const;
    await queue(message);
    const s = sender();
    s.start(20);
    await vi.waitFor(async () => expect((await outbox()).map((r) => r.status)).toEqual(['sent']), {
      timeout: 5_000,
    });
    await s.stop();
    await queue(message);
    await new Promise((r) => setTimeout(r, 200));
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'pending']);
  });
});
