import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
  type TestUnit,
  uniq,
} from '../../test/harness.js';

const HEADERS = ['Région', 'Préfecture', 'Commune', 'Canton', 'Village'];
const ATTRIBUTES = ['Frontalier', 'Rural', 'Latitude', 'Longitude', 'Code'];

let t: TestApp;
let country: TestUnit;
let admin: Session;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  country = await makeUnit(t.db, null, 'country');
  const user = await makeUser(t, ['admin'], [country]);
  adminId = user.id;
  admin = await login(t, user.username);
});
afterAll(() => t.close());

function multipart(filename: string, content: Buffer | string, type = 'text/csv') {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const csvOf = (rows: string[][], sep = ',') =>
  rows
    .map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(sep))
    .join('\r\n');

/** The rows of a full chain region → village, one row per level; the village carries the attributes. */
function chain(region: string, village: string[] = ['oui', 'non', '9.85', '1.05', uniq('V-')]) {
  const names = [region, `Préf ${region}`, `Commune ${region}`, `Canton ${region}`, `Village ${region}`];
  return names.map((_, depth) => [
    ...names.map((n, i) => (i <= depth ? n : '')),
    ...(depth === 4 ? village : ['', '', '', '', '']),
  ]);
}

const upload = (query: string, file: { payload: Buffer; contentType: string }, lang = 'fr') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/geo/import?${query}`,
    headers: { ...admin.headers, 'content-type': file.contentType, 'accept-language': lang },
    payload: file.payload,
  });

const csvFile = (rows: string[][], sep = ',') =>
  multipart('unites.csv', csvOf([[...HEADERS, ...ATTRIBUTES], ...rows], sep));

const count = async (table = 'geo_units') =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

const unitNamed = async (name: string) =>
  (
    await t.db.query<{
      id: string;
      name: string;
      level: string;
      code: string;
      parent_id: string;
      border: boolean;
      rural: boolean | null;
      latitude: number | null;
      longitude: number | null;
    }>(
      'select id, name, level, code, parent_id, border, rural, latitude, longitude from geo_units where name = $1',
      [name],
    )
  )[0];

describe('POST /api/v1/geo/import (CSV)', () => {
  it('creates a region → village chain from a comma CSV and audits each unit', async () => {
    const region = uniq('Savanes ');
    const code = uniq('TG-SAV-');
    const rows = chain(region, ['oui', 'non', '10.85', '0.2', code]);
    const res = await upload('dryRun=false', csvFile(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      applied: true,
      created: 5,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    const village = await unitNamed(`Village ${region}`);
    expect(village).toMatchObject({
      level: 'village',
      code,
      border: true,
      rural: false,
      latitude: 10.85,
      longitude: 0.2,
    });
    const canton = await unitNamed(`Canton ${region}`);
    expect(canton).toMatchObject({ level: 'canton', border: false, rural: null, latitude: null });
    expect(village!.parent_id).toBe(canton!.id);
    expect((await unitNamed(region))!.parent_id).toBe(country.id);
    const audit = await t.db.query<{ action: string; actor_id: string; changes: { source: string } }>(
      "select action, actor_id, changes from audit_log where entity = 'geo_unit' and entity_id = $1",
      [village!.id],
    );
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actor_id: adminId })]);
    expect(audit[0]!.changes.source).toBe('import');
    const summary = await t.db.query(
      "select changes from audit_log where entity = 'geo_import' and actor_id = $1 order by id desc limit 1",
      [adminId],
    );
    expect(summary[0]).toEqual({ changes: { created: 5, updated: 0, rejected: 0 } });
    const again = await upload('dryRun=false', csvFile(rows));
    expect(again.json()).toEqual({
      dryRun: false,
      applied: true,
      created: 0,
      updated: 0,
      unchanged: 5,
      rejected: [],
    });
  });

  it('counts the units created for missing parents when one row names the whole chain', async () => {
    const region = uniq('Kara ');
    const res = await upload('dryRun=false', csvFile(chain(region).slice(4)));
    expect(res.json()).toMatchObject({ applied: true, created: 5, updated: 0, unchanged: 0, rejected: [] });
    expect((await unitNamed(`Commune ${region}`))?.level).toBe('commune');
  });

  it('reads a semicolon CSV saved as UTF-8 with a BOM, with decimal commas', async () => {
    const region = uniq('Centrale ');
    const rows = chain(region, ['non', 'oui', '8,98', '1,15', '']);
    const file = multipart('unites.csv', `\uFEFF${csvOf([[...HEADERS, ...ATTRIBUTES], ...rows], ';')}`);
    const res = await upload('dryRun=false', file);
    expect(res.json()).toMatchObject({ applied: true, created: 5, rejected: [] });
    expect(await unitNamed(`Village ${region}`)).toMatchObject({
      rural: true,
      latitude: 8.98,
      longitude: 1.15,
    });
  });

  it('reads a Windows-1252 CSV (Excel in French) with its accents', async () => {
    const suffix = uniq();
    const rows = [
      [`Kéran ${suffix}`, 'Kozah', 'Lama-Tessi', 'Défalé', 'Agbandè', 'oui', 'oui', '9,6', '1,2', ''],
    ];
    const text = csvOf([[...HEADERS, ...ATTRIBUTES], ...rows], ';');
    const res = await upload('dryRun=false', multipart('unites.csv', Buffer.from(text, 'latin1')));
    expect(res.json()).toMatchObject({ applied: true, created: 5, rejected: [] });
    expect(await unitNamed(`Kéran ${suffix}`)).toMatchObject({ level: 'region' });
    const village = await t.db.query<{ name: string }>(
      "select v.name from geo_units v join geo_units c on c.id = v.parent_id where c.name = 'Défalé'",
    );
    expect(village).toEqual([{ name: 'Agbandè' }]);
  });

  it('reports the same counts on a dry run (the default) and writes nothing', async () => {
    const rows = chain(uniq('Plateaux '));
    const units = await count();
    const audits = await count('audit_log');
    const res = await upload('', csvFile(rows));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      applied: false,
      created: 5,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    expect(await count()).toBe(units);
    expect(await count('audit_log')).toBe(audits);
    const real = await upload('dryRun=false', csvFile(rows));
    expect(real.json()).toMatchObject({ applied: true, created: 5 });
    expect(await count()).toBe(units + 5);
  });
});

describe('POST /api/v1/geo/import: rejected rows', () => {
  const badRows = (region: string) => {
    const rows = chain(region);
    rows[1]![7] = 'abc'; // line 3: Latitude of the prefecture
    rows[1]![8] = '1.0';
    return rows;
  };

  it('reports a bad cell with its spreadsheet line and column, in English when asked', async () => {
    const res = await upload('dryRun=true', csvFile(badRows(uniq('Maritime '))), 'en');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, applied: false, created: 5 });
    expect(res.json().rejected).toEqual([
      { line: 3, column: 'Latitude', code: 'invalid_number', reason: 'Invalid number "abc"' },
    ]);
    const rows = chain(uniq('Maritime '));
    rows[1]![5] = 'peut-être';
    const flag = await upload('', csvFile(rows), 'en');
    expect(flag.json().rejected).toEqual([
      {
        line: 3,
        column: 'Frontalier',
        code: 'invalid_flag',
        reason: 'Invalid value "peut-être": yes or no expected',
      },
    ]);
    const french = await upload('', csvFile(rows));
    expect(french.json().rejected[0].reason).toBe('Valeur « peut-être » invalide : oui ou non attendu');
  });

  it('reports other bad cells: range, half point, code format, level gap', async () => {
    const rows = chain(uniq('Oti '));
    rows[0]![7] = '95';
    rows[0]![8] = '1';
    rows[1]![7] = '9';
    rows[2]![9] = 'code avec espaces';
    rows[4]![2] = '';
    const res = await upload('', csvFile(rows), 'en');
    expect(
      res
        .json()
        .rejected.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [2, 'Latitude', 'out_of_range'],
      [3, 'Longitude', 'point_incomplete'],
      [4, 'Code', 'invalid_code'],
      [6, 'Commune', 'level_gap'],
    ]);
  });

  it('with onError=stop (the default) answers 422 import_rejected and writes nothing', async () => {
    const units = await count();
    const audits = await count('audit_log');
    const res = await upload('dryRun=false&onError=stop', csvFile(badRows(uniq('Stop '))), 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'import_rejected',
      message: 'The import has rejected rows; nothing was imported.',
      details: {
        dryRun: false,
        applied: false,
        rejected: [{ line: 3, column: 'Latitude', code: 'invalid_number' }],
      },
    });
    expect(await count()).toBe(units);
    expect(await count('audit_log')).toBe(audits);
    expect((await upload('dryRun=false', csvFile(badRows(uniq('Stop '))))).statusCode).toBe(422);
    expect(await count()).toBe(units);
  });

  it('with onError=skip writes the good rows and reports the bad ones', async () => {
    const region = uniq('Skip ');
    const units = await count();
    const res = await upload('dryRun=false&onError=skip', csvFile(badRows(region)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, applied: true, created: 5, updated: 0 });
    expect(res.json().rejected).toMatchObject([{ line: 3, column: 'Latitude' }]);
    // Line 4 onwards created the prefecture again as a bare parent, without the bad row's attributes.
    expect(await count()).toBe(units + 5);
    expect(await unitNamed(`Préf ${region}`)).toMatchObject({ latitude: null, longitude: null });
  });

  it('rejects the whole file at line 1 when a level column is missing', async () => {
    const headers = ['Région', 'Préfecture', 'Canton', 'Village', ...ATTRIBUTES];
    const file = multipart('unites.csv', csvOf([headers, ['R', 'P', 'C', 'V', '', '', '', '', '']]));
    const res = await upload('', file, 'en');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: false, created: 0 });
    expect(res.json().rejected).toEqual([
      { line: 1, column: 'Commune', code: 'missing_column', reason: 'Required column missing: Commune' },
    ]);
    const real = await upload('dryRun=false', file);
    expect(real.statusCode).toBe(422);
    expect(real.json().details.rejected).toMatchObject([{ line: 1, column: 'Commune' }]);
  });
});
