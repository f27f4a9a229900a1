import type { FormDefinition, FormField } from '../definition.js';

/**
 * Forms for the engine's tests and the build-agreement property test: expressions, groups, repeats (nested,
 * counted), cascading selects with a choice filter, `or_other`, calculations. Not exported by the package.
 */
const t = (fr: string, en?: string) => ({ fr, en: en ?? fr });

const base = (
  formId: string,
  fields: FormField[],
  choices: FormDefinition['choices'] = {},
): FormDefinition => ({
  schemaVersion: 1,
  formId,
  version: '1',
  title: t(formId),
  fields,
  choices,
});

/** A village meeting: participation counts, a skip, a constraint, a calculation, a field-list group. */
export const meetingForm = base(
  'meeting',
  [
    {
      type: 'date',
      name: 'meeting_date',
      label: t('Date de la réunion', 'Meeting date'),
      required: true,
      constraint: '. <= today()',
      constraintMessage: t('La date ne peut pas être dans le futur.', 'The date cannot be in the future.'),
    },
    {
      type: 'group',
      name: 'participants',
      label: t('Participants'),
      appearance: ['field-list'],
      children: [
        {
          type: 'integer',
          name: 'women',
          label: t('Femmes', 'Women'),
          required: true,
          constraint: '. >= 0 and . <= 1000',
        },
        {
          type: 'integer',
          name: 'men',
          label: t('Hommes', 'Men'),
          required: true,
          constraint: '. >= 0 and . <= 1000',
        },
      ],
    },
    { type: 'calculate', name: 'total', calculation: '${women} + ${men}' },
    { type: 'note', name: 'total_note', label: t('Total : ${total}') },
    { type: 'yes_no', name: 'held', label: t('La réunion a-t-elle eu lieu ?') },
    { type: 'text', name: 'why_not', label: t('Pourquoi ?'), relevant: "${held} = 'no'", required: true },
    { type: 'money', name: 'budget', label: t('Budget (FCFA)'), relevant: "${held} = 'yes'" },
    { type: 'select_one', name: 'place', list: 'places', orOther: true, label: t('Lieu') },
  ],
  {
    places: [
      { name: 'school', label: t('École', 'School') },
      { name: 'market', label: t('Marché', 'Market') },
    ],
  },
);

/** A household census: a repeat counted by a question, a nested repeat, sums over instances, position(). */
export const householdForm = base(
  'household',
  [
    {
      type: 'integer',
      name: 'member_count',
      label: t('Nombre de membres'),
      required: true,
      constraint: '. >= 0 and . <= 10',
    },
    {
      type: 'repeat',
      name: 'members',
      label: t('Membre', 'Member'),
      repeatCount: '${member_count}',
      children: [
        {
          type: 'text',
          name: 'member_name',
          label: t('Nom', 'Name'),
          required: true,
          constraint: 'string-length(.) <= 40',
        },
        {
          type: 'integer',
          name: 'age',
          label: t('Âge', 'Age'),
          required: true,
          constraint: '. >= 0 and . < 120',
        },
        { type: 'calculate', name: 'rank', calculation: 'position(..)' },
        {
          type: 'select_multiple',
          name: 'activities',
          list: 'activities',
          relevant: '${age} >= 15',
          label: t('Activités'),
        },
        {
          type: 'repeat',
          name: 'phones',
          label: t('Téléphone'),
          relevant: '${age} >= 18',
          children: [{ type: 'text', name: 'phone', required: true, constraint: "regex(., '^[0-9]{8}$')" }],
        },
      ],
    },
    { type: 'calculate', name: 'total_age', calculation: 'sum(${age})' },
    {
      type: 'integer',
      name: 'adults',
      label: t('Adultes'),
      constraint: '. <= ${member_count}',
      required: 'count(${members}) > 0',
    },
  ],
  {
    activities: [
      { name: 'farming', label: t('Agriculture') },
      { name: 'trade', label: t('Commerce') },
      { name: 'school', label: t('École') },
    ],
  },
);

/** Cascading selects: region → prefecture by a `region` column; select_multiple filtered too. */
export const cascadeForm = base(
  'cascade',
  [
    { type: 'select_one', name: 'region', list: 'regions', label: t('Région'), required: true },
    {
      type: 'select_one',
      name: 'prefecture',
      list: 'prefectures',
      label: t('Préfecture'),
      choiceFilter: 'region = ${region}',
      required: true,
    },
    {
      type: 'select_multiple',
      name: 'crops',
      list: 'crops',
      choiceFilter: "zone = ${region} or zone = 'all'",
      label: t('Cultures'),
    },
    { type: 'geopoint', name: 'location', label: t('Position') },
    { type: 'image', name: 'photo', label: t('Photo') },
    {
      type: 'text',
      name: 'label_check',
      calculation: "jr:choice-name(${region}, '${region}')",
      readOnly: true,
    },
  ],
  {
    regions: [
      { name: 'kara', label: t('Kara') },
      { name: 'savanes', label: t('Savanes') },
    ],
    prefectures: [
      { name: 'kozah', label: t('Kozah'), data: { region: 'kara' } },
      { name: 'binah', label: t('Binah'), data: { region: 'kara' } },
      { name: 'tone', label: t('Tône'), data: { region: 'savanes' } },
    ],
    crops: [
      { name: 'sorghum', label: t('Sorgho'), data: { zone: 'savanes' } },
      { name: 'yam', label: t('Igname'), data: { zone: 'kara' } },
      { name: 'maize', label: t('Maïs'), data: { zone: 'all' } },
    ],
  },
);

export const SAMPLE_FORMS: readonly FormDefinition[] = [meetingForm, householdForm, cascadeForm];
