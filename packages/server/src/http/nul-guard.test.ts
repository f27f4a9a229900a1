import { randomBytes, randomUUID } from 'node:crypto';
import { UPLOADS_PATH } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../test/harness.js';
import { createPayload, mutation, push } from '../test/sync-push-kit.js';
import { stripNul } from './nul-guard.js';

// PostgreSQL refuses U+0000 in text and jsonb: each path below answered 500 before the guard.
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officer: Session;
let facilitator: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
  facilitator = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
});
afterAll(() => t.close());

const description = 'Le forage\u0000 du village ne fonctionne plus depuis deux semaines.';
const clean = 'Le forage du village ne fonctionne plus depuis deux semaines.';

const storedDescription = async (id: string) =>
  (await t.db.query<{ d: string }>('select description as d from complaints where id = $1', [id]))[0]?.d;

function multipart(filename: string, content: string) {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    'Content-Type: text/csv\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('NUL characters in client input', () => {
  it('stripNul cleans strings, keys and nested values, and leaves other values alone', () => {
    const buffer = Buffer.from('a\u0000b');
    expect(stripNul({ 'k\u0000': ['x\u0000y', { z: '\u0000' }], n: 1, b: buffer })).toEqual({
      k: ['xy', { z: '' }],
      n: 1,
      b: buffer,
    });
  });

  it('a JSON body (staff intake) is stored without its NUL characters', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: officer.headers,
      payload: {
        type: 'complaint',
        category: 'works',
        channel: 'hotline',
        description,
        villageId: tree.a.villages[0]!.id,
        complainant: { anonymous: false, name: 'Kodjo\u0000 Abalo', confidential: false },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await storedDescription(res.json().id)).toBe(clean);
    expect(res.json().complainant.name).toBe('Kodjo Abalo');
  });

  it('a query string with NUL is searched without it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/complaints?q=forage%00',
      headers: { cookie: officer.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a sync push carrying NUL applies, cleaned', async () => {
    const payload = createPayload(tree.a.villages[0]!.id, { description });
    const [result] = await push(t, facilitator, [mutation('complaint.create', payload)]);
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'applied' });
    expect(await storedDescription(payload.id)).toBe(clean);
  });

  it('a register import with NUL in a cell and in the file name imports the row, cleaned', async () => {
    const text = `Import ${randomUUID()}: le forage\u0000 est en panne depuis un mois`;
    const csv = [
      'Date de réception,Type,Catégorie,Canal,Description,Village,Anonyme',
      `12/03/2024,Plainte,works,"En personne (animateur, membre de comité)","${text}",${tree.a.villages[0]!.code},oui`,
    ].join('\r\n');
    const file = multipart('registre\u0000.csv', csv);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/import?dryRun=false',
      headers: { ...officer.headers, 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, rejected: [] });
    const rows = await t.db.query('select 1 from complaints where description = $1', [
      text.replace('\u0000', ''),
    ]);
    expect(rows).toHaveLength(1);
  });

  it('a resumable upload whose metadata names a file with NUL is created', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const res = await t.app.inject({
      method: 'POST',
      url: UPLOADS_PATH,
      headers: {
        ...facilitator.headers,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `filename ${b64('photo\u0000.png')},filetype ${b64('image/png\u0000')}`,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
