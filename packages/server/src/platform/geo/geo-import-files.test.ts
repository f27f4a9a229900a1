import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
  uniq,
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

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

function multipart(filename: string, content: Buffer | string, type = 'text/csv', field = 'file') {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const csvOf = (rows: string[][], sep = ',') =>
  rows
    .map((r) => r.map((c) => (/[",;\t\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(sep))
    .join('\r\n');

async function xlsxFile(rows: Array<Array<string | number>>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Unités');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return multipart(
    'unites.xlsx',
    buffer,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

const upload = (query: string, file: { payload: Buffer; contentType: string }, who: Session = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/geo/import?${query}`,
    headers: { ...who.headers, 'content-type': file.contentType, 'accept-language': 'en' },
    payload: file.payload,
  });

/** A row for a new village of canton b, with its attributes. */
const inCantonB = (village: string, ...attributes: Array<string | number>) => [
  tree.b.region.name,
  tree.b.prefecture.name,
  tree.b.commune.name,
  tree.b.canton.name,
  village,
  ...attributes,
  ...Array(5 - attributes.length).fill(''),
];

describe('POST /api/v1/geo/import: file formats', () => {
  it('reads an XLSX workbook like a CSV, numbers and all', async () => {
    const village = uniq('Xlsx ');
    const file = await xlsxFile([
      inCantonB(village, 'oui', 'non', 9.25, 0.75, uniq('X-')),
      inCantonB(uniq('Bad '), 'oui', '', 'abc', 1),
    ]);
    const dry = await upload('', file);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1 });
    expect(dry.json().rejected).toMatchObject([{ line: 3, column: 'Latitude', code: 'invalid_number' }]);
    const res = await upload('dryRun=false&onError=skip', file);
    expect(res.json()).toMatchObject({ applied: true, created: 1 });
    const [row] = await t.db.query(
      'select border, rural, latitude, longitude from geo_units where name = $1',
      [village],
    );
    expect(row).toEqual({ border: true, rural: false, latitude: 9.25, longitude: 0.75 });
  });

  it('reads Excel’s "Unicode text": UTF-16 with tabs', async () => {
    const village = uniq('Nano ');
    const text = csvOf([HEADERS, inCantonB(village, 'oui', 'oui', '10,1', '0,9')], '\t');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await upload('dryRun=false', multipart('unites.txt', utf16, 'text/plain'));
    expect(res.json()).toMatchObject({ applied: true, created: 1, rejected: [] });
    const [row] = await t.db.query('select latitude from geo_units where name = $1', [village]);
    expect(row).toEqual({ latitude: 10.1 });
  });

  it('counts lines as a spreadsheet does, across blank lines and multi-line cells', async () => {
    const region = uniq('Bassar ');
    const text = [
      csvOf([HEADERS]),
      `"${region}",,,,,,,,,"R-${uniq()}"`,
      '',
      `"${region}","Préf\nà la ligne",,,,,,,,`,
      `"${region}","Préf ${region}",,,,abc,,,,`,
    ].join('\r\n');
    const res = await upload('', multipart('unites.csv', text));
    expect(res.json().rejected).toEqual([
      expect.objectContaining({ line: 5, column: 'Frontalier', code: 'invalid_flag' }),
    ]);
  });

  it('answers 400 for a CSV that cannot be parsed', async () => {
    const res = await upload('', multipart('unites.csv', `${csvOf([HEADERS])}\r\n"Kara,unterminated`));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
  });

  it('answers 415 for another kind of file, 400 without a file, 403 for a non-admin', async () => {
    const pdf = await upload('', multipart('unites.pdf', '%PDF-1.4', 'application/pdf'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().code).toBe('not_a_spreadsheet');
    const unknown = await upload('', multipart('unites.dat', 'x', 'application/octet-stream'));
    expect(unknown.statusCode).toBe(415);
    const fakeXlsx = await upload('', multipart('unites.xlsx', 'Région,Village', 'application/octet-stream'));
    expect(fakeXlsx.statusCode).toBe(415);
    const otherField = await upload('', multipart('unites.csv', csvOf([HEADERS]), 'text/csv', 'upload'));
    expect(otherField.statusCode).toBe(400);
    expect(otherField.json().details).toEqual([{ path: 'file', message: 'required' }]);
    const notMultipart = await t.app.inject({
      method: 'POST',
      url: '/api/v1/geo/import',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: {},
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().code).toBe('bad_request');
    const facilitator = await login(t, (await makeUser(t, ['facilitator'], [tree.country])).username);
    const forbidden = await upload('', multipart('unites.csv', csvOf([HEADERS])), facilitator);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    const file = multipart('unites.csv', csvOf([HEADERS]));
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/geo/import',
      headers: { 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
