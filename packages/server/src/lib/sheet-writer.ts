import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export function toCsv(headers: string[], rows: string[][]): Buffer {
  // The BOM makes Excel open the UTF-8 file with its accents intact.
  return Buffer.from(`\uFEFF${stringify([headers, ...rows])}`, 'utf8');
}

export async function toXlsx(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
