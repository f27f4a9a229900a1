import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.js';
import { stripNul } from '../http/nul-guard.js';
import { FORMULA_TRIGGER } from './sheet-writer.js';

/** One data row of an uploaded sheet: its line as a spreadsheet shows it (header = line 1) and its cells. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export type SheetFormat = 'csv' | 'xlsx';

/**
 * Excel in French locales saves CSV as Windows-1252 with semicolons, and "Unicode text" as UTF-16 with tabs;
 * accept those as well as UTF-8 (with or without a BOM) and commas.
 */
function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/**
 * A cell as typed: our CSV exports put an apostrophe before text a spreadsheet would run as a formula
 * (guardCell, sheet-writer.ts); it is taken off again so that an exported file re-imports unchanged.
 */
const unguarded = (cell: string) =>
  cell.startsWith("'") && FORMULA_TRIGGER.test(cell.slice(1)) ? cell.slice(1) : cell;

/** The separator the header row uses most. */
function delimiterOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

function readCsv(buffer: Buffer): Sheet {
  const text = decodeText(buffer).replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text.slice(0, text.indexOf('\n') >>> 0));
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw new AppError('bad_request', { reason: `csv: ${(err as Error).message}` });
  }
  const [header, ...data] = records;
  return {
    headers: (header ?? []).map((h) => h.trim()),
    // A spreadsheet shows one row per record, blank lines included (skip_empty_lines is off); csv-parse's
    // info.lines would count text lines instead, and run ahead after a cell that holds a line break.
    rows: data
      .map((record, i) => ({ line: i + 2, cells: record.map((c) => unguarded(c).trim()) }))
      .filter((r) => r.cells.some((c) => c !== '')),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_media_type', {
      reason: 'xlsx: the file is not a readable Excel workbook',
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => unguarded(cellText(row.getCell(i + 1).value)).trim());
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > 1) rows.push({ line: number, cells: cellsOf(row) });
  });
  return { headers: cellsOf(sheet.getRow(1)), rows: rows.filter((r) => r.cells.some((c) => c !== '')) };
}

export async function readSheet(buffer: Buffer, format: SheetFormat): Promise<Sheet> {
  const sheet = format === 'csv' ? readCsv(buffer) : await readXlsx(buffer);
  // A NUL in a cell cannot be stored (PostgreSQL) and means nothing: cleaned as request bodies are.
  return stripNul(sheet);
}
