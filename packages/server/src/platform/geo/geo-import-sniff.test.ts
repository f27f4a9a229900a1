import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffSheet } from '../../lib/sheet-sniff.js';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';

/** The geography import recognises its file by content: anything but CSV text or an XLSX workbook is 415. */
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

function upload(filename: string, content: Buffer, type: string, language = 'fr') {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/geo/import',
    headers: {
      ...admin.headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': language,
    },
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/** A stored (uncompressed) ZIP archive with these entries; CRCs are left at 0, which no sniffer checks. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(name), data);
    centrals.push(central, Buffer.from(name));
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The start of a Windows executable: "MZ", a DOS stub, NULs. */
const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), randomBytes(512)]);
const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });

describe('geography import: content sniffing', () => {
  it('refuses an .exe with 415 not_a_spreadsheet and a clear message in French and English', async () => {
    const fr = await upload('setup.exe', exe, 'application/x-msdownload');
    expect(fr.statusCode).toBe(415);
    expect(fr.json()).toMatchObject({
      code: 'not_a_spreadsheet',
      message: expect.stringContaining('ni un tableau CSV (texte) ni un classeur Excel (.xlsx)'),
    });
    const en = await upload('setup.exe', exe, 'application/x-msdownload', 'en');
    expect(en.json().message).toContain('neither a CSV table (text) nor an Excel workbook (.xlsx)');
  });

  it('refuses binary content however it is named or typed, instead of "every row rejected"', async () => {
    for (const [name, type] of [
      ['unites.csv', 'text/csv'],
      ['unites.txt', 'text/plain'],
      ['unites', 'text/csv'],
    ]) {
      const res = await upload(name!, exe, type!);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe('not_a_spreadsheet');
    }
  });

  it('refuses a ZIP without xl/ parts (a Word file) named .xlsx, and a workbook named .csv', async () => {
    const word = await upload('unites.xlsx', docx, 'application/octet-stream');
    expect(word.statusCode).toBe(415);
    expect(word.json().code).toBe('not_a_spreadsheet');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Unités').addRow(['Région', 'Village']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload('unites.csv', xlsx, 'text/csv')).statusCode).toBe(415);
  });
});

describe('sniffSheet', () => {
  it('tells CSV text in UTF-8, Windows-1252 and UTF-16 from binaries, and XLSX from other ZIPs', async () => {
    expect(sniffSheet(Buffer.from('Région;Village\r\nKara;Lama\tTchitchao\f\n'))).toBe('csv');
    expect(sniffSheet(Buffer.from('R\xe9gion;Village\r\n', 'latin1'))).toBe('csv');
    expect(
      sniffSheet(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Région\tVillage', 'utf16le')])),
    ).toBe('csv');
    expect(sniffSheet(Buffer.from('Région\tVillage', 'utf16le'))).toBeUndefined();
    expect(sniffSheet(exe)).toBeUndefined();
    expect(sniffSheet(docx)).toBeUndefined();
    expect(sniffSheet(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).toBe(
      'xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Unités');
    expect(sniffSheet(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('xlsx');
  });
});
