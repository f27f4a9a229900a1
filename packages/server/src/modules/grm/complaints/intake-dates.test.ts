import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { createPayload, mutation, push } from '../../../test/sync-push-kit.js';

// Bad dates answered 500 (year 0001), or were stored with their year in the reference (MGP-2099, MGP-1970).
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officer: Session;
let facilitator: Session;
const YEAR = new Date().getUTCFullYear();
const reference = new RegExp(`^MGP-${YEAR}-\\d{6}$`);

beforeAll(async () => {
  // Every path below is checked against this configured start, not the default one.
  t = await createTestApp({ PROJECT_START_DATE: '2024-01-01' });
  tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
  facilitator = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  type: 'complaint',
  category: 'works',
  channel: 'hotline',
  description: `Le forage du village ne fonctionne plus ${randomUUID()}`,
  villageId: tree.a.villages[0]!.id,
  complainant: { anonymous: true },
  ...over,
});
const intake = (over: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: officer.headers, payload: body(over) });
const row = async (id: string) =>
  (
    await t.db.query<{ reference: string; receivedAt: Date }>(
      'select reference, received_at as "receivedAt" from complaints where id = $1',
      [id],
    )
  )[0]!;
const minutesFromNow = (d: Date) => Math.abs(d.getTime() - Date.now()) / 60_000;

describe('dates a client sends are bounded', () => {
  it.each([
    ['receivedAt', '0001-01-01T00:00:00Z', 'date_before_project_start'],
    ['receivedAt', '2099-01-01T00:00:00Z', 'date_in_future'],
    ['receivedAt', '2023-06-01T08:00:00Z', 'date_before_project_start'],
    ['receivedAt', new Date(Date.now() + 30 * 60_000).toISOString(), 'date_in_future'],
    ['incidentDate', '0001-01-01', 'date_before_project_start'],
    ['incidentDate', '2099-01-01', 'date_in_future'],
    ['incidentDate', '2023-12-31', 'date_before_project_start'],
  ])('staff intake refuses %s %s (400 %s)', async (path, value, message) => {
    const res = await intake({ [path]: value });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_error', details: [{ path, message }] });
  });

  it('staff intake keeps an in-bounds reception date (and a few minutes of clock skew); the year is today’s', async () => {
    const old = await intake({ receivedAt: '2024-03-05T09:00:00Z', incidentDate: '2024-03-01' });
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json().reference).toMatch(reference);
    expect((await row(old.json().id)).receivedAt.toISOString()).toBe('2024-03-05T09:00:00.000Z');
    const skewed = await intake({ receivedAt: new Date(Date.now() + 5 * 60_000).toISOString() });
    expect(skewed.statusCode, skewed.body).toBe(201);
  });

  it('the public form refuses bad incident dates and ignores a reception date', async () => {
    const file = (over: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: { ...body(over), channel: undefined },
        remoteAddress: `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      });
    for (const [incidentDate, message] of [
      ['2099-01-01', 'date_in_future'],
      ['0001-01-01', 'date_before_project_start'],
      ['2023-05-05', 'date_before_project_start'],
    ]) {
      const res = await file({ incidentDate });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details).toEqual([{ path: 'incidentDate', message }]);
    }
    const res = await file({ receivedAt: '2099-01-01T00:00:00Z' });
    expect(res.statusCode, res.body).toBe(201);
    const [c] = await t.db.query<{ reference: string; receivedAt: Date }>(
      `select reference, received_at as "receivedAt" from complaints where tracking_code = $1`,
      [res.json().trackingCode.replaceAll('-', '')],
    );
    expect(c!.reference).toMatch(reference);
    expect(minutesFromNow(c!.receivedAt)).toBeLessThan(5);
  });

  it.each([
    ['clientTime 1970', { clientTime: '1970-01-01T00:00:00Z' }, {}],
    ['clientTime 2099', { clientTime: '2099-01-01T00:00:00Z' }, {}],
    ['receivedAt 0001', {}, { receivedAt: '0001-01-01T00:00:00Z' }],
    ['receivedAt before the project start', {}, { receivedAt: '2023-02-01T00:00:00Z' }],
  ])('a sync push with the device’s %s records the case as received now', async (_, envelope, extra) => {
    const payload = createPayload(tree.a.villages[0]!.id, extra);
    const [result] = await push(t, facilitator, [{ ...mutation('complaint.create', payload), ...envelope }]);
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'applied' });
    const c = await row(payload.id);
    expect(c.reference).toMatch(reference);
    expect(minutesFromNow(c.receivedAt)).toBeLessThan(5);
  });

  it('a sync push keeps the device’s time when it is plausible', async () => {
    const recorded = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const payload = createPayload(tree.a.villages[0]!.id, { receivedAt: recorded });
    const [result] = await push(t, facilitator, [mutation('complaint.create', payload)]);
    expect(result).toMatchObject({ status: 'applied' });
    expect((await row(payload.id)).receivedAt.toISOString()).toBe(recorded);
  });

  it('a sync push with an incident before the project start is rejected with the reason', async () => {
    const payload = createPayload(tree.a.villages[0]!.id, { incidentDate: '2023-01-15' });
    const [result] = await push(t, facilitator, [mutation('complaint.create', payload)]);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'validation_error',
      details: [{ path: 'incidentDate', message: 'date_before_project_start' }],
    });
  });
});

describe('paper-register import', () => {
  it('refuses rows dated before the project start or in the future, and numbers the rest in today’s year', async () => {
    const text = () => `Le forage est en panne depuis un mois ${randomUUID()}`;
    const channel = '"En personne (animateur, membre de comité)"';
    const village = tree.a.villages[0]!.code;
    const good = text();
    const csv = [
      "Date de réception,Type,Catégorie,Canal,Description,Date de l'incident,Village,Anonyme",
      `12/03/2024,Plainte,works,${channel},${good},,${village},oui`,
      `01/06/2023,Plainte,works,${channel},${text()},,${village},oui`,
      `12/03/2024,Plainte,works,${channel},${text()},2023-12-01,${village},oui`,
      `01/01/2099,Plainte,works,${channel},${text()},,${village},oui`,
    ].join('\r\n');
    const boundary = `coso${randomBytes(8).toString('hex')}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/import?dryRun=false&onError=skip',
      headers: {
        ...officer.headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'accept-language': 'en',
      },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registre.csv"\r\n` +
          `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.created).toBe(1);
    expect(report.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, 'date_before_project_start'],
      [4, 'date_before_project_start'],
      [5, 'date_in_future'],
    ]);
    expect(report.rejected[0].reason).toBe('Date before the project started (2024-01-01)');
    const [c] = await t.db.query<{ reference: string }>(
      'select reference from complaints where description = $1',
      [good],
    );
    expect(c!.reference).toMatch(reference);
  });
});

describe('other dates a client sends', () => {
  it('referral dates of year 0000 or 0001 are refused (400), not a 500', async () => {
    const vbg = await login(t, (await makeUser(t, ['sensitive_focal_point'], [tree.country])).username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: vbg.headers,
      payload: body({ category: 'gbv_sea' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/complaints/${created.json().id}/referrals`;
    for (const referredOn of ['0000-01-01', '0001-01-01']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: vbg.headers,
        payload: { service: 'health', referredOn },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details).toEqual([{ path: 'referredOn', message: 'date_before_project_start' }]);
    }
  });

  it.each([
    ['grm_officer', '/api/v1/complaints?from=0000-01-01'],
    ['grm_officer', '/api/v1/complaints?to=0000-12-31'],
    ['grm_officer', '/api/v1/complaints?to=9999-12-31'],
    ['grm_officer', '/api/v1/reports/complaints/summary?from=0000-01-01'],
    ['admin', '/api/v1/audit?from=0000-01-01'],
  ] as const)('a filter day out of any range is a 400, not a 500 (%s: %s)', async (role, url) => {
    const who = await login(t, (await makeUser(t, [role], [tree.country])).username);
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    expect(res.statusCode, res.body).toBe(400);
  });
});

describe('holidays', () => {
  it('a holiday of year 0000 is refused (400), as is its removal, not a 500', async () => {
    const admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
    const holiday = { date: '0000-01-01', labelFr: 'Nouvel an', labelEn: 'New year', kind: 'fixed' };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/grm/holidays',
      headers: admin.headers,
      payload: holiday,
    });
    expect(created.statusCode, created.body).toBe(400);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/grm/holidays/0000-01-01',
      headers: admin.headers,
    });
    expect(removed.statusCode, removed.body).toBe(400);
  });
});

describe('PROJECT_START_DATE', () => {
  const key = randomBytes(32).toString('base64');
  it('defaults to 2023-01-01 and must be a past day from 2000 on', () => {
    expect(loadConfig({ COSO_MASTER_KEY: key }).projectStartDate).toBe('2023-01-01');
    expect(loadConfig({ PROJECT_START_DATE: '2021-07-01' }).projectStartDate).toBe('2021-07-01');
    for (const bad of ['1999-12-31', '2099-01-01', '01/07/2021']) {
      expect(() => loadConfig({ PROJECT_START_DATE: bad })).toThrow(/PROJECT_START_DATE/);
    }
  });
});
