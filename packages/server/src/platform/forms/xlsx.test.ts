import { XLSFORM_LIMITS } from '@coso/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, writeXlsx } from './xlsx.js';

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries(sheets)) wb.addWorksheet(name).addRows(data);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const fileProblem = (code: string) => [
  expect.objectContaining({ sheet: 'file', row: null, column: null, code, severity: 'error' }),
];

describe('readXlsx', () => {
  it('refuses what is not an .xlsx, a workbook without survey, and a file over the limit', async () => {
    expect((await readXlsx(Buffer.from('type,name\ntext,a\n'))).problems).toEqual(fileProblem('not_xlsx'));
    expect((await readXlsx(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).problems).toEqual(
      fileProblem('not_xlsx'),
    );
    expect((await readXlsx(await workbook({ Sheet1: [['type'], ['text']] }))).problems).toEqual(
      fileProblem('missing_survey'),
    );
    const big = Buffer.alloc(XLSFORM_LIMITS.bytes + 1);
    expect((await readXlsx(big)).problems).toEqual(fileProblem('file_too_large'));
  });

  it('matches sheet names without case, keeps row numbers, skips empty rows and cells, reads typed cells', async () => {
    const bytes = await workbook({
      SURVEY: [
        ['type', 'name', 'label', 'required', 'default'],
        ['integer', 'a', 'A', true, 3],
        [],
        ['date', 'b', { richText: [{ text: 'B ' }, { text: 'bis' }] }, null, new Date(Date.UTC(2027, 0, 2))],
        ['text', { formula: 'FALSE()' }],
      ],
      Settings: [
        ['form_id', 'version'],
        ['f', new Date('2022-04-11T16:26:28.971Z')],
      ],
    });
    const { sheets, problems } = await readXlsx(bytes);
    expect(problems).toEqual([]);
    expect(sheets?.survey).toEqual([
      { row: 2, cells: { type: 'integer', name: 'a', label: 'A', required: 'true', default: '3' } },
      { row: 4, cells: { type: 'date', name: 'b', label: 'B bis', default: '2027-01-02' } },
      { row: 5, cells: { type: 'text', name: 'FALSE' } },
    ]);
    expect(sheets?.choices).toEqual([]);
    expect(sheets?.settings).toEqual([
      { row: 2, cells: { form_id: 'f', version: '2022-04-11T16:26:28.971Z' } },
    ]);
  });
});

describe('writeXlsx', () => {
  it('writes the three sheets with the union of headers, and reads back the same sheets', async () => {
    const sheets = {
      survey: [
        { row: 2, cells: { type: 'text', name: 'a', 'label::Français (fr)': '=1+1' } },
        { row: 3, cells: { type: 'integer', name: 'b', coso_type: 'money' } },
      ],
      choices: [{ row: 2, cells: { list_name: 'l', name: 'x', label: 'X' } }],
      settings: [{ row: 2, cells: { form_id: 'f', version: '1' } }],
    };
    const back = await readXlsx(await writeXlsx(sheets));
    expect(back).toEqual({ sheets, problems: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(sheets)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    // A text that looks like a formula stays text.
    expect(wb.getWorksheet('survey')?.getCell('C2').type).toBe(ExcelJS.ValueType.String);
  });
});
