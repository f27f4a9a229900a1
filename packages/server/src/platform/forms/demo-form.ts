import type { FormDefinition } from '@coso/domain';
import { SYSTEM_CONTEXT } from '../../context.js';
import type { Queryable } from '../../db/driver.js';
import { versionExists } from './repo.js';
import type { FormService } from './service.js';

/**
 * The demo's form (npm start, seed/demo.ts): the attendance sheet of a village meeting as COSO's facilitators
 * fill it, with the shapes a real form uses — a date that cannot be in the future, counts by sex and age group
 * with a computed total and a constraint, a yes/no that makes a photo relevant, a repeat, a GPS point — and the
 * indicator bindings reports read (never field positions).
 */

const count = (name: string, fr: string, en: string, indicator: string) => ({
  type: 'integer' as const,
  name,
  label: { fr, en },
  required: true,
  constraint: '. >= 0 and . <= 1000',
  constraintMessage: { fr: 'Entre 0 et 1 000 personnes.', en: 'Between 0 and 1,000 people.' },
  indicator,
});

export const DEMO_FORM: FormDefinition = {
  schemaVersion: 1,
  formId: 'participation_reunion_villageoise',
  version: '2027-01',
  title: { fr: 'Participation à la réunion villageoise', en: 'Village meeting attendance' },
  defaultLanguage: 'fr',
  fields: [
    {
      type: 'date',
      name: 'date_reunion',
      label: { fr: 'Date de la réunion', en: 'Meeting date' },
      required: true,
      requiredMessage: { fr: 'Indiquez la date de la réunion.', en: 'Give the meeting date.' },
      constraint: '. <= today()',
      constraintMessage: {
        fr: 'La date ne peut pas être dans le futur.',
        en: 'The date cannot be in the future.',
      },
      indicator: 'participation.meeting_date',
    },
    {
      type: 'group',
      name: 'participants',
      label: { fr: 'Participants', en: 'Attendees' },
      appearance: ['field-list'],
      children: [
        count('hommes_le35', 'Hommes de 35 ans ou moins', 'Men aged 35 or under', 'participation.men_le35'),
        count('hommes_gt35', 'Hommes de plus de 35 ans', 'Men over 35', 'participation.men_gt35'),
        count(
          'femmes_le35',
          'Femmes de 35 ans ou moins',
          'Women aged 35 or under',
          'participation.women_le35',
        ),
        {
          ...count('femmes_gt35', 'Femmes de plus de 35 ans', 'Women over 35', 'participation.women_gt35'),
          // A meeting with nobody is a typing error: checked on the last count, once all four are known.
          constraint: '. >= 0 and . <= 1000 and (${hommes_le35} + ${hommes_gt35} + ${femmes_le35} + .) > 0',
          constraintMessage: {
            fr: 'Entre 0 et 1 000 ; au moins une personne doit avoir participé.',
            en: 'Between 0 and 1,000; at least one person must have attended.',
          },
        },
        {
          type: 'calculate',
          name: 'total_participants',
          calculation: '${hommes_le35} + ${hommes_gt35} + ${femmes_le35} + ${femmes_gt35}',
          indicator: 'participation.total',
        },
        {
          type: 'note',
          name: 'total_note',
          label: {
            fr: 'Total des participants : ${total_participants}',
            en: 'Total attendees: ${total_participants}',
          },
        },
      ],
    },
    {
      type: 'yes_no',
      name: 'pv_signe',
      label: { fr: 'PV signé ?', en: 'Minutes signed?' },
      required: true,
      indicator: 'participation.minutes_signed',
    },
    {
      type: 'image',
      name: 'photo_pv',
      label: { fr: 'Photo du PV signé', en: 'Photo of the signed minutes' },
      hint: { fr: 'Toutes les pages, lisibles.', en: 'Every page, readable.' },
      relevant: "${pv_signe} = 'yes'",
      required: true,
    },
    {
      type: 'repeat',
      name: 'membres',
      label: { fr: 'Membres du comité présents', en: 'Committee members present' },
      children: [
        {
          type: 'text',
          name: 'nom_membre',
          label: { fr: 'Nom et prénoms', en: 'Full name' },
          required: true,
        },
        { type: 'select_one', name: 'sexe', label: { fr: 'Sexe', en: 'Sex' }, list: 'sexe', required: true },
        {
          type: 'select_one',
          name: 'tranche_age',
          label: { fr: "Tranche d'âge", en: 'Age group' },
          list: 'tranche_age',
          required: true,
        },
        {
          type: 'select_one',
          name: 'role_comite',
          label: { fr: 'Rôle dans le comité', en: 'Role in the committee' },
          list: 'role_comite',
          required: true,
          appearance: ['minimal'],
        },
      ],
    },
    {
      type: 'geopoint',
      name: 'position',
      label: { fr: 'Position GPS du lieu de réunion', en: 'GPS position of the meeting place' },
    },
  ],
  choices: {
    sexe: [
      { name: 'homme', label: { fr: 'Homme', en: 'Man' } },
      { name: 'femme', label: { fr: 'Femme', en: 'Woman' } },
    ],
    tranche_age: [
      { name: 'le35', label: { fr: '35 ans ou moins', en: '35 or under' } },
      { name: 'gt35', label: { fr: 'Plus de 35 ans', en: 'Over 35' } },
    ],
    role_comite: [
      { name: 'president', label: { fr: 'Président(e)', en: 'Chair' } },
      { name: 'vice_president', label: { fr: 'Vice-président(e)', en: 'Vice-chair' } },
      { name: 'secretaire', label: { fr: 'Secrétaire', en: 'Secretary' } },
      { name: 'tresorier', label: { fr: 'Trésorier(ère)', en: 'Treasurer' } },
      { name: 'membre', label: { fr: 'Membre', en: 'Member' } },
    ],
  },
};

/** A valid filling of the demo form (no photo: the minutes are not signed), for tests and examples. */
export const DEMO_ANSWERS = {
  date_reunion: '2024-05-02',
  hommes_le35: 3,
  hommes_gt35: 5,
  femmes_le35: 4,
  femmes_gt35: 2,
  pv_signe: false,
  membres: [{ nom_membre: 'Afi Kossiwa', sexe: 'femme', tranche_age: 'le35', role_comite: 'president' }],
  position: { lat: 9.551, lon: 1.186 },
};

/** Publishes the demo form once (a restart finds it and writes nothing); true when it was published now. */
export async function seedDemoForm(db: Queryable, forms: FormService): Promise<boolean> {
  if (await versionExists(db, DEMO_FORM.formId, DEMO_FORM.version)) return false;
  await forms.publish(SYSTEM_CONTEXT, DEMO_FORM);
  return true;
}
