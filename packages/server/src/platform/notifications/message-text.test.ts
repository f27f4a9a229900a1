import { formatTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageDate } from '../../modules/grm/notifications/message-values.js';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import type { OutgoingMessage } from './channels.js';
import { createNotificationSender } from './sender.js';

/** What people read: the texts the sender writes to the inbox, the mailbox and the phone. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let focal: { id: string; username: string };
let officer: Session;
const texts: OutgoingMessage[] = [];
const mails: OutgoingMessage[] = [];

function record(list: OutgoingMessage[], m: OutgoingMessage) {
  list.push(m);
  return { providerId: null };
}

const deliver = () =>
  createNotificationSender({
    db: t.db,
    config: t.config,
    vault: t.services.vault,
    log: t.app.log,
    channels: {
      email: { deliver: async (m) => record(mails, m) },
      sms: { deliver: async (m) => record(texts, m) },
    },
  }).runOnce({ batchSize: 500 });

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  focal = await makeUser(t, ['focal_point'], [tree.a.region], { email: 'focal.texts@coso.test' });
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(() => t.close());

async function file(complainant: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: officer.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: 'Le forage du village ne fonctionne plus.',
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: false, name: 'Ɖossou Akɔvi', ...complainant },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  await deliver();
  const c = res.json() as { id: string; reference: string; trackingCode: string };
  const [row] = await t.db.query<{ level: string; received: string }>(
    `select handling_level as level, to_char(received_at at time zone 'UTC', 'DD/MM/YYYY') as received
       from complaints where id = $1`,
    [c.id],
  );
  return { ...c, level: row!.level, received: row!.received };
}

const worksLabels = async () =>
  (
    await t.db.query<{ labelFr: string; labelEn: string }>(
      `select label_fr as "labelFr", label_en as "labelEn" from reference_items
        where list = 'category' and code = 'works'`,
    )
  )[0]!;

const inbox = (userId: string, reference: string) =>
  t.db.query<{ title: string; body: string }>(
    'select title, body from notifications where user_id = $1 and body like $2',
    [userId, `%${reference}%`],
  );

describe('notification texts', () => {
  it('word the category and the level in French with accents, in-app and by email', async () => {
    const c = await file({});
    expect(c.level).toBe('region');
    const { labelFr } = await worksLabels();
    expect(labelFr).toMatch(/^Travaux des sous-projets/);
    const expected = `Le dossier ${c.reference} vous est attribué au niveau régional. Catégorie : ${labelFr}.`;
    expect(await inbox(focal.id, c.reference)).toEqual([
      { title: `Dossier ${c.reference} attribué`, body: expected },
    ]);
    const mail = mails.find((m) => m.text.includes(c.reference))!;
    expect(mail).toMatchObject({ to: 'focal.texts@coso.test', subject: `Dossier ${c.reference} attribué` });
    expect(mail.text).toBe(expected);
  });

  it('word them in English for a user who works in English', async () => {
    await t.db.query(`update users set locale = 'en' where id = $1`, [focal.id]);
    try {
      const c = await file({});
      const { labelEn } = await worksLabels();
      expect(await inbox(focal.id, c.reference)).toEqual([
        {
          title: `Case ${c.reference} assigned`,
          body: `Case ${c.reference} is now assigned to you at regional level. Category: ${labelEn}.`,
        },
      ]);
    } finally {
      await t.db.query(`update users set locale = 'fr' where id = $1`, [focal.id]);
    }
  });

  it('text the complainant the tracking code as printed on receipts and the date as dd/mm/yyyy', async () => {
    const c = await file({ phone: '+22890445566', notifyConsent: true });
    const code = formatTrackingCode(c.trackingCode);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    const sms = texts.filter((m) => m.to === '+22890445566');
    expect(sms.map((m) => m.text)).toEqual([
      `COSO : votre plainte est enregistrée le ${c.received}. Code de suivi : ${code}. Gardez ce code.`,
    ]);
  });

  it('keeps an administrator’s edited template working, its placeholders now filled with words', async () => {
    await t.db.query(
      `insert into notification_templates (topic, channel, locale, subject, body)
       values ('case_assigned', 'in_app', 'fr', 'Nouveau : {reference}', '{category} / {handlingLevel} / {reference}')`,
    );
    try {
      const c = await file({});
      expect(await inbox(focal.id, c.reference)).toEqual([
        {
          title: `Nouveau : ${c.reference}`,
          body: `${(await worksLabels()).labelFr} / régional / ${c.reference}`,
        },
      ]);
    } finally {
      await t.db.query(`delete from notification_templates where topic = 'case_assigned'`);
    }
  });

  it('writes ISO dates the way they are read in Togo', () => {
    expect(messageDate('2026-03-12')).toBe('12/03/2026');
    expect(messageDate('2026-11-28T23:10:00.000Z')).toBe('28/11/2026');
    expect(messageDate('demain')).toBe('demain');
  });
});
