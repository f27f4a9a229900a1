import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { createChannels } from './channels.js';
import { enqueue, type OutboxMessage } from './outbox.js';
import { backoffMs, createNotificationSender } from './sender.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officer: Session;
// Real time plus an offset the tests move forward: enqueued rows are due from the database's now().
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

// A real SMTP server on a free port, keeping every message it accepts, raw.
const mails: Array<{ to: string[]; raw: string }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      mails.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString(),
      });
      done();
    });
  },
});

// A local SMS gateway implementing the documented contract; `replies` scripts its next status codes.
const sms: Array<{ headers: IncomingMessage['headers']; body: { to: string; text: string; ref: string } }> =
  [];
const replies: number[] = [];
const gateway = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const status = req.headers['x-api-key'] === 's3cret' ? (replies.shift() ?? 200) : 401;
    if (status === 200)
      sms.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
    res.writeHead(status, { 'content-type': 'application/json' });
    // A refusal that quotes the number, as some gateways do.
    const refusal = JSON.stringify({
      error: `cannot deliver to ${JSON.parse(Buffer.concat(chunks).toString()).to}`,
    });
    res.end(status === 200 ? JSON.stringify({ messageId: `gw-${sms.length}` }) : refusal);
  });
});

/** The text of a quoted-printable body (accented letters travel as =C3=A9), as a mail reader shows it. */
const quotedPrintable = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

const sender = () =>
  createNotificationSender({ db: t.db, config: t.config, vault: t.services.vault, clock, log: t.app.log });

let serial = 0;
/** Enqueues one message as a producer would and returns its outbox row id. */
async function queue(m: Omit<OutboxMessage, 'dedupeKey'>): Promise<string> {
  const dedupeKey = `delivery-test:${++serial}`;
  await t.db.transaction((tx) => enqueue(tx, { ...m, dedupeKey }));
  const [row] = await t.db.query<{ id: string }>(
    'select id::text from notification_outbox where dedupe_key = $1',
    [dedupeKey],
  );
  return row!.id;
}
const rowOf = async (id: string) =>
  (
    await t.db.query<{
      status: string;
      attempts: number;
      lastError: string | null;
      providerId: string | null;
      payload: Record<string, unknown>;
    }>(
      `select status, attempts, last_error as "lastError", provider_id as "providerId", payload
         from notification_outbox where id = $1`,
      [id],
    )
  )[0]!;

/** A complaint filed through the API, its complainant's contact sealed in the vault. */
async function fileComplaint(complainant: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: officer.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: false, ...complainant },
    },
  });
  expect(res.statusCode).toBe(201);
  // What the producers queued for this new case is delivered now, so that each test counts only its rows.
  await sender().runOnce({ batchSize: 500 });
  return res.json() as { id: string; reference: string; trackingCode: string };
}

beforeAll(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  t = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    SMTP_FROM: 'COSO <no-reply@coso.test>',
    SMS_GATEWAY: 'http',
    SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
    SMS_GATEWAY_AUTH_HEADER: 'X-Api-Key: s3cret',
    SMS_GATEWAY_BODY_TEMPLATE: '{"to":"{to}","text":"{text}","ref":"{id}"}',
    NOTIFY_MAX_ATTEMPTS: '3',
  });
  tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.a.region])).username);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise((r) => gateway.close(r));
});

describe('email delivery', () => {
  it('emails a staff member once through a real SMTP server, in French, with a Message-ID from the row', async () => {
    const user = await makeUser(t, ['focal_point'], [tree.a.region], { email: 'focal@coso.test' });
    const c = await fileComplaint({ name: 'Ama K.' });
    const id = await queue({
      topic: 'case_comment',
      channel: 'email',
      recipient: { kind: 'user', userId: user.id },
      subject: { type: 'complaint', id: c.id },
      payload: { reference: c.reference },
    });
    await sender().runOnce();
    await sender().runOnce(); // nothing left for a second pass: never twice
    const mine = mails.filter((m) => m.raw.includes(`<outbox-${id}@coso.platform>`));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual(['focal@coso.test']);
    expect(quotedPrintable(mine[0]!.raw)).toContain(
      `Un nouveau commentaire a été ajouté au dossier ${c.reference}.`,
    );
    expect(mine[0]!.raw).toMatch(/^Subject: Nouveau commentaire : /m);
    expect(mine[0]!.raw).toMatch(/^From: COSO <no-reply@coso\.test>/m);
    expect(mine[0]!.raw).not.toContain('Ama K.');
    expect(await rowOf(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerId: `<outbox-${id}@coso.platform>`,
    });
  });

  it("emails the complainant at the address read from the encrypted identity, in the row's locale", async () => {
    const c = await fileComplaint({ name: 'Kodjo E.', email: 'kodjo@example.tg' });
    const id = await queue({
      topic: 'complainant_acknowledged',
      channel: 'email',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      locale: 'en',
      payload: { trackingCode: c.trackingCode },
    });
    await sender().runOnce();
    const mine = mails.filter((m) => m.raw.includes(`<outbox-${id}@coso.platform>`));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual(['kodjo@example.tg']);
    expect(mine[0]!.raw).toContain(`COSO: your complaint ${c.trackingCode} is being handled.`);
    // The address exists only in the sealed identity, never in the outbox.
    const dump = await t.db.query<{ row: string }>(
      'select row_to_json(o)::text as row from notification_outbox o',
    );
    expect(dump.map((r) => r.row).join()).not.toContain('kodjo@example.tg');
  });
});

describe('SMS delivery through the HTTP gateway', () => {
  it('texts the phone of the encrypted identity, with the auth header, body template and idempotency key', async () => {
    const c = await fileComplaint({ name: 'Kossi A.', phone: '+22890112233' });
    const id = await queue({
      topic: 'complainant_receipt',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode, receivedOn: '28/11/2026' },
    });
    await sender().runOnce();
    const mine = sms.filter((s) => s.body.ref === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.to).toBe('+22890112233');
    expect(mine[0]!.headers['idempotency-key']).toBe(`coso-${id}`);
    expect(mine[0]!.body.text).toBe(
      `COSO : votre plainte est enregistrée le 28/11/2026. Code de suivi : ${c.trackingCode}. Gardez ce code.`,
    );
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 1, providerId: `gw-${sms.length}` });
    const dump = await t.db.query<{ row: string }>(
      'select row_to_json(o)::text as row from notification_outbox o',
    );
    expect(dump.map((r) => r.row).join()).not.toContain('90112233');
  });

  it('uses the WhatsApp number when no phone was given', async () => {
    const c = await fileComplaint({ name: 'Abla W.', whatsapp: '+22899887766' });
    const id = await queue({
      topic: 'complainant_closed',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode },
    });
    await sender().runOnce();
    expect(sms.filter((s) => s.body.ref === id).map((s) => s.body.to)).toEqual(['+22899887766']);
  });

  it('retries a 503 after the backoff and sends exactly once; fails a 400 at once', async () => {
    const c = await fileComplaint({ name: 'Afi B.', phone: '+22891000001' });
    const id = await queue({
      topic: 'complainant_closed',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode },
    });
    replies.push(503);
    expect(await sender().runOnce()).toMatchObject({ retried: 1, sent: 0 });
    expect(await rowOf(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('503'),
    });
    offsetMs += backoffMs(1, () => 0) - 1000; // before the earliest possible retry time
    expect(await sender().runOnce()).toMatchObject({ sent: 0 });
    offsetMs += backoffMs(1, () => 1); // after the latest one
    expect(await sender().runOnce()).toMatchObject({ sent: 1 });
    await sender().runOnce();
    expect(sms.filter((s) => s.body.ref === id)).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    const refused = await queue({
      topic: 'complainant_acknowledged',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode },
    });
    replies.push(400);
    expect(await sender().runOnce()).toMatchObject({ failed: 1 });
    offsetMs += 7 * 3_600_000;
    expect(await sender().runOnce()).toMatchObject({ sent: 0, failed: 0 });
    const failed = await rowOf(refused);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('HTTP 400'),
    });
    expect(failed.lastError).not.toContain('91000001'); // the gateway quoted the number: masked
    expect(sms.filter((s) => s.body.ref === refused)).toHaveLength(0);
  });

  it('gives up after NOTIFY_MAX_ATTEMPTS and erases the one-time code', async () => {
    const c = await fileComplaint({ name: 'Yao C.', phone: '+22891000002' });
    const id = await queue({
      topic: 'public_otp',
      channel: 'sms',
      recipient: { kind: 'complainant' },
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode, otp: '123456' },
    });
    for (let i = 0; i < 3; i++) {
      replies.push(502);
      await sender().runOnce();
      if (i < 2) expect((await rowOf(id)).payload.otp).toBe('123456'); // still needed for the next try
      offsetMs += 7 * 3_600_000; // beyond the 6 h cap
    }
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.payload).toEqual({ trackingCode: c.trackingCode });
    await sender().runOnce();
    expect(sms.filter((s) => s.body.ref === id)).toHaveLength(0);
  });
});

describe('without SMTP, with the log gateway', () => {
  it('skips email when SMTP is not configured, and only logs SMS with the log gateway', async () => {
    const c = await fileComplaint({ name: 'Komi G.', phone: '+22891000004', email: 'komi@example.tg' });
    const lines: Array<Record<string, unknown>> = [];
    const log = { ...t.app.log, info: (o: Record<string, unknown>) => lines.push(o) } as typeof t.app.log;
    const channels = createChannels(
      {
        ...t.config.notifications,
        smtpUrl: undefined,
        sms: { ...t.config.notifications.sms, gateway: 'log' },
      },
      log,
    );
    const plain = createNotificationSender({
      db: t.db,
      config: t.config,
      vault: t.services.vault,
      clock,
      log,
      channels,
    });
    const base = {
      recipient: { kind: 'complainant' } as const,
      subject: { type: 'complaint', id: c.id },
      payload: { trackingCode: c.trackingCode },
    };
    const email = await queue({ ...base, topic: 'complainant_closed', channel: 'email' });
    const text = await queue({ ...base, topic: 'complainant_closed', channel: 'sms' });
    const before = { mails: mails.length, sms: sms.length };
    await plain.runOnce();
    expect(await rowOf(email)).toMatchObject({
      status: 'skipped',
      lastError: expect.stringMatching(/^email_not_configured/),
    });
    expect(await rowOf(text)).toMatchObject({ status: 'sent' });
    expect({ mails: mails.length, sms: sms.length }).toEqual(before);
    expect(lines).toEqual([expect.objectContaining({ outboxId: text, to: '**********04' })]);
    expect(JSON.stringify(lines)).not.toContain('91000004');
  });
});
