import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { duePeriods, generateDueReports } from './runs.js';

/** Map data per area unit, and the periodic reports generated on schedule. */

let t: TestApp;
let dataDir: string;
let tree: Awaited<ReturnType<typeof makeTree>>;
const who: Record<string, Session> = {};
const trackingCodes: string[] = [];

const get = (as: string, url: string) => t.app.inject({ method: 'GET', url, headers: who[as]!.headers });

async function fileCase(village: string, category = 'works') {
  const filed = await fileComplaint(t, who.officer!, village, {
    category,
    channel: 'hotline',
    description: 'La route du marché est impraticable depuis les pluies.',
  });
  trackingCodes.push(filed.trackingCode);
  return filed.id;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'coso-reports-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  tree = await makeTree(t.db);
  const users = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    kara: await makeUser(t, ['focal_point'], [tree.a.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
  };
  for (const [k, u] of Object.entries(users)) who[k] = await login(t, u.username);
  // Villages of region a at known points; the units above them have none.
  const points = [
    [9.5, 1.1],
    [9.7, 1.3],
    [9.9, 1.5],
  ];
  for (const [i, v] of tree.a.villages.entries())
    await t.db.query('update geo_units set latitude = $2, longitude = $3 where id = $1', [
      v.id,
      ...points[i]!,
    ]);
  await t.db.query('update geo_units set latitude = 10.6, longitude = 0.2 where id = $1', [
    tree.b.commune.id,
  ]);
  for (const v of tree.a.villages) await fileCase(v.id);
  for (let i = 0; i < 6; i++) await fileCase(tree.b.villages[i % 3]!.id);
  await fileCase(tree.a.villages[0]!.id, 'gbv_sea');
  // One of region b's cases is overdue: its acknowledgment was due yesterday.
  await t.db.query(
    `update complaints set next_due_date = current_date - 1
      where id = (select id from complaints where area_path like $1 order by id limit 1)`,
    [`${tree.b.region.path}%`],
  );
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Item = { id: string; total: number | null; open: number | null; overdue: number | null } & Record<
  string,
  unknown
>;
const byId = (items: Item[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('map data per area', () => {
  it('counts cases per commune with a centroid, sensitive cases apart', async () => {
    const res = await get('officer', '/api/v1/reports/complaints/by-area?level=commune');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ level: 'commune', sensitiveIncluded: false, sensitiveTotal: 1 });
    const items = byId(body.items);
    expect(Object.keys(items).sort()).toEqual([tree.a.commune.id, tree.b.commune.id].sort());
    expect(items[tree.a.commune.id]).toMatchObject({ total: 3, open: 3, overdue: 0, suppressed: false });
    // No point of its own: the mean of its villages' points.
    expect(items[tree.a.commune.id]!.latitude).toBeCloseTo(9.7);
    expect(items[tree.a.commune.id]!.longitude).toBeCloseTo(1.3);
    expect(items[tree.b.commune.id]).toMatchObject({ total: 6, overdue: 1, latitude: 10.6, longitude: 0.2 });
    // Aggregates only: nothing identifies a case.
    for (const code of trackingCodes) expect(res.body).not.toContain(code);
  });

  it('keeps to the jurisdiction and the chosen area, and counts sensitive cases for the focal point', async () => {
    const kara = (await get('kara', '/api/v1/reports/complaints/by-area?level=canton')).json();
    expect(kara.items.map((i: Item) => [i.id, i.total])).toEqual([[tree.a.canton.id, 3]]);
    const areaB = await get(
      'officer',
      `/api/v1/reports/complaints/by-area?level=canton&area=${tree.b.region.id}`,
    );
    expect(areaB.json().items.map((i: Item) => i.id)).toEqual([tree.b.canton.id]);
    const vbg = byId((await get('vbg', '/api/v1/reports/complaints/by-area?level=commune')).json().items);
    expect(vbg[tree.a.commune.id]!.total).toBe(4);
  });

  it('hides small counts and every sensitive case in the public version', async () => {
    for (const as of ['officer', 'vbg']) {
      const body = (await get(as, '/api/v1/reports/complaints/by-area?level=commune&version=public')).json();
      expect(body).toMatchObject({ sensitiveIncluded: false, sensitiveTotal: null, smallCountThreshold: 5 });
      const items = byId(body.items);
      expect(items[tree.a.commune.id]).toMatchObject({
        total: null,
        open: null,
        overdue: null,
        suppressed: true,
      });
      expect(items[tree.b.commune.id]).toMatchObject({ total: 6, open: 6, overdue: null, suppressed: false });
    }
    expect((await get('officer', '/api/v1/reports/complaints/by-area?level=village')).statusCode).toBe(400);
  });
});

describe('scheduled periodic reports', () => {
  it('knows the month and quarter that have just ended', () => {
    expect(duePeriods('2026-01-01')).toEqual(['2025-12', '2025-Q4']);
    expect(duePeriods('2026-04-01')).toEqual(['2026-03', '2026-Q1']);
    expect(duePeriods('2026-03-31')).toEqual(['2026-02', '2025-Q4']);
  });

  it('generates each report once, national, and lists internal ones to national staff only', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await generateDueReports(t.db, dataDir, today)).toBe(8);
    expect(await generateDueReports(t.db, dataDir, today)).toBe(0);

    const national = (await get('officer', '/api/v1/reports/runs')).json().items;
    expect(national).toHaveLength(8);
    const [month, quarter] = duePeriods(today);
    expect(new Set(national.map((r: { period: string }) => r.period))).toEqual(new Set([month, quarter]));
    const kara = (await get('kara', '/api/v1/reports/runs')).json().items as Array<Record<string, string>>;
    expect(kara).toHaveLength(4);
    expect(kara.every((r) => r.version === 'public')).toBe(true);

    const pdf = await get('kara', kara.find((r) => r.format === 'pdf')!.downloadUrl!);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const internal = national.find(
      (r: Record<string, string>) => r.version === 'internal' && r.format === 'xlsx',
    );
    expect((await get('kara', internal.downloadUrl)).statusCode).toBe(404);
    const xlsx = await get('officer', internal.downloadUrl);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Synthèse', 'Par catégorie']));
  });
});
