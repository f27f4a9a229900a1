import { readFileSync } from 'node:fs';
import {
  exportXlsForm,
  type FormDefinition,
  type ImportProblem,
  importXlsForm,
  koboContentToSheets,
  type XlsSheets,
} from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { readXlsx, writeXlsx } from './xlsx.js';

/**
 * Real XLSForms of the ODK/XLSForm community (fixtures/LICENCES.md): each imports with exactly the problems
 * listed here (`severity sheet!row:column code`), and a form that imports exports to an .xlsx that imports
 * back to the same definition.
 */
const DEFAULTS = [
  'warning settings!null:form_id default_form_id',
  'warning settings!null:version default_version',
  'warning settings!null:form_title default_title',
];
const NO_VERSION = ['warning settings!2:version default_version'];
const EXPECTED: Record<string, string[]> = {
  'onadata-cascading.xlsx': NO_VERSION,
  'pyxform-choice_filter_test.xlsx': NO_VERSION,
  'pyxform-field-list.xlsx': DEFAULTS,
  'pyxform-group.xlsx': DEFAULTS,
  'pyxform-or_other.xlsx': DEFAULTS,
  'pyxform-specify_other.xlsx': DEFAULTS,
  'pyxform-text_and_integer.xlsx': DEFAULTS,
  'pyxform-yes_or_no_question.xlsx': DEFAULTS,
  'pyxform-loop.xlsx': ['error survey!3:type unsupported_type', ...DEFAULTS],
  'pyxform-case_insensitivity.xlsx': [
    'error survey!3:TYPE unsupported_type',
    'error survey!4:TYPE unsupported_type',
    ...NO_VERSION,
  ],
  // `label::English != ''` reads a choice's label by its column name, which the expression language lacks.
  'pyxform-xl_date_ambiguous.xlsx': ['error survey!5:choice_filter bad_expression', ...NO_VERSION],
  'pyxform-flat_xlsform_test.xlsx': [
    ...['rows', 'image', 'audio', 'image::english', 'media::audio::chinese', 'media::video', 'autoplay'].map(
      (c) => `warning survey!1:${c} column_ignored`,
    ),
    'warning survey!1:buttonText column_ignored',
    'warning survey!1:noAppErrorString column_ignored',
    'error survey!38:type unsupported_type',
    ...[42, 44, 46, 48, 50, 52, 54].map((row) => `warning survey!${row}:type metadata_dropped`),
    'warning choices!4:label choice_missing_label',
    'warning choices!5:label choice_missing_label',
    'warning settings!2:form_id form_id_changed',
    ...NO_VERSION,
  ],
  // A real field form: curly quotes in expressions (‘other’), cos/atan, and choices read from CSV files.
  'pyxform-UCL_Biomass_Plot_Form.xlsx': [
    'error survey!9:relevant bad_expression',
    'warning survey!11:type metadata_dropped',
    'warning survey!12:type metadata_dropped',
    ...[16, 17, 18, 20].map((row) => `error survey!${row}:type unsupported_type`),
    'error survey!26:calculation unknown_function',
    'error survey!27:calculation unknown_function',
    'error survey!32:relevant bad_expression',
    'error survey!35:type unsupported_type',
    'error survey!36:relevant bad_expression',
    'error survey!48:relevant bad_expression',
    'error survey!49:required bad_expression',
    'error survey!56:relevant bad_expression',
    'error survey!57:type unsupported_type',
    'error survey!58:relevant bad_expression',
    'error survey!72:relevant bad_expression',
    'error survey!73:type unsupported_type',
    'error survey!74:relevant bad_expression',
    'error survey!80:relevant bad_expression',
    'error survey!81:type unsupported_type',
    'error survey!82:relevant bad_expression',
    'warning survey!91:type metadata_dropped',
    'warning settings!2:form_id default_form_id',
    'warning settings!2:form_title default_title',
  ],
};

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const brief = (p: ImportProblem) => `${p.severity} ${p.sheet}!${p.row}:${p.column} ${p.code}`;

async function roundTrip(def: FormDefinition): Promise<{ definition?: FormDefinition; problems: string[] }> {
  const read = await readXlsx(await writeXlsx(exportXlsForm(def)));
  const again = importXlsForm(read.sheets as XlsSheets);
  return { definition: again.definition, problems: [...read.problems, ...again.problems].map(brief) };
}

describe('XLSForm fixtures from the ODK/XLSForm community', () => {
  it('has at least ten distinct real workbooks', () => {
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: imports with exactly the expected problems, and round-trips`, async () => {
      const read = await readXlsx(fixture(name));
      expect(read.problems).toEqual([]);
      const result = importXlsForm(read.sheets!);
      expect(result.problems.map(brief)).toEqual(expected);
      expect(result.definition !== undefined).toBe(!expected.some((p) => p.startsWith('error')));
      if (!result.definition) return;
      expect(await roundTrip(result.definition)).toEqual({ definition: result.definition, problems: [] });
    });
  }

  it('maps the cascading selects of onadata-cascading.xlsx', async () => {
    const { definition } = importXlsForm((await readXlsx(fixture('onadata-cascading.xlsx'))).sheets!);
    expect(definition?.fields[1]).toEqual({
      type: 'select_one',
      name: 'cities',
      label: { default: 'Cities' },
      list: 'cities',
      choiceFilter: 'country=${country}',
    });
    expect(definition?.choices.cities?.[0]).toEqual({
      name: 'newyork',
      label: { default: 'New York' },
      data: { country: 'usa' },
    });
    expect(definition?.title).toEqual({ default: 'New Cascading Example' });
  });

  it('reads the old spellings of pyxform-specify_other.xlsx and pyxform-group.xlsx', async () => {
    const other = importXlsForm((await readXlsx(fixture('pyxform-specify_other.xlsx'))).sheets!).definition;
    expect(other?.fields[0]).toMatchObject({
      type: 'select_one',
      list: 'sexes',
      orOther: true,
      label: { en: 'What sex are you?' },
    });
    const group = importXlsForm((await readXlsx(fixture('pyxform-group.xlsx'))).sheets!).definition;
    expect(group?.fields[1]).toMatchObject({ type: 'group', name: 'father', label: { en: 'Father' } });
    expect(group?.fields[1]?.children?.map((f) => `${f.type} ${f.name}`)).toEqual([
      'text phone_number',
      'integer age',
    ]);
  });
});

describe('KoboToolbox asset content fixture', () => {
  const content = JSON.parse(fixture('kobo-coso-assemblee.json').toString('utf8'));

  it('imports with only the metadata warnings, bilingual, and round-trips through .xlsx', async () => {
    const { sheets, problems } = koboContentToSheets(content);
    expect(problems).toEqual([]);
    const result = importXlsForm(sheets!);
    expect(result.problems.map(brief)).toEqual([
      'warning survey!2:type metadata_dropped',
      'warning survey!22:type metadata_dropped',
    ]);
    const def = result.definition!;
    expect(def).toMatchObject({ formId: 'assemblee_villageoise', version: '2027-01', defaultLanguage: 'fr' });
    expect(def.title).toEqual({ default: 'Assemblée villageoise' });
    expect(result.summary).toEqual({
      formId: 'assemblee_villageoise',
      version: '2027-01',
      title: 'Assemblée villageoise',
      fieldCount: 13,
      groupCount: 2,
      repeatCount: 1,
      choiceListCount: 2,
      languages: ['en', 'fr'],
    });
    const seance = def.fields[0]!;
    expect(seance.appearance).toEqual(['field-list']);
    expect(seance.children?.[2]).toEqual({
      type: 'text',
      name: 'lieu_autre',
      label: { fr: 'Autre lieu', en: 'Other venue' },
      required: true,
      relevant: "${lieu} = 'autre'",
    });
    expect(def.fields[1]?.children?.[0]?.indicator).toBe('participation.women_le35');
    expect(def.fields[2]).toMatchObject({ type: 'select_multiple', list: 'themes' });
    expect(def.fields[2]?.required).toBeUndefined();
    expect(await roundTrip(def)).toEqual({ definition: def, problems: [] });
  });
});
