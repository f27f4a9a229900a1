import { AppError } from '../http/app-error.js';
import type { SheetFormat } from './tabular.js';

/**
 * Recognises an uploaded table by its content, as attachments are (complaints/attachments/sniff.ts): the name
 * and the MIME type the browser sends are only a claim. Without this, an executable or any binary named
 * `.csv` went through the CSV parser and came back as "200, every row rejected" instead of a clear refusal.
 */

/** Control characters that never occur in a text table: NUL and the C0 controls but tab, LF, FF, CR, SUB. */
const isBinaryUnit = (unit: number) =>
  unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d && unit !== 0x1a;

/**
 * A stray control character (a NUL that a spreadsheet export left in a cell) does not make a table binary —
 * the import cleans it like any client text (http/nul-guard.ts) — but binaries are full of them: text allows
 * at most a couple, or one per thousand units.
 */
const tolerated = (units: number) => Math.max(2, Math.floor(units / 1000));

/** Text in UTF-8, Windows-1252 or (with its BOM, as Excel's "Unicode text" writes it) UTF-16. */
function isText(content: Buffer): boolean {
  const utf16 = (content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff);
  let controls = 0;
  if (!utf16) {
    for (const byte of content) if (isBinaryUnit(byte)) controls++;
    return controls <= tolerated(content.length);
  }
  const littleEndian = content[0] === 0xff;
  for (let i = 2; i + 1 < content.length; i += 2) {
    const unit = littleEndian ? content.readUInt16LE(i) : content.readUInt16BE(i);
    if (isBinaryUnit(unit)) controls++;
  }
  return content.length % 2 === 0 && controls <= tolerated(content.length / 2);
}

/**
 * The names of a ZIP archive's entries, from its central directory (the end-of-central-directory record is in
 * the last 64 KiB + 22 bytes); undefined when the buffer is not a well-formed ZIP.
 */
function zipEntryNames(content: Buffer): string[] | undefined {
  if (content.length < 22 || content.readUInt32LE(0) !== 0x04034b50) return undefined;
  const searchFrom = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let i = content.length - 22; i >= searchFrom; i--) {
    if (content.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    names.push(content.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The format the content is in: an XLSX workbook (a ZIP with `xl/` parts) or text; undefined otherwise. */
export function sniffSheet(content: Buffer): SheetFormat | undefined {
  const entries = zipEntryNames(content);
  if (entries) return entries.some((name) => name.startsWith('xl/')) ? 'xlsx' : undefined;
  return isText(content) ? 'csv' : undefined;
}

/** What the file's name (or, failing that, its MIME type) claims; undefined for any other kind. */
function claimedFormat(filename: string, mimetype: string): SheetFormat | undefined {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (/\.[a-z0-9]{1,8}$/.test(lower)) return undefined;
  if (mimetype.includes('spreadsheetml')) return 'xlsx';
  return mimetype.startsWith('text/') ? 'csv' : undefined;
}

/**
 * The format of an uploaded table when its content is CSV text or an XLSX workbook and its name says the same;
 * otherwise 415 `not_a_spreadsheet` (an `.exe`, a PDF, a Word file, a binary renamed `.csv`, text named `.xlsx`).
 */
export function sheetFormatOf(content: Buffer, filename: string, mimetype: string): SheetFormat {
  const sniffed = sniffSheet(content);
  const claimed = claimedFormat(filename, mimetype);
  if (sniffed === undefined || claimed !== sniffed) {
    throw new AppError('not_a_spreadsheet', { accepted: ['.csv', '.xlsx'], detected: sniffed ?? 'binary' });
  }
  return sniffed;
}
