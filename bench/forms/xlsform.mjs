// A FormDefinition (forms.mjs) written back as an XLSForm spreadsheet (survey, choices, settings sheets,
// French and English columns) with exceljs, so that the benchmark loads its forms into a server the way an
// administrator does: `POST /api/v1/forms/import?dryRun=false` with the .xlsx.
import ExcelJS from 'exceljs';

const LANGS = [
  ['fr', 'Français (fr)'],
  ['en', 'English (en)'],
];
const texts = (prefix, text) =>
  Object.fromEntries(LANGS.map(([code, header]) => [`${prefix}::${header}`, text?.[code] ?? '']));

function surveyRows(fields, rows = []) {
  for (const f of fields) {
    const container = f.type === 'group' || f.type === 'repeat';
    const type = container ? `begin_${f.type}` : f.list ? `${f.type} ${f.list}` : f.type;
    rows.push({
      type,
      name: f.name,
      ...texts('label', f.label),
      ...texts('hint', f.hint),
      required: f.required === true ? 'yes' : (f.required ?? ''),
      relevant: f.relevant ?? '',
      constraint: f.constraint ?? '',
      calculation: f.calculation ?? '',
      appearance: (f.appearance ?? []).join(' '),
    });
    if (container) {
      surveyRows(f.children ?? [], rows);
      rows.push({ type: `end_${f.type}` });
    }
  }
  return rows;
}

function sheet(book, name, rows) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const ws = book.addWorksheet(name);
  ws.addRow(columns);
  for (const r of rows) ws.addRow(columns.map((c) => r[c] ?? ''));
}

/** The .xlsx bytes of `def`. */
export async function toXlsx(def) {
  const book = new ExcelJS.Workbook();
  sheet(book, 'survey', surveyRows(def.fields));
  sheet(
    book,
    'choices',
    Object.entries(def.choices).flatMap(([list, cs]) =>
      cs.map((c) => ({ list_name: list, name: c.name, ...texts('label', c.label) })),
    ),
  );
  sheet(book, 'settings', [
    {
      form_id: def.formId,
      version: def.version,
      form_title: def.title.fr,
      default_language: 'Français (fr)',
    },
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
