import { describe, expect, it } from 'vitest';
import { importXlsForm } from './import.js';
import { koboContentToSheets } from './kobo.js';
import { IMPORT_PROBLEM_CODES } from './messages.js';
import { type ImportProblem, problemReason, type XlsSheets } from './sheets.js';

type Cells = Record<string, string>;
const rows = (list: Cells[]) => list.map((cells, i) => ({ row: i + 2, cells }));
const SETTINGS: Cells = { form_id: 'f', version: '1', form_title: 'T' };
const sheets = (survey: Cells[], choices: Cells[] = [], settings: Cells[] = [SETTINGS]): XlsSheets => ({
  survey: rows(survey),
  choices: rows(choices),
  settings: rows(settings),
});
const brief = (p: ImportProblem) => `${p.severity} ${p.sheet}!${p.row}:${p.column} ${p.code}`;
const problemsOf = (s: XlsSheets) => importXlsForm(s).problems.map(brief);
const text = (name: string) => ({ type: 'text', name, label: name });

/** Each sheet-level problem code, the smallest workbook that shows it, and where it is reported. */
const CASES: [string, XlsSheets, string][] = [
  ['missing_column', sheets([{ name: 'a', label: 'A' }]), 'error survey!1:type missing_column'],
  ['column_ignored', sheets([{ ...text('a'), video: 'v.mp4' }]), 'warning survey!1:video column_ignored'],
  ['unknown_type', sheets([{ type: 'txet', name: 'a' }]), 'error survey!2:type unknown_type'],
  ['unsupported_type', sheets([{ type: 'geoshape', name: 'a' }]), 'error survey!2:type unsupported_type'],
  [
    'metadata_dropped',
    sheets([{ type: 'start', name: 'start' }, text('a')]),
    'warning survey!2:type metadata_dropped',
  ],
  ['missing_type', sheets([text('a'), { name: 'b', label: 'B' }]), 'error survey!3:type missing_type'],
  ['missing_name', sheets([{ type: 'text', label: 'A' }]), 'error survey!2:name missing_name'],
  ['bad_name', sheets([text('2a')]), 'error survey!2:name bad_name'],
  [
    'select_without_list',
    sheets([{ type: 'select_one', name: 'a' }]),
    'error survey!2:type select_without_list',
  ],
  ['unmatched_end', sheets([text('a'), { type: 'end group' }]), 'error survey!3:type unmatched_end'],
  [
    'mismatched_end',
    sheets([{ type: 'begin group', name: 'g' }, text('a'), { type: 'end repeat' }]),
    'error survey!4:type mismatched_end',
  ],
  [
    'unclosed_group',
    sheets([{ type: 'begin repeat', name: 'r' }, text('a')]),
    'error survey!2:type unclosed_group',
  ],
  ['empty_form', sheets([{ type: 'start', name: 'start' }]), 'error survey!null:null empty_form'],
  ['bad_coso_type', sheets([{ ...text('a'), coso_type: 'money' }]), 'error survey!2:coso_type bad_coso_type'],
  [
    'bad_indicator',
    sheets([{ ...text('a'), indicator: 'Women-35' }]),
    'error survey!2:indicator bad_indicator',
  ],
  [
    'bad_parameters',
    sheets([{ ...text('a'), parameters: 'max-pixels' }]),
    'error survey!2:parameters bad_parameters',
  ],
  [
    'invalid_value',
    sheets([{ type: 'text', name: 'a', label: 'x'.repeat(4001) }]),
    'error survey!2:label invalid_value',
  ],
  [
    'choice_missing_list_name',
    sheets([text('a')], [{ name: 'x', label: 'X' }]),
    'error choices!2:list_name choice_missing_list_name',
  ],
  [
    'choice_missing_name',
    sheets([text('a')], [{ list_name: 'l', label: 'X' }]),
    'error choices!2:name choice_missing_name',
  ],
  [
    'choice_missing_label',
    sheets(
      [text('a')],
      [
        { list_name: 'l', name: 'x', label: '' },
        { list_name: 'l', name: 'y', label: 'Y' },
      ],
    ),
    'warning choices!2:label choice_missing_label',
  ],
  [
    'duplicate_choice',
    sheets(
      [text('a')],
      [
        { list_name: 'l', name: 'x', label: 'X' },
        { list_name: 'l', name: 'x', label: 'X again' },
      ],
    ),
    'error choices!3:name duplicate_choice',
  ],
  [
    'bad_list_name',
    sheets([text('a')], [{ list_name: 'my list', name: 'x', label: 'X' }]),
    'error choices!2:list_name bad_list_name',
  ],
  [
    'default_form_id',
    sheets([text('a')], [], [{ version: '1', form_title: 'T' }]),
    'warning settings!2:form_id default_form_id',
  ],
  [
    'form_id_changed',
    sheets([text('a')], [], [{ ...SETTINGS, form_id: 'my form' }]),
    'warning settings!2:form_id form_id_changed',
  ],
  [
    'default_version',
    sheets([text('a')], [], [{ form_id: 'f', form_title: 'T' }]),
    'warning settings!2:version default_version',
  ],
  [
    'default_title',
    sheets([text('a')], [], [{ form_id: 'f', version: '1' }]),
    'warning settings!2:form_title default_title',
  ],
  [
    'too_many_rows',
    sheets(Array.from({ length: 5001 }, (_, i) => text(`q${i}`))),
    'error survey!null:null too_many_rows',
  ],
  [
    'too_many_choices',
    sheets(
      [text('a')],
      Array.from({ length: 20_001 }, (_, i) => ({ list_name: 'l', name: `c${i}`, label: 'C' })),
    ),
    'error choices!null:null too_many_choices',
  ],
];

describe('importXlsForm: sheet-level problems', () => {
  for (const [code, workbook, expected] of CASES)
    it(`${code} → ${expected}`, () => {
      const result = importXlsForm(workbook);
      expect(result.problems.map(brief)).toContain(expected);
      const problem = result.problems.find((p) => p.code === code)!;
      expect(problemReason(problem, 'fr')).not.toMatch(/\{\w+\}/);
      expect(problemReason(problem, 'en')).not.toBe(problemReason(problem, 'fr'));
      if (expected.startsWith('error')) expect(result.definition).toBeUndefined();
    });

  it('accepts duplicate choices when settings.allow_choice_duplicates is yes', () => {
    const choices = [
      { list_name: 'l', name: 'x', label: 'X', cf: 'a' },
      { list_name: 'l', name: 'x', label: 'X', cf: 'b' },
    ];
    const result = importXlsForm(
      sheets([text('a')], choices, [{ ...SETTINGS, allow_choice_duplicates: 'yes' }]),
    );
    expect(result.problems).toEqual([]);
    expect(result.definition?.choices.l).toHaveLength(2);
  });

  it('names the offending type and the expected closing in the reason', () => {
    const [unknown] = importXlsForm(sheets([{ type: 'txet', name: 'a' }])).problems;
    expect(problemReason(unknown!, 'fr')).toBe('Type de question inconnu : « txet ».');
    const mismatched = importXlsForm(
      sheets([{ type: 'begin_group', name: 'g' }, text('a'), { type: 'end_repeat' }]),
    );
    expect(problemReason(mismatched.problems[0]!, 'en')).toBe('"end_repeat" closes a "begin_group".');
  });
});

describe("importXlsForm: the compiler's problems at their row and column", () => {
  it('a duplicated name at its second row', () => {
    expect(problemsOf(sheets([text('a'), text('b'), text('a')]))).toEqual([
      'error survey!4:name duplicate_name',
    ]);
  });

  it('an unknown reference at the column it came from, as written', () => {
    const survey = [text('a'), { type: 'integer', name: 'b', 'bind:relevant': '${zz} > 1' }];
    const [problem] = importXlsForm(sheets(survey)).problems;
    expect(brief(problem!)).toBe('error survey!3:bind:relevant unknown_field');
    expect(problemReason(problem!, 'en')).toContain('"zz"');
    expect(problem!.params?.offset).toBe(0);
  });

  it('a missing list on the type column; a bad expression with its offset', () => {
    const survey = [
      { type: 'select_one nope', name: 'a' },
      { type: 'integer', name: 'b', constraint: '. >' },
    ];
    expect(problemsOf(sheets(survey))).toEqual([
      'error survey!2:type missing_list',
      'error survey!3:constraint bad_expression',
    ]);
  });

  it('a reference to a dropped metadata row is an unknown field', () => {
    const survey = [
      { type: 'today', name: 'today' },
      { type: 'date', name: 'd', constraint: '. <= ${today}' },
    ];
    expect(problemsOf(sheets(survey))).toEqual([
      'warning survey!2:type metadata_dropped',
      'error survey!3:constraint unknown_field',
    ]);
  });
});

describe('koboContentToSheets: problems', () => {
  it('refuses what is not an asset content', () => {
    for (const content of [null, [], { survey: 'x' }, 'survey'])
      expect(koboContentToSheets(content).problems.map(brief)).toEqual([
        'error file!null:null kobo_not_content',
      ]);
  });

  it('reports a row that is not an object and an object value', () => {
    const { sheets: s, problems } = koboContentToSheets({
      survey: [{ type: 'text', name: 'a', label: 'A', extra: { x: 1 } }, 'oops'],
    });
    expect(problems.map(brief)).toEqual([
      'warning survey!2:extra kobo_bad_value',
      'error survey!3:null kobo_bad_row',
    ]);
    expect(s?.survey).toEqual([{ row: 2, cells: { type: 'text', name: 'a', label: 'A' } }]);
  });
});

it('every problem code has a reason and is shown by a test (file codes by xlsx.test.ts)', () => {
  const shown = new Set([
    ...CASES.map(([code]) => code),
    ...['not_xlsx', 'file_too_large', 'missing_survey', 'kobo_not_content', 'kobo_bad_row', 'kobo_bad_value'],
  ]);
  expect(IMPORT_PROBLEM_CODES.filter((c) => !shown.has(c))).toEqual([]);
});
