import type { FormChoice, FormDefinition, FormField, FormText } from '../../../platform/forms/definition.js';

/**
 * Building blocks of the COSO seed forms: French first with English, normalized English field names (the
 * old app's drifting keys — dateDeLaReunion, DateDeLaFormation, dateDeSeance… — become one `meeting_date`),
 * and the participation block every meeting of the monthly follow-up sheet records, with the same names and
 * indicator bindings in every form so that reports read one set of keys.
 */

export const t = (fr: string, en: string): FormText => ({ fr, en });
export const choice = (name: string, fr: string, en: string, data?: Record<string, string>): FormChoice =>
  data ? { name, label: t(fr, en), data } : { name, label: t(fr, en) };

export function seedForm(
  formId: string,
  title: FormText,
  fields: FormField[],
  choices: FormDefinition['choices'] = {},
): FormDefinition {
  return { schemaVersion: 1, formId, version: '1', title, defaultLanguage: 'fr', fields, choices };
}

/** One page (an XLSForm `field-list` group). */
export const page = (name: string, label: FormText, children: FormField[], relevant?: string): FormField => ({
  type: 'group',
  name,
  label,
  appearance: ['field-list'],
  children,
  ...(relevant ? { relevant } : {}),
});

/** A whole count between 0 and `max`, required unless said otherwise. */
export function count(
  name: string,
  label: FormText,
  opts: Partial<FormField> & { max?: number } = {},
): FormField {
  const { max = 5000, constraint, ...rest } = opts;
  return {
    type: 'integer',
    name,
    label,
    required: true,
    constraint: `. >= 0 and . <= ${max}${constraint ? ` and (${constraint})` : ''}`,
    constraintMessage: t(
      `Un nombre entre 0 et ${max} est attendu.`,
      `A number between 0 and ${max} is expected.`,
    ),
    ...rest,
  };
}

export const yesNo = (name: string, label: FormText, extra: Partial<FormField> = {}): FormField => ({
  type: 'yes_no',
  name,
  label,
  required: true,
  ...extra,
});

export const notFuture = {
  constraint: '. <= today()',
  constraintMessage: t('La date ne peut pas être dans le futur.', 'The date cannot be in the future.'),
};

/** The participation page of a meeting: date, people by sex and age (≤ 35 / > 35), households, minorities. */
export function participationPage(): FormField {
  const le = t('35 ans et moins', '35 or younger');
  const gt = t('Plus de 35 ans', 'Older than 35');
  return page('participation', t('Participation à la réunion', 'Meeting attendance'), [
    {
      type: 'date',
      name: 'meeting_date',
      label: t('Date de la réunion', 'Meeting date'),
      required: true,
      ...notFuture,
    },
    count('men_le35', t(`Hommes — ${le.fr}`, `Men — ${le.en}`), { indicator: 'participation.men_le35' }),
    count('women_le35', t(`Femmes — ${le.fr}`, `Women — ${le.en}`), {
      indicator: 'participation.women_le35',
    }),
    count('men_gt35', t(`Hommes — ${gt.fr}`, `Men — ${gt.en}`), { indicator: 'participation.men_gt35' }),
    count('women_gt35', t(`Femmes — ${gt.fr}`, `Women — ${gt.en}`), {
      indicator: 'participation.women_gt35',
    }),
    {
      type: 'calculate',
      name: 'total_men',
      calculation: '${men_le35} + ${men_gt35}',
      indicator: 'participation.men',
    },
    {
      type: 'calculate',
      name: 'total_women',
      calculation: '${women_le35} + ${women_gt35}',
      indicator: 'participation.women',
    },
    {
      type: 'calculate',
      name: 'total_le35',
      calculation: '${men_le35} + ${women_le35}',
      indicator: 'participation.youth',
    },
    {
      type: 'calculate',
      name: 'total_participants',
      calculation: '${total_men} + ${total_women}',
      indicator: 'participation.total',
    },
    {
      type: 'note',
      name: 'participants_note',
      label: t(
        'Total : ${total_participants} participants (${total_men} hommes, ${total_women} femmes, ${total_le35} jeunes).',
        'Total: ${total_participants} participants (${total_men} men, ${total_women} women, ${total_le35} young people).',
      ),
    },
    count('households', t('Ménages représentés', 'Households represented'), {
      indicator: 'participation.households',
      constraint: '${total_participants} > 0 and . <= ${total_participants}',
      constraintMessage: t(
        'Au moins un participant, et pas plus de ménages que de participants.',
        'At least one participant, and no more households than participants.',
      ),
    }),
    count(
      'ethnic_minorities',
      t('Participants des minorités ethniques', 'Participants from ethnic minorities'),
      {
        indicator: 'participation.ethnic_minorities',
        constraint: '. <= ${total_participants}',
        constraintMessage: t(
          'Pas plus que le nombre total de participants.',
          'No more than the total number of participants.',
        ),
      },
    ),
  ]);
}

/** The focus groups of the participatory assessment (DCC.md, Planification). */
export const FOCUS_GROUPS: FormChoice[] = [
  choice('farmers_breeders', 'Agriculteurs et éleveurs', 'Farmers and breeders'),
  choice('women', 'Femmes', 'Women'),
  choice('youth', 'Jeunes', 'Youth'),
  choice('ethnic_minorities', 'Minorités ethniques', 'Ethnic minorities'),
];

export const SEXES: FormChoice[] = [choice('female', 'Femme', 'Woman'), choice('male', 'Homme', 'Man')];
export const AGE_GROUPS: FormChoice[] = [
  choice('le35', '35 ans et moins', '35 or younger'),
  choice('gt35', 'Plus de 35 ans', 'Older than 35'),
];
export const COMMITTEE_ROLES: FormChoice[] = [
  choice('president', 'Président(e)', 'Chair'),
  choice('vice_president', 'Vice-président(e)', 'Vice-chair'),
  choice('secretary', 'Secrétaire', 'Secretary'),
  choice('treasurer', 'Trésorier(ère)', 'Treasurer'),
  choice('organiser', 'Chargé(e) de l’organisation', 'Organiser'),
  choice('member', 'Membre', 'Member'),
];

/**
 * A committee's members as a repeat (`<prefix>_members`) with the counts reports read: members, women, youth
 * (`<indicator>.members_total|members_women|members_youth`).
 */
export function membersFields(prefix: string, indicator: string, relevant?: string): FormField[] {
  const when = relevant ? { relevant } : {};
  const f = (n: string) => `${prefix}_${n}`;
  return [
    {
      type: 'repeat',
      name: f('members'),
      label: t('Membre', 'Member'),
      ...when,
      children: [
        {
          type: 'text',
          name: f('member_name'),
          label: t('Nom et prénoms', 'Full name'),
          required: true,
          constraint: 'string-length(.) <= 120',
        },
        {
          type: 'select_one',
          name: f('member_role'),
          list: 'committee_roles',
          label: t('Fonction', 'Role'),
          required: true,
        },
        { type: 'select_one', name: f('member_sex'), list: 'sexes', label: t('Sexe', 'Sex'), required: true },
        {
          type: 'select_one',
          name: f('member_age'),
          list: 'age_groups',
          label: t("Tranche d'âge", 'Age group'),
          required: true,
        },
        {
          type: 'text',
          name: f('member_phone'),
          label: t('Téléphone', 'Phone'),
          constraint: "regex(., '^[0-9]{8}$')",
          constraintMessage: t('Un numéro togolais a 8 chiffres.', 'A Togolese number has 8 digits.'),
        },
        {
          type: 'calculate',
          name: f('is_woman'),
          calculation: `if(\${${f('member_sex')}} = 'female', 1, 0)`,
        },
        { type: 'calculate', name: f('is_youth'), calculation: `if(\${${f('member_age')}} = 'le35', 1, 0)` },
      ],
    },
    {
      type: 'calculate',
      name: f('members_total'),
      calculation: `count(\${${f('members')}})`,
      indicator: `${indicator}.members_total`,
      ...when,
    },
    {
      type: 'calculate',
      name: f('members_women'),
      calculation: `sum(\${${f('is_woman')}})`,
      indicator: `${indicator}.members_women`,
      ...when,
    },
    {
      type: 'calculate',
      name: f('members_youth'),
      calculation: `sum(\${${f('is_youth')}})`,
      indicator: `${indicator}.members_youth`,
      ...when,
    },
  ];
}

export const MEMBER_CHOICES = { committee_roles: COMMITTEE_ROLES, sexes: SEXES, age_groups: AGE_GROUPS };
