import { type ImportProblem, type SheetRow, XLSFORM_LIMITS, type XlsSheets } from '@coso/domain';
import ExcelJS from 'exceljs';

/**
 * XLSForm workbooks ⇄ the domain's XlsSheets (docs/maintainer-guide.md, "XLSForm support"). Sheet names
 * and headers are matched case-insensitively, as pyxform does; a cell is read as the text the spreadsheet
 * shows (numbers and booleans as typed, dates as YYYY-MM-DD, rich text joined).
 */

const SHEETS = ['survey', 'choices', 'settings'] as const;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A date as typed: the day alone at midnight UTC (a plain date cell), else the full ISO instant. */
const dateText = (d: Date) =>
  d.getTime() % 86_400_000 === 0 ? d.toISOString().slice(0, 10) : d.toISOString();

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('formula' in value || 'sharedFormula' in value) {
      const { result } = value as ExcelJS.CellFormulaValue;
      if (result !== undefined && result !== null && typeof result !== 'object') return String(result);
      if (result instanceof Date) return dateText(result);
      // A formula saved without its value (pyxform's test files have `FALSE()`): what Excel would show.
      const formula = String((value as ExcelJS.CellFormulaValue).formula ?? '').trim();
      return /^(TRUE|FALSE)\(\)$/i.test(formula) ? formula.slice(0, -2).toUpperCase() : `=${formula}`;
    }
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    headers[col] = cellText(cell.value).trim();
  });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = headers[col];
      const text = cellText(cell.value);
      // A column without a header holds nothing XLSForm defines (pyxform ignores it too).
      if (header && text.trim() && cells[header] === undefined) cells[header] = text;
    });
    if (Object.keys(cells).length) rows.push({ row: number, cells });
  });
  return rows;
}

/** An uploaded .xlsx → sheets, or the problems that make it unreadable (sheet 'file'). */
export async function readXlsx(bytes: Buffer): Promise<{ sheets?: XlsSheets; problems: ImportProblem[] }> {
  const fail = (code: string, params?: Record<string, number>) => ({
    problems: [
      {
        sheet: 'file' as const,
        row: null,
        column: null,
        code,
        severity: 'error' as const,
        ...(params ? { params } : {}),
      },
    ],
  });
  if (bytes.length > XLSFORM_LIMITS.bytes) return fail('file_too_large', { max: XLSFORM_LIMITS.bytes });
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return fail('not_xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail('not_xlsx');
  }
  const byName = new Map(workbook.worksheets.map((s) => [s.name.trim().toLowerCase(), s]));
  const survey = byName.get('survey');
  if (!survey) return fail('missing_survey');
  const sheets = { survey: [], choices: [], settings: [] } as XlsSheets;
  for (const name of SHEETS) {
    const sheet = byName.get(name);
    if (sheet) sheets[name] = rowsOf(sheet);
  }
  return { sheets, problems: [] };
}

/** Sheets → an .xlsx that ODK, KoboToolbox and `readXlsx` read; headers in first-seen order. */
export async function writeXlsx(sheets: XlsSheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const name of SHEETS) {
    const rows = sheets[name];
    const headers: string[] = [];
    for (const { cells } of rows)
      for (const h of Object.keys(cells)) if (!headers.includes(h)) headers.push(h);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(headers);
    sheet.getRow(1).font = { bold: true };
    for (const { cells } of rows) sheet.addRow(headers.map((h) => cells[h] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
