import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../definition.js';
import { languageKey, parseHeader } from './columns.js';
import { exportXlsForm } from './export.js';
import { importXlsForm } from './import.js';
import { koboContentToSheets } from './kobo.js';
import type { XlsSheets } from './sheets.js';
import { parseType } from './types.js';

type Cells = Record<string, string>;
const rows = (list: Cells[]) => list.map((cells, i) => ({ row: i + 2, cells }));
const SETTINGS: Cells = { form_id: 'f', version: '3', form_title: 'T' };
const sheets = (survey: Cells[], choices: Cells[] = [], settings: Cells[] = [SETTINGS]): XlsSheets => ({
  survey: rows(survey),
  choices: rows(choices),
  settings: rows(settings),
});
const fieldsOf = (s: XlsSheets) => {
  const r = importXlsForm(s);
  expect(r.problems).toEqual([]);
  return r.definition!.fields;
};

describe('XLSForm types', () => {
  it.each([
    ['text', 'text'],
    ['barcode', 'text'],
    ['integer', 'integer'],
    ['decimal', 'decimal'],
    ['date', 'date'],
    ['time', 'time'],
    ['dateTime', 'datetime'],
    ['geopoint', 'geopoint'],
    ['gps', 'geopoint'],
    ['image', 'image'],
    ['photo', 'image'],
    ['audio', 'audio'],
    ['file', 'file'],
    ['note', 'note'],
    ['acknowledge', 'yes_no'],
  ])('%s → %s', (xls, coso) => expect(parseType(xls)).toEqual({ kind: 'field', type: coso }));

  it('reads selects in every spelling, keeping the list name as written', () => {
    expect(parseType('select_one Yes_No')).toEqual({ kind: 'field', type: 'select_one', list: 'Yes_No' });
    expect(parseType('select_multiple colors or_other')).toMatchObject({
      type: 'select_multiple',
      orOther: true,
    });
    expect(parseType('select one from sexes or specify other')).toMatchObject({
      list: 'sexes',
      orOther: true,
    });
    expect(parseType('select all that apply from t')).toMatchObject({ type: 'select_multiple', list: 't' });
    expect(parseType('begin_group')).toEqual({ kind: 'begin', container: 'group' });
    expect(parseType('end repeat')).toEqual({ kind: 'end', container: 'repeat' });
    expect(parseType('uri:deviceid')).toEqual({ kind: 'metadata' });
    expect(parseType('select_one_from_file a.csv')).toEqual({ kind: 'unsupported' });
  });

  it('maps a range to a bounded integer or decimal, keeping its parameters', () => {
    const [a, b] = fieldsOf(
      sheets([
        { type: 'range', name: 'a', parameters: 'start=0 end=5 step=1', constraint: '. != 3' },
        { type: 'range', name: 'b', parameters: 'start=0;end=1;step=0.1' },
      ]),
    );
    expect(a).toEqual({
      type: 'integer',
      name: 'a',
      parameters: { start: '0', end: '5', step: '1' },
      constraint: '(. != 3) and . >= 0 and . <= 5',
    });
    expect(b).toMatchObject({ type: 'decimal', constraint: '. >= 0 and . <= 1' });
  });
});

describe('XLSForm columns', () => {
  it('keys languages by code, untagged texts by default', () => {
    expect(
      ['Français (fr)', 'fr', 'FR', 'French', 'english', 'English (en)', 'Swahili (sw)', 'Dioula'].map(
        languageKey,
      ),
    ).toEqual(['fr', 'fr', 'fr', 'fr', 'en', 'en', 'sw', 'dioula']);
    expect(parseHeader('label:English')).toEqual({ column: 'label', lang: 'en' });
    expect(parseHeader('Label')).toEqual({ column: 'label', lang: 'default' });
    expect(parseHeader('bind:jr:constraintMsg')).toEqual({ column: 'constraint_message', lang: 'default' });
    expect(parseHeader('List Name')).toEqual({ column: 'list_name' });
    expect(parseHeader('media::image::English (en)')).toEqual({ column: 'media', media: true });
  });

  it('maps every survey column of a row', () => {
    const [field] = fieldsOf(
      sheets(
        [
          {
            type: 'select_one lieux or_other',
            name: 'lieu',
            'label::Français (fr)': 'Lieu',
            'label::English (en)': 'Venue',
            'hint::fr': 'Où ?',
            required: 'TRUE()',
            'required_message::fr': 'Obligatoire',
            relevant: '${x} = 1',
            constraint: ". != 'b'",
            'constraint_message::fr': 'Pas b',
            default: 'a',
            read_only: 'no',
            choice_filter: 'zone = ${x}',
            appearance: 'minimal  quick',
            parameters: 'randomize=true',
            indicator: 'meeting.venue',
          },
          { type: 'integer', name: 'x', required: '${lieu} != ""' },
        ],
        [
          { list_name: 'lieux', name: 'a', 'label::fr': 'A', zone: '1' },
          { list_name: 'lieux', name: 'b', 'label::fr': 'B', zone: '2' },
        ],
      ),
    );
    expect(field).toEqual({
      type: 'select_one',
      name: 'lieu',
      list: 'lieux',
      orOther: true,
      label: { fr: 'Lieu', en: 'Venue' },
      hint: { fr: 'Où ?' },
      required: true,
      requiredMessage: { fr: 'Obligatoire' },
      relevant: '${x} = 1',
      constraint: ". != 'b'",
      constraintMessage: { fr: 'Pas b' },
      default: 'a',
      choiceFilter: 'zone = ${x}',
      appearance: ['minimal', 'quick'],
      parameters: { randomize: 'true' },
      indicator: 'meeting.venue',
    });
  });

  it('reads COSO types from coso_type and the signature appearance', () => {
    const fields = fieldsOf(
      sheets(
        [
          { type: 'integer', name: 'cout', coso_type: 'money' },
          { type: 'select_one yes_no', name: 'ok', coso_type: 'yes_no' },
          { type: 'image', name: 'sig', appearance: 'signature' },
          { type: 'text', name: 'notes', appearance: 'multiline' },
        ],
        [
          { list_name: 'yes_no', name: 'yes', label: 'Oui' },
          { list_name: 'yes_no', name: 'no', label: 'Non' },
        ],
      ),
    );
    expect(fields.map((f) => f.type)).toEqual(['money', 'yes_no', 'signature', 'text']);
    expect(fields[1]?.list).toBeUndefined();
    expect(fields[2]?.appearance).toBeUndefined();
    expect(importXlsForm(sheets([{ type: 'text', name: 'a' }])).definition?.choices).toEqual({});
  });
});

const BILINGUAL: FormDefinition = {
  schemaVersion: 1,
  formId: 'reunion',
  version: '2',
  title: { fr: 'Réunion', en: 'Meeting' },
  defaultLanguage: 'fr',
  settings: { instance_name: "concat('r-', ${date})" },
  fields: [
    { type: 'date', name: 'date', label: { fr: 'Date', en: 'Date' }, required: true },
    { type: 'money', name: 'cout', label: { fr: 'Coût (FCFA)' }, indicator: 'cost.total' },
    { type: 'yes_no', name: 'quorum', label: { fr: 'Quorum atteint ?' } },
    {
      type: 'repeat',
      name: 'membres',
      repeatCount: '2',
      children: [
        { type: 'text', name: 'nom', label: { fr: 'Nom' }, appearance: ['multiline'] },
        { type: 'select_one', name: 'sexe', list: 'yes_no', label: { fr: 'Sexe' } },
        { type: 'signature', name: 'sig', appearance: ['big'] },
      ],
    },
  ],
  choices: {
    yes_no: [
      { name: 'f', label: { fr: 'Femme', en: 'Woman' } },
      { name: 'h', label: { fr: 'Homme', en: 'Man' }, data: { groupe: 'x' } },
    ],
  },
};

describe('exportXlsForm', () => {
  it('round-trips a definition with every COSO type, without a clash on the yes_no list', () => {
    const exported = exportXlsForm(BILINGUAL);
    expect(exported.survey.map((r) => r.cells.type)).toEqual([
      'date',
      'integer',
      'select_one coso_yes_no',
      'begin_repeat',
      'text',
      'select_one yes_no',
      'image',
      'end_repeat',
    ]);
    expect(exported.survey[6]?.cells).toMatchObject({ appearance: 'signature big', coso_type: 'signature' });
    expect(exported.settings[0]?.cells).toMatchObject({
      form_title: 'Réunion',
      'form_title::Français (fr)': 'Réunion',
      'form_title::English (en)': 'Meeting',
      default_language: 'fr',
    });
    const again = importXlsForm(exported);
    expect(again.problems).toEqual([]);
    expect(again.definition).toEqual(BILINGUAL);
  });
});

describe('koboContentToSheets', () => {
  it('spreads translated arrays into language columns and joins select_from_list_name', () => {
    const { sheets: s } = koboContentToSheets({
      survey: [
        {
          type: 'select_one',
          select_from_list_name: 'l',
          $autoname: 'q1',
          $kuid: 'k',
          label: ['Q', 'Q en'],
          required: true,
        },
        { type: 'select_multiple_or_other', select_from_list_name: 'l', name: 'q2', label: ['R', null] },
      ],
      choices: [{ list_name: 'l', name: 'a', label: ['A', 'A en'], $kuid: 'c' }],
      settings: { form_title: 'K', id_string: 'k1', version: 'v' },
      translated: ['label'],
      translations: [null, 'English (en)'],
    });
    expect(s?.survey).toEqual([
      {
        row: 2,
        cells: {
          type: 'select_one l',
          label: 'Q',
          'label::English (en)': 'Q en',
          required: 'true',
          name: 'q1',
        },
      },
      { row: 3, cells: { type: 'select_multiple l or_other', name: 'q2', label: 'R' } },
    ]);
    const def = importXlsForm(s!).definition!;
    expect(def.formId).toBe('k1');
    expect(def.choices.l).toEqual([{ name: 'a', label: { default: 'A', en: 'A en' } }]);
  });
});
