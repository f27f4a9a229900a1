import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUnit,
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

function multipart(filename: string, content: Buffer | string, type = 'text/csv') {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const csvOf = (rows: string[][]) =>
  rows
    .map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
    .join('\n');
const csvFile = (rows: string[][], headers = HEADERS) => multipart('unites.csv', csvOf([headers, ...rows]));

const upload = (query: string, file: { payload: Buffer; contentType: string }, who: Session = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/geo/import?${query}`,
    headers: { ...who.headers, 'content-type': file.contentType, 'accept-language': 'en' },
    payload: file.payload,
  });

/** The names of the existing branch `a` down to its canton, then a village and its attributes. */
const inCantonA = (village: string, attributes: string[] = ['', '', '', '', '']) => [
  tree.a.region.name,
  tree.a.prefecture.name,
  tree.a.commune.name,
  tree.a.canton.name,
  village,
  ...attributes,
];

const unit = async (id: string) =>
  (
    await t.db.query<{
      name: string;
      code: string;
      border: boolean;
      latitude: number | null;
      rural: boolean | null;
    }>('select name, code, border, latitude, rural from geo_units where id = $1', [id])
  )[0];

describe('POST /api/v1/geo/import: matching existing units', () => {
  it('leaves everything unchanged when the same file is imported again, and updates what changed', async () => {
    const village = uniq('Sirka ');
    const rows = [
      inCantonA(village, ['oui', 'oui', '9,55', '1,19', uniq('V-')]),
      inCantonA(uniq('Tchitchira ')),
    ];
    const first = await upload('dryRun=false', csvFile(rows));
    expect(first.json()).toMatchObject({ applied: true, created: 2, updated: 0, unchanged: 0, rejected: [] });
    const again = await upload('dryRun=false', csvFile(rows));
    expect(again.json()).toEqual({
      dryRun: false,
      applied: true,
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: [],
    });
    rows[0]![7] = '9,56';
    const changed = await upload('dryRun=false', csvFile(rows));
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('matches names ignoring accents and case, and keeps the unit’s own spelling', async () => {
    const suffix = uniq();
    const keran = await makeUnit(t.db, tree.a.canton, 'village', { name: `Kéran ${suffix}` });
    const row = [
      tree.a.region.name.toUpperCase(),
      tree.a.prefecture.name,
      tree.a.commune.name,
      tree.a.canton.name,
      `KERAN ${suffix}`,
      'non',
      '',
      '',
      '',
      '',
    ];
    const res = await upload('dryRun=false', csvFile([row]));
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: [] });
    expect((await unit(keran.id))?.name).toBe(`Kéran ${suffix}`);
  });

  it('renames a unit matched by its code', async () => {
    const village = await makeUnit(t.db, tree.a.canton, 'village');
    const res = await upload(
      'dryRun=false',
      csvFile([inCantonA(`Kpéwa ${uniq()}`, ['', '', '', '', village.code])]),
    );
    expect(res.json()).toMatchObject({ created: 0, updated: 1, rejected: [] });
    expect((await unit(village.id))?.name).toMatch(/^Kpéwa /);
  });

  it('refuses a rename by code onto a sibling’s name, and a row without any place', async () => {
    const first = await makeUnit(t.db, tree.a.canton, 'village');
    const second = await makeUnit(t.db, tree.a.canton, 'village');
    const rows = [
      inCantonA(second.name, ['', '', '', '', first.code]),
      ['', '', '', '', '', 'oui', '', '', '', ''],
    ];
    const res = await upload('dryRun=false&onError=skip', csvFile(rows));
    expect(res.json().rejected).toEqual([
      {
        line: 2,
        column: 'Village',
        code: 'name_taken',
        reason: `Another unit is already called "${second.name}" at the same place`,
      },
      { line: 3, column: null, code: 'no_place', reason: 'No place name on the row' },
    ]);
    expect((await unit(first.id))?.name).toBe(first.name);
  });

  it('leaves the attributes of columns absent from the file alone', async () => {
    const village = await makeUnit(t.db, tree.a.canton, 'village', { latitude: 9.5, longitude: 1.1 });
    await t.db.query('update geo_units set border = true, rural = true where id = $1', [village.id]);
    const headers = HEADERS.filter((h) => !['Frontalier', 'Rural', 'Latitude', 'Longitude'].includes(h));
    const row = inCantonA(village.name).slice(0, 5);
    const res = await upload('dryRun=false', csvFile([[...row, village.code]], headers));
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: [] });
    expect(await unit(village.id)).toMatchObject({ border: true, rural: true, latitude: 9.5 });
    // Latitude without its Longitude column is half a point.
    const half = await upload('', csvFile([[...row, '9.6']], [...HEADERS.slice(0, 5), 'Latitude']));
    expect(half.json().rejected).toMatchObject([{ line: 2, column: 'Longitude', code: 'point_incomplete' }]);
  });

  it('rejects a code that belongs to a unit elsewhere in the tree', async () => {
    const elsewhere = tree.b.villages[0]!;
    const res = await upload('', csvFile([inCantonA(uniq('Pya '), ['', '', '', '', elsewhere.code])]));
    expect(res.json().rejected).toEqual([
      {
        line: 2,
        column: 'Code',
        code: 'code_elsewhere',
        reason: `Code "${elsewhere.code}" already belongs to "${elsewhere.name}", elsewhere in the tree`,
      },
    ]);
  });

  it('rejects the second of two rows naming the same place', async () => {
    const name = uniq('Landa ');
    const rows = [inCantonA(name), inCantonA(uniq('Other ')), inCantonA(name.toUpperCase())];
    const res = await upload('', csvFile(rows));
    expect(res.json()).toMatchObject({ created: 2 });
    expect(res.json().rejected).toEqual([
      { line: 4, column: 'Village', code: 'duplicate_row', reason: 'Same place as on line 2' },
    ]);
  });

  it('keeps a regional admin to their own region', async () => {
    const regional = await login(t, (await makeUser(t, ['admin'], [tree.a.region])).username);
    const rows = [
      inCantonA(uniq('Mine ')),
      [tree.b.region.name, tree.b.prefecture.name, tree.b.commune.name, tree.b.canton.name, uniq('Theirs ')],
      [uniq('New region '), '', '', '', ''],
      [
        tree.b.region.name,
        tree.b.prefecture.name,
        tree.b.commune.name,
        tree.b.canton.name,
        tree.b.villages[0]!.name,
        'oui',
      ],
    ].map((r) => [...r, ...Array(HEADERS.length - r.length).fill('')]);
    const res = await upload('', csvFile(rows), regional);
    expect(res.json()).toMatchObject({ created: 1 });
    expect(
      res
        .json()
        .rejected.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [3, 'Village', 'outside_jurisdiction'],
      [4, 'Région', 'outside_jurisdiction'],
      [5, 'Village', 'outside_jurisdiction'],
    ]);
  });
});
