import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
  type TestUnit,
  uniq,
} from '../../../../test/harness.js';
import { EXPORT_HEADERS } from './columns.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const cases: Record<string, { id: string; trackingCode: string }> = {};

const post = (who: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: s[who]!.headers, payload });
const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie } });
const csvRows = (body: string): string[][] => parse(body.replace(/^\uFEFF/, ''));

const intake = (village: TestUnit, name: string, phone: string, over: object = {}) => ({
  type: 'complaint',
  category: 'works',
  channel: 'hotline',
  description: `Le pont de ${name} est effondré ${uniq()}`,
  villageId: village.id,
  complainant: { anonymous: false, name, phone, confidential: false, gender: 'female' },
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    kara: await makeUser(t, ['focal_point'], [tree.a.region]),
    savanes: await makeUser(t, ['focal_point'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) s[key] = await login(t, user.username);
  cases.kara = (await post('operator', intake(tree.a.villages[0]!, 'Kodjo Abalo', '+22890112233'))).json();
  cases.savanes = (await post('operator', intake(tree.b.villages[0]!, 'Essowè Pali', '+22899887766'))).json();
  cases.sensitive = (
    await post(
      'operator',
      intake(tree.a.villages[1]!, 'Ablavi Sena', '+22891919191', { category: 'gbv_sea' }),
    )
  ).json();
});
afterAll(() => t.close());

describe('case list export', () => {
  it('is routed before /complaints/:id and streams a CSV with French headers, one line per visible case', async () => {
    const res = await get('operator', '/api/v1/complaints/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="plaintes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual(EXPORT_HEADERS);
    // The reporting API's path serves the same stream.
    expect((await get('operator', '/api/v1/exports/complaints.csv')).body).toBe(res.body);
    expect(rows.map((r) => r[0]).sort()).toEqual(
      [cases.kara!.trackingCode, cases.savanes!.trackingCode].sort(),
    );
    const kara = rows.find((r) => r[0] === cases.kara!.trackingCode)!;
    expect(kara.slice(3, 8)).toEqual([
      'Plainte',
      'Travaux des sous-projets (qualité, retards, dommages, foncier)',
      'Téléphone / numéro vert',
      'Reçue',
      tree.a.villages[0]!.name,
    ]);
    expect(kara[2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(kara[10]).toBe('Femme');
  });

  it('never contains a complainant identity or a description', async () => {
    for (const who of ['operator', 'vbg']) {
      const body = (await get(who, '/api/v1/complaints/export.csv')).body;
      for (const secret of [
        'Kodjo',
        'Abalo',
        '90112233',
        'Essowè',
        '99887766',
        'Ablavi',
        '91919191',
        'effondré',
      ]) {
        expect(body).not.toContain(secret);
      }
    }
    const vbg = csvRows((await get('vbg', '/api/v1/complaints/export.csv')).body);
    expect(vbg.map((r) => r[0])).toContain(cases.sensitive!.trackingCode);
  });

  it('writes a village name a spreadsheet would run as a formula as text (apostrophe)', async () => {
    // A region of its own, so that the other tests' counts stay as they are.
    let unit = tree.country;
    for (const level of ['region', 'prefecture', 'commune', 'canton'])
      unit = await makeUnit(t.db, unit, level);
    const village = await makeUnit(t.db, unit, 'village', { name: '=1+2' });
    const filed = (await post('operator', intake(village, 'Yao Koffi', '+22890000001'))).json();
    const rows = csvRows((await get('operator', `/api/v1/complaints/export.csv?area=${village.id}`)).body);
    expect(rows.slice(1).map((r) => [r[0], r[EXPORT_HEADERS.indexOf('Village')]])).toEqual([
      [filed.trackingCode, "'=1+2"],
    ]);
  });

  it('is scoped like the list: the Savanes focal point never gets a Kara case', async () => {
    const rows = csvRows((await get('savanes', '/api/v1/complaints/export.csv')).body).slice(1);
    expect(rows.map((r) => r[0])).toEqual([cases.savanes!.trackingCode]);
    const kara = csvRows((await get('kara', '/api/v1/complaints/export.csv?category=works')).body).slice(1);
    expect(kara.map((r) => r[0])).toEqual([cases.kara!.trackingCode]);
  });

  it('is audited with its filters, and refuses bad filters and anonymous callers', async () => {
    await get('savanes', '/api/v1/complaints/export.xlsx?status=received');
    const [audit] = await t.db.query<{ changes: Record<string, unknown> }>(
      `select changes from audit_log where entity = 'complaint_export' and action = 'export' order by id desc limit 1`,
    );
    expect(audit!.changes).toMatchObject({ format: 'xlsx', filters: { status: ['received'] } });
    // Once the last row is read, a second entry gives the row count.
    const [done] = await t.db.query<{ changes: Record<string, unknown> }>(
      `select changes from audit_log where entity = 'complaint_export' and action = 'export_completed'
        order by id desc limit 1`,
    );
    expect(done!.changes).toEqual({ format: 'xlsx', rows: 1 });
    expect((await get('savanes', '/api/v1/complaints/export.csv?status=lost')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/complaints/export.csv' })).statusCode).toBe(401);
  });

  describe('a long list', () => {
    let bulk: TestUnit;
    const N = 1200;

    beforeAll(async () => {
      bulk = await makeUnit(t.db, tree.a.canton, 'village');
      const suffix = uniq().toUpperCase();
      // Seven distinct instants for 1,200 cases: page boundaries fall inside runs of equal received_at,
      // where only the id keeps the keyset order total.
      await t.db.query(
        `insert into complaints (id, tracking_code, reference, type_code, category_code, channel_code, sensitive,
                                 status, description, village_id, area_path, anonymous, handling_level,
                                 handling_unit_id, received_at)
         select gen_random_uuid(), 'BK' || $4 || lpad(g::text, 5, '0'), 'BULK-' || $4 || '-' || g, 'complaint',
                'works', 'hotline', false, 'received', 'Cas en masse ' || g, $1, $2, true, 'region', $3,
                timestamptz '2025-01-01 08:00:00+00' + make_interval(mins => g % 7)
           from generate_series(1, ${N}) g`,
        [bulk.id, bulk.path, tree.a.region.id, suffix],
      );
    });

    // Page boundaries are rows.test.ts's: here, one export of the whole run through the API.
    it('exports every row exactly once, in either order', async () => {
      const res = await get('operator', `/api/v1/complaints/export.csv?area=${bulk.id}`);
      const rows = csvRows(res.body).slice(1);
      expect(rows).toHaveLength(N);
      expect(new Set(rows.map((r) => r[0])).size).toBe(N);
      const asc = csvRows(
        (await get('operator', `/api/v1/complaints/export.csv?area=${bulk.id}&sort=received_asc`)).body,
      );
      expect(asc.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r[0]).reverse());
    });

    it('exports XLSX that exceljs opens, with a header, real dates and every row', async () => {
      const res = await get('operator', `/api/v1/complaints/export.xlsx?area=${bulk.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
      expect(sheet.actualRowCount).toBe(N + 1);
      expect(sheet.getRow(2).getCell(3).value).toBeInstanceOf(Date);
      expect(sheet.getRow(2).getCell(13).value).toBe(0);
    });
  });
});
