import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';

/**
 * The register import recognises its file by content, like the geography import: an executable or any binary
 * named `.csv` is refused with 415 instead of going through the CSV parser ("every row rejected").
 */
let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.a.region])).username);
});
afterAll(() => t.close());

function upload(filename: string, content: Buffer, type: string, language = 'fr') {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints/import?dryRun=true',
    headers: {
      ...officer.headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': language,
    },
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/** The start of a Windows executable: "MZ", a DOS stub, NULs. */
const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), randomBytes(512)]);

describe('complaint register import: content sniffing', () => {
  it('refuses an .exe with 415 not_a_spreadsheet and a clear message in French and English', async () => {
    const fr = await upload('registre.exe', exe, 'application/x-msdownload');
    expect(fr.statusCode).toBe(415);
    expect(fr.json()).toMatchObject({
      code: 'not_a_spreadsheet',
      message: expect.stringContaining('ni un tableau CSV (texte) ni un classeur Excel (.xlsx)'),
    });
    const en = await upload('registre.exe', exe, 'application/x-msdownload', 'en');
    expect(en.statusCode).toBe(415);
    expect(en.json().message).toContain('neither a CSV table (text) nor an Excel workbook (.xlsx)');
  });

  it('refuses a binary named .csv (or .txt) instead of answering "every row rejected"', async () => {
    for (const name of ['registre.csv', 'registre.txt']) {
      const res = await upload(name, exe, 'text/csv');
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code, name).toBe('not_a_spreadsheet');
    }
  });

  it('still reads a CSV register named .csv', async () => {
    const csv = Buffer.from('Date de réception,Type,Catégorie\r\n');
    const res = await upload('registre.csv', csv, 'text/csv');
    expect(res.statusCode).not.toBe(415);
  });
});
