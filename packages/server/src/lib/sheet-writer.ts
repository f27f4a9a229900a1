import ExcelJS from 'exceljs';

/** What a written cell may hold: dates as the caller formats them, numbers kept as numbers. */
export type SheetCell = string | number | null;

/**
 * A text cell that a spreadsheet would run as a formula (CSV formula injection, OWASP): `=`, `+`, `-` and `@`
 * start a formula in Excel and LibreOffice, and a leading tab or carriage return is dropped before it is
 * evaluated. Such a cell gets a leading apostrophe, which shows it as text. Only text is guarded: a value
 * typed as a number (a negative amount, a longitude of -0.5) is not a formula and stays a number; callers
 * must therefore pass numbers as numbers. readSheet (tabular.ts) removes the apostrophe again on import, so
 * an exported file re-imports unchanged.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function guardCell(value: SheetCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (s: string) => (NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * CSV lines of guarded cells: every CSV the server writes goes through here (the streamed exports of
 * exports/table-stream.ts and the whole files of toCsv), so that no writer can forget the guard.
 * Written by hand rather than with csv-stringify, which formats about 30,000 export rows a second and was
 * the slowest step of a million-row export; sheet-writer.test.ts checks the output is csv-stringify's, byte
 * for byte, on arbitrary cells.
 */
export function csvLines(rows: readonly (readonly SheetCell[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += ',';
      out += csvField(guardCell(row[i]!));
    }
    out += '\n';
  }
  return out;
}

export function toCsv(headers: string[], rows: SheetCell[][]): Buffer {
  // The BOM makes Excel open the UTF-8 file with its accents intact.
  return Buffer.from(`\uFEFF${csvLines([headers, ...rows])}`, 'utf8');
}

/** XLSX needs no guard: exceljs writes a string as a text cell, never as a formula (sheet-writer.test.ts). */
export async function toXlsx(sheetName: string, headers: string[], rows: SheetCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
