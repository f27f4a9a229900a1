import { randomBytes } from 'node:crypto';
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
} from '../../test/harness.js';

const HEADERS = [
  'Région',
  'Préfecture',
  'Commune',
  'Canton',
  'Village',
  'Frontalier',
  'Rural',
  'Latitude',
  'Longitude',
  'Code',
];

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;
let tricky: TestUnit;
let formula: TestUnit;
let shortRegion: TestUnit;
let longRegion: TestUnit;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
  // Names a CSV writer must quote, accents, a point, flags; and two regions whose names share a prefix, so that
  // a careless sort would put a region's children after another region.
  tricky = await makeUnit(t.db, tree.a.canton, 'village', {
    name: 'Kéran « Bas », l’"ancien"; quartier',
    latitude: 9.987654321,
    longitude: -0.5,
  });
  await t.db.query(
    "update geo_units set border = true, rural = false, alt_names = '{Kerang}' where id = $1",
    [tricky.id],
  );
  // A name a spreadsheet would run as a formula (CSV injection).
  formula = await makeUnit(t.db, tree.b.canton, 'village', { name: '=1+2' });
  shortRegion = await makeUnit(t.db, tree.country, 'region', { name: 'Oti' });
  await makeUnit(t.db, shortRegion, 'prefecture', { name: 'Zz Mandouri' });
  longRegion = await makeUnit(t.db, tree.country, 'region', { name: 'Oti Sud' });
  await makeUnit(t.db, longRegion, 'prefecture', { name: 'Aa Mango' });
});
afterAll(() => t.close());

const exportOf = (query: string, who: Session | null = admin) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/geo/export?${query}`,
    headers: who ? { cookie: who.cookie } : {},
  });

async function csvRows(query: string): Promise<string[][]> {
  const res = await exportOf(`format=csv&${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toBe('attachment; filename="unites-geographiques.csv"');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(res.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
}

async function xlsxRows(query: string): Promise<string[][]> {
  const res = await exportOf(`format=xlsx&${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push(HEADERS.map((_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

function multipart(filename: string, content: Buffer) {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function reimport(filename: string, content: Buffer) {
  const file = multipart(filename, content);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/geo/import?dryRun=false',
    headers: { ...admin.headers, 'content-type': file.contentType },
    payload: file.payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from geo_units'))[0]!.n;

describe('GET /api/v1/geo/export', () => {
  it('writes the import columns and one row per unit below the country, ancestors named', async () => {
    const [headers, ...rows] = await csvRows('');
    expect(headers).toEqual(HEADERS);
    expect(rows).toHaveLength((await count()) - 1);
    const village = tree.b.villages[2]!;
    expect(rows).toContainEqual([
      tree.b.region.name,
      tree.b.prefecture.name,
      tree.b.commune.name,
      tree.b.canton.name,
      village.name,
      'non',
      '',
      '',
      '',
      village.code,
    ]);
    expect(rows).toContainEqual([tree.a.region.name, '', '', '', '', 'non', '', '', '', tree.a.region.code]);
    expect(rows).toContainEqual([
      tree.a.region.name,
      tree.a.prefecture.name,
      tree.a.commune.name,
      tree.a.canton.name,
      tricky.name,
      'oui',
      'non',
      '9.987654321',
      '-0.5',
      tricky.code,
    ]);
  });

  it('writes a name starting with = as text (apostrophe in CSV, a text cell in XLSX)', async () => {
    const csv = (await csvRows('')).find((r) => r[9] === formula.code)!;
    expect(csv[4]).toBe("'=1+2");
    const res = await exportOf('format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    let cell: ExcelJS.Cell | undefined;
    workbook.worksheets[0]!.eachRow((row) => {
      if (row.getCell(10).value === formula.code) cell = row.getCell(5);
    });
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('=1+2');
  });

  it('lists parents before their children, region by region', async () => {
    const [, ...rows] = await csvRows('');
    const seen = new Set<string>();
    for (const row of rows) {
      const depth = row.slice(0, 5).findLastIndex((n) => n !== '');
      const parentKey = row.slice(0, depth).join('/');
      if (depth > 0) expect(seen, `parent of ${row.join('/')}`).toContain(parentKey);
      seen.add(row.slice(0, depth + 1).join('/'));
    }
    const regions = rows.map((r) => r[0]);
    const firstOfLong = regions.indexOf('Oti Sud');
    expect(regions.lastIndexOf('Oti')).toBeLessThan(firstOfLong);
  });

  it('exports a subtree with `within`, its ancestors’ names still filled', async () => {
    const [, ...rows] = await csvRows(`within=${tree.a.commune.id}`);
    expect(rows.map((r) => r[9]).sort()).toEqual(
      [tree.a.commune, tree.a.canton, ...tree.a.villages, tricky].map((u) => u.code).sort(),
    );
    expect(rows.every((r) => r[0] === tree.a.region.name && r[1] === tree.a.prefecture.name)).toBe(true);
    const missing = await exportOf('within=00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('needs a session, and refuses an unknown format', async () => {
    expect((await exportOf('', null)).statusCode).toBe(401);
    const pdf = await exportOf('format=pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().code).toBe('validation_error');
  });

  it('round-trips through CSV: re-importing the export changes nothing', async () => {
    const before = await count();
    const res = await exportOf('format=csv');
    const report = await reimport('export.csv', res.rawPayload);
    expect(report).toEqual({
      dryRun: false,
      applied: true,
      created: 0,
      updated: 0,
      unchanged: before - 1,
      rejected: [],
    });
    expect(await count()).toBe(before);
  });

  it('round-trips through XLSX the same way, with the same content as the CSV', async () => {
    // The same cells, but for the CSV's guard against formulas.
    const unguard = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')));
    expect(await xlsxRows('')).toEqual(unguard(await csvRows('')));
    const before = await count();
    const res = await exportOf('format=xlsx');
    const report = await reimport('export.xlsx', res.rawPayload);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: before - 1, rejected: [] });
    const [row] = await t.db.query(
      'select border, rural, latitude, longitude, alt_names from geo_units where id = $1',
      [tricky.id],
    );
    expect(row).toEqual({
      border: true,
      rural: false,
      latitude: 9.987654321,
      longitude: -0.5,
      alt_names: ['Kerang'],
    });
  });
});
