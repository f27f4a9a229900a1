import type { FormDefinition } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { answerRows } from './answer-rows';

const def: FormDefinition = {
  schemaVersion: 1,
  formId: 'participation',
  version: '1',
  title: { fr: 'Participation' },
  defaultLanguage: 'fr',
  fields: [
    { type: 'note', name: 'intro', label: { fr: 'Comptez les présents' } },
    { type: 'date', name: 'held_on', label: { fr: 'Date de la réunion', en: 'Meeting date' } },
    {
      type: 'group',
      name: 'counts',
      label: { fr: 'Participants' },
      children: [
        { type: 'integer', name: 'women', label: { fr: 'Femmes', en: 'Women' } },
        { type: 'integer', name: 'men', label: { fr: 'Hommes' } },
      ],
    },
    { type: 'group', name: 'empty', label: { fr: 'Vide' }, children: [{ type: 'text', name: 'x' }] },
    { type: 'yes_no', name: 'cvd_exists', label: { fr: 'Le CVD existe-t-il ?' } },
    { type: 'select_one', name: 'place', label: { fr: 'Lieu' }, list: 'places', orOther: true },
    { type: 'select_multiple', name: 'groups', label: { fr: 'Groupes' }, list: 'groups' },
    {
      type: 'repeat',
      name: 'priorities',
      label: { fr: 'Priorités' },
      children: [
        { type: 'text', name: 'need', label: { fr: 'Besoin' } },
        { type: 'money', name: 'cost', label: { fr: 'Coût estimé' } },
      ],
    },
    { type: 'image', name: 'photo', label: { fr: 'Photo' } },
    { type: 'text', name: 'skipped', label: { fr: 'Sautée' } },
  ],
  choices: {
    places: [{ name: 'school', label: { fr: 'École', en: 'School' } }],
    groups: [
      { name: 'women', label: { fr: 'Femmes' } },
      { name: 'youth', label: { fr: 'Jeunes', en: 'Youth' } },
    ],
  },
};

/** An XLSForm reference, `${name}`. */
const ref = (name: string) => `$\{${name}}`;

const fmt = {
  locale: 'fr',
  yes: 'Oui',
  no: 'Non',
  other: 'Autre',
  instance: (n: number) => `Élément ${n}`,
  formatNumber: (n: number) => String(n),
};

describe('answerRows', () => {
  it('lists answered questions in order, with labels for choices, yes/no, money and repeats', () => {
    const rows = answerRows(
      def,
      {
        held_on: '2027-02-01',
        women: 12,
        men: 0,
        cvd_exists: false,
        place: 'other',
        place_other: 'Sous le manguier',
        groups: ['youth', 'women'],
        priorities: [{ need: 'Forage', cost: 4500000 }, { need: '' }],
        photo: 'upload-1',
        skipped: '',
      },
      fmt,
    );
    expect(
      rows.map((r) => [r.kind, r.depth, r.label, 'text' in r ? r.text : 'ref' in r ? r.ref : '']),
    ).toEqual([
      ['answer', 0, 'Date de la réunion', '2027-02-01'],
      ['heading', 0, 'Participants', ''],
      ['answer', 1, 'Femmes', '12'],
      ['answer', 1, 'Hommes', '0'],
      ['answer', 0, 'Le CVD existe-t-il ?', 'Non'],
      ['answer', 0, 'Lieu', 'Autre : Sous le manguier'],
      ['answer', 0, 'Groupes', 'Jeunes, Femmes'],
      ['heading', 0, 'Priorités', ''],
      ['heading', 1, 'Élément 1', ''],
      ['answer', 2, 'Besoin', 'Forage'],
      ['answer', 2, 'Coût estimé', '4500000 FCFA'],
      ['attachment', 0, 'Photo', 'upload-1'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('speaks the reader’s language when the form has it', () => {
    const rows = answerRows(def, { women: 3, place: 'school' }, { ...fmt, locale: 'en' });
    expect(rows.map((r) => r.label)).toEqual(['Participants', 'Women', 'Lieu']);
    expect(rows.at(-1)).toMatchObject({ text: 'School' });
  });

  it('shows "Autre : <text>" for the other choice of a multiple select, and of a select in a repeat', () => {
    const form: FormDefinition = {
      ...def,
      fields: [
        { type: 'select_multiple', name: 'langs', label: { fr: 'Langues' }, list: 'groups', orOther: true },
        {
          type: 'repeat',
          name: 'needs',
          label: { fr: 'Besoins' },
          children: [
            { type: 'select_one', name: 'need', label: { fr: 'Besoin' }, list: 'places', orOther: true },
          ],
        },
      ],
    };
    const rows = answerRows(
      form,
      { langs: ['youth', 'other'], langs_other: 'Kabyè', needs: [{ need: 'other', need_other: 'Piste' }] },
      fmt,
    );
    expect(rows.filter((r) => r.kind === 'answer').map((r) => 'text' in r && r.text)).toEqual([
      'Jeunes, Autre : Kabyè',
      'Autre : Piste',
    ]);
  });

  it('shows a calculation by its label (references filled), never by its name; hides one without a label', () => {
    const form: FormDefinition = {
      ...def,
      fields: [
        { type: 'integer', name: 'women', label: { fr: 'Femmes' } },
        { type: 'integer', name: 'men', label: { fr: 'Hommes' } },
        {
          type: 'calculate',
          name: 'total',
          calculation: `${ref('women')} + ${ref('men')}`,
          label: { fr: `Total (${ref('women')} femmes)` },
        },
        { type: 'calculate', name: 'internal_rank', calculation: '1' },
      ],
    };
    const rows = answerRows(form, { women: 4, men: 3, total: 7, internal_rank: 1 }, fmt);
    expect(rows.map((r) => [r.label, 'text' in r ? r.text : ''])).toEqual([
      ['Femmes', '4'],
      ['Hommes', '3'],
      ['Total (4 femmes)', '7'],
    ]);
  });
});
