import type { Locale } from '@coso/domain';
import { fillTemplate } from '../../../../lib/template.js';

/** Why a register row was refused, in each language; `{x}` are filled from the row. */
const REASONS = {
  missing_column: { fr: 'Colonne obligatoire absente : {column}', en: 'Required column missing: {column}' },
  too_many_rows: {
    fr: 'Le fichier compte {count} lignes ; {max} au plus par import : découpez-le',
    en: 'The file has {count} rows; at most {max} per import: split it',
  },
  required: { fr: 'Valeur obligatoire', en: 'Value required' },
  invalid_date: {
    fr: 'Date « {value} » invalide : AAAA-MM-JJ ou JJ/MM/AAAA attendu',
    en: 'Invalid date "{value}": YYYY-MM-DD or DD/MM/YYYY expected',
  },
  date_in_future: { fr: 'Date dans le futur', en: 'Date in the future' },
  date_before_project_start: {
    fr: 'Date antérieure au début du projet ({start})',
    en: 'Date before the project started ({start})',
  },
  incident_after_receipt: {
    fr: 'L’incident est daté après la réception de la plainte',
    en: 'The incident is dated after the complaint was received',
  },
  unknown_value: {
    fr: '« {value} » ne correspond à aucun code ni libellé de la liste {list}',
    en: '"{value}" matches no code or label of the {list} list',
  },
  unknown_village: {
    fr: 'Village « {value} » introuvable (ni par code ni par nom)',
    en: 'Village "{value}" not found (neither by code nor by name)',
  },
  village_not_in_area: {
    fr: 'Aucun village « {value} » dans {area}',
    en: 'No village "{value}" in {area}',
  },
  ambiguous_village: {
    fr: 'Village ambigu : « {value} » désigne plusieurs villages ({options}) ; précisez le Canton ou la Commune',
    en: 'ambiguous village: "{value}" names several villages ({options}); add the Canton or Commune column',
  },
  outside_jurisdiction: { fr: 'Village hors de votre juridiction', en: 'Village outside your jurisdiction' },
  invalid_flag: {
    fr: 'Valeur « {value} » invalide : oui ou non attendu',
    en: 'Invalid value "{value}": yes or no expected',
  },
  invalid_phone: {
    fr: 'Numéro « {value} » invalide : 8 chiffres (Togo) ou format international +…',
    en: 'Invalid number "{value}": 8 digits (Togo) or international format +…',
  },
  anonymous_with_identity: {
    fr: 'Une plainte anonyme ne peut pas porter de nom ni de téléphone',
    en: 'An anonymous complaint cannot carry a name or phone',
  },
  too_short: { fr: 'Texte trop court', en: 'Text too short' },
  too_long: { fr: 'Texte trop long', en: 'Text too long' },
  already_imported: {
    fr: 'Cette plainte a déjà été importée (même date, même village, même description, même nom)',
    en: 'This complaint was already imported (same date, village, description and name)',
  },
  invalid: { fr: 'Valeur invalide ({detail})', en: 'Invalid value ({detail})' },
} as const satisfies Record<string, Record<Locale, string>>;

export type RegisterReason = keyof typeof REASONS;

export function registerReasonText(
  reason: RegisterReason,
  locale: Locale,
  params: Record<string, string | number> = {},
) {
  return fillTemplate(REASONS[reason][locale], params);
}

/** What the summary says about the register's final status, which the import does not carry over yet. */
export const STATUS_NOTE: Record<Locale, string> = {
  fr: 'Les plaintes sont créées au statut « reçue » : l’import du statut final du registre n’est pas encore pris en charge.',
  en: 'Complaints are created with status "received": importing the register’s final status is not supported yet.',
};

/** The reference lists' names as the messages show them. */
export const LIST_NAMES: Record<string, Record<Locale, string>> = {
  type: { fr: 'des types', en: 'type' },
  category: { fr: 'des catégories', en: 'category' },
  channel: { fr: 'des canaux', en: 'channel' },
  gender: { fr: 'des genres', en: 'gender' },
  age_group: { fr: 'des tranches d’âge', en: 'age group' },
};
