import { randomBytes } from 'node:crypto';
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
  uniq,
} from '../../../../test/harness.js';
import { findIdentity } from '../repo.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officer: Session;
let focal: Session;
let focalId: string;
let keran: { code: string; name: string; id: string };
const keranSuffix = uniq();

const HEADERS = [
  'Date de réception',
  'Type',
  'Catégorie',
  'Canal',
  'Description',
  "Date de l'incident",
  'Village',
  'Anonyme',
  'Nom',
  'Téléphone',
];

beforeAll(async () => {
  t = await createTestApp();
  // Registered before the first inject: buildApp does not call ready(), inject() does it lazily.
  tree = await makeTree(t.db);
  keran = await makeUnit(t.db, tree.a.canton, 'village', { name: `Kéran-Dé ${keranSuffix}` });
  const officerUser = await makeUser(t, ['grm_officer'], [tree.a.region]);
  const focalUser = await makeUser(t, ['focal_point'], [tree.a.region]);
  focalId = focalUser.id;
  officer = await login(t, officerUser.username);
  focal = await login(t, focalUser.username);
});
afterAll(() => t.close());

const identityOf = (id: string) => findIdentity(t.db, t.services.vault, id);

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

const upload = (query: string, file: { payload: Buffer; contentType: string }, who = officer, lang = 'fr') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/import?${query}`,
    headers: { ...who.headers, 'content-type': file.contentType, 'accept-language': lang },
    payload: file.payload,
  });

const count = async (sql = 'select count(*)::int as n from complaints') =>
  (await t.db.query<{ n: number }>(sql))[0]!.n;

const row = (over: Partial<Record<(typeof HEADERS)[number], string>> = {}) => {
  const values: Record<string, string> = {
    'Date de réception': '12/03/2024',
    Type: 'Plainte',
    Catégorie: 'works',
    Canal: 'En personne (animateur, membre de comité)',
    Description: `Le forage est en panne depuis un mois ${uniq()}`,
    "Date de l'incident": '2024-02-20',
    Village: tree.a.villages[0]!.code,
    Anonyme: 'non',
    Nom: 'Afi Mensah',
    Téléphone: '90 11 22 33',
    ...over,
  };
  return HEADERS.map((h) => values[h]!);
};

describe('complaint register import', () => {
  it('dry run validates every row, counts them, and writes nothing (not even a reference number)', async () => {
    const before = await count();
    const seq = await count('select last_value::int as n from complaint_reference_seq');
    const file = multipart(
      'registre.csv',
      csvOf([HEADERS, row(), row({ Anonyme: '', Nom: '', Téléphone: '' })]),
    );
    const res = await upload('dryRun=true', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, applied: false, created: 2, rejected: [] });
    expect(res.json().notes[0]).toContain('reçue');
    expect(await count()).toBe(before);
    expect(await count('select last_value::int as n from complaint_reference_seq')).toBe(seq);
  });

  const badFile = () =>
    multipart(
      'registre.csv',
      csvOf([
        [...HEADERS, 'Statut'],
        [...row({ Description: 'Ligne valide : clôture du marché détruite' }), 'Clôturée'],
        [...row({ Catégorie: 'Inondations' }), ''],
        [...row({ Village: 'Nulle-Part-sur-Oti' }), ''],
        [...row({ "Date de l'incident": '2999-01-01' }), ''],
        [...row({ Village: tree.b.villages[0]!.code }), ''],
        [...row({ 'Date de réception': '01/01/2999' }), ''],
        [...row({ "Date de l'incident": '2024-04-01', Téléphone: '123' }), ''],
      ]),
    );

  it('reports each bad row with its spreadsheet line and column', async () => {
    const res = await upload('dryRun=true', badFile());
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.created).toBe(1);
    expect(report.ignoredColumns).toEqual(['Statut']);
    expect(
      report.rejected.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [3, 'Catégorie', 'unknown_value'],
      [4, 'Village', 'unknown_village'],
      [5, "Date de l'incident", 'date_in_future'],
      [6, 'Village', 'outside_jurisdiction'],
      [7, 'Date de réception', 'date_in_future'],
      [8, "Date de l'incident", 'incident_after_receipt'],
      [8, 'Téléphone', 'invalid_phone'],
    ]);
    expect(report.rejected[0].reason).toBe(
      '« Inondations » ne correspond à aucun code ni libellé de la liste des catégories',
    );
  });

  it('onError=stop answers 422 with the report and writes nothing', async () => {
    const before = await count();
    const res = await upload('dryRun=false&onError=stop', badFile(), officer, 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_rejected', details: { applied: false, created: 0 } });
    expect(res.json().details.rejected[1].reason).toBe(
      'Village "Nulle-Part-sur-Oti" not found (neither by code nor by name)',
    );
    expect(await count()).toBe(before);
  });

  it('onError=skip creates the good rows through staff intake: received, routed, event and audit', async () => {
    const res = await upload('dryRun=false&onError=skip', badFile());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, created: 1 });
    expect(res.json().rejected).toHaveLength(7);
    const [c] = await t.db.query<Record<string, unknown>>(
      `select c.id, c.status, c.handling_level, c.assignee_id, c.received_at, e.payload
         from complaints c join complaint_events e on e.complaint_id = c.id and e.kind = 'created'
        where c.description = 'Ligne valide : clôture du marché détruite'`,
    );
    expect(c).toMatchObject({
      status: 'received',
      handling_level: 'region',
      assignee_id: focalId,
      payload: expect.objectContaining({ source: 'import' }),
    });
    // Identities are sealed at rest: read through the vault.
    expect(await identityOf(c!.id as string)).toMatchObject({ phone: '+22890112233' });
    expect((c!.received_at as Date).toISOString()).toBe('2024-03-12T00:00:00.000Z');
    const audit = await t.db.query(`select changes from audit_log where entity = 'complaint_import'`);
    expect(audit).toEqual([{ changes: { filename: 'registre.csv', created: 1, rejectedRows: 6 } }]);
    const again = await upload('dryRun=true', badFile());
    expect(again.json().rejected[0]).toMatchObject({ line: 2, code: 'already_imported' });
  });

  it('reads semicolon CSV in Windows-1252 and finds villages by name without accents', async () => {
    const lines = [
      HEADERS,
      row({ Village: `KERAN DE ${keranSuffix.toUpperCase()}`, Canal: 'Réunion communautaire' }),
      row({
        Village: keran.code.toLowerCase(),
        Catégorie: 'Paiements et gestion financière',
        Nom: 'Kodjo Éyadéma',
      }),
    ];
    const file = multipart('registre.csv', Buffer.from(csvOf(lines, ';'), 'latin1'));
    const res = await upload('dryRun=false', file);
    expect(res.json()).toMatchObject({ applied: true, created: 2, rejected: [] });
    const rows = await t.db.query<{ id: string; channel_code: string; category_code: string; name?: string }>(
      `select c.id, c.channel_code, c.category_code from complaints c
         join complainant_identities i on i.complaint_id = c.id where c.village_id = $1`,
      [keran.id],
    );
    for (const r of rows) r.name = (await identityOf(r.id))?.name ?? undefined;
    expect(rows.map((r) => r.channel_code).sort()).toEqual(['community_meeting', 'in_person']);
    expect(rows.map((r) => r.category_code).sort()).toEqual(['payments', 'works']);
    expect(rows.map((r) => r.name)).toContain('Kodjo Éyadéma');
  });

  it('reads XLSX with real date cells and numeric phone cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Registre');
    sheet.addRow(HEADERS);
    const description = `Paiement du mois de mai non reçu ${uniq()}`;
    sheet.addRow([
      new Date(Date.UTC(2024, 4, 6)),
      'complaint',
      'payments',
      'hotline',
      description,
      null,
      tree.a.villages[1]!.name,
      'non',
      'Ama Kossi',
      91234567,
    ]);
    const file = multipart(
      'registre.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const res = await upload('dryRun=false&onError=stop', file);
    expect(res.json()).toMatchObject({ applied: true, created: 1, rejected: [] });
    const [c] = await t.db.query<{ id: string; received_at: Date; incident_date: string | null }>(
      `select c.id, c.received_at, c.incident_date from complaints c
         join complainant_identities i on i.complaint_id = c.id where c.description = $1`,
      [description],
    );
    expect(c).toMatchObject({ incident_date: null });
    expect(await identityOf(c!.id)).toMatchObject({ phone: '+22891234567' });
    expect(c!.received_at.toISOString()).toBe('2024-05-06T00:00:00.000Z');
  });

  it('asks for the canton when a village name is ambiguous, and accepts it with one', async () => {
    const name = `Tchamba ${uniq()}`;
    const canton2 = await makeUnit(t.db, tree.a.commune, 'canton');
    await makeUnit(t.db, tree.a.canton, 'village', { name });
    await makeUnit(t.db, canton2, 'village', { name });
    const ambiguous = await upload(
      'dryRun=true',
      multipart('r.csv', csvOf([HEADERS, row({ Village: name })])),
      officer,
      'en',
    );
    expect(ambiguous.json().rejected[0]).toMatchObject({
      line: 2,
      column: 'Village',
      code: 'ambiguous_village',
    });
    expect(ambiguous.json().rejected[0].reason).toMatch(/^ambiguous village: /);
    const withCanton = csvOf([
      [...HEADERS, 'Canton'],
      [...row({ Village: name }), canton2.name],
    ]);
    const res = await upload('dryRun=true', multipart('r.csv', withCanton));
    expect(res.json()).toMatchObject({ created: 1, rejected: [] });
  });

  it('refuses a file without its required columns, and callers without the import permission', async () => {
    const res = await upload(
      'dryRun=true',
      multipart(
        'r.csv',
        csvOf([
          ['Nom', 'Village'],
          ['Afi', 'X'],
        ]),
      ),
    );
    expect(res.json().rejected.map((r: { column: string }) => r.column)).toEqual([
      'Date de réception',
      'Type',
      'Catégorie',
      'Canal',
      'Description',
    ]);
    const huge = csvOf([HEADERS, ...Array.from({ length: 2001 }, () => row())]);
    const tooBig = await upload('dryRun=false', multipart('r.csv', huge));
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().details.rejected).toMatchObject([{ line: 1, code: 'too_many_rows' }]);
    const denied = await upload('dryRun=true', multipart('r.csv', csvOf([HEADERS, row()])), focal);
    expect(denied.statusCode).toBe(403);
  });
});
