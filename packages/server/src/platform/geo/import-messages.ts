import type { Locale } from '@coso/domain';
import { fillTemplate } from '../../lib/template.js';

/** Why an import row was refused, in each language; `{x}` are filled from the row. */
const REASONS = {
  missing_column: { fr: 'Colonne obligatoire absente : {column}', en: 'Required column missing: {column}' },
  no_place: { fr: 'Aucun nom de lieu sur la ligne', en: 'No place name on the row' },
  level_gap: {
    fr: '« {column} » est vide alors qu’un niveau inférieur est rempli',
    en: '"{column}" is empty while a lower level is filled',
  },
  too_long: { fr: 'Texte trop long (120 caractères au plus)', en: 'Text too long (120 characters at most)' },
  invalid_flag: {
    fr: 'Valeur « {value} » invalide : oui ou non attendu',
    en: 'Invalid value "{value}": yes or no expected',
  },
  invalid_number: { fr: 'Nombre « {value} » invalide', en: 'Invalid number "{value}"' },
  out_of_range: {
    fr: 'Valeur « {value} » hors limites ({min} à {max})',
    en: 'Value "{value}" out of range ({min} to {max})',
  },
  point_incomplete: {
    fr: 'Latitude et longitude vont ensemble : renseignez les deux ou aucune',
    en: 'Latitude and longitude go together: fill both or neither',
  },
  invalid_code: {
    fr: 'Code « {value} » invalide (lettres, chiffres, . _ - ; 40 caractères au plus)',
    en: 'Invalid code "{value}" (letters, digits, . _ -; 40 characters at most)',
  },
  code_elsewhere: {
    fr: 'Le code « {value} » appartient déjà à « {other} », ailleurs dans l’arborescence',
    en: 'Code "{value}" already belongs to "{other}", elsewhere in the tree',
  },
  name_taken: {
    fr: 'Une autre unité s’appelle déjà « {value} » au même endroit',
    en: 'Another unit is already called "{value}" at the same place',
  },
  duplicate_row: { fr: 'Même lieu qu’à la ligne {other}', en: 'Same place as on line {other}' },
  no_root: {
    fr: 'Aucun pays n’existe encore : créez d’abord la racine de l’arborescence',
    en: 'No country exists yet: create the root of the tree first',
  },
  outside_jurisdiction: { fr: 'Lieu hors de votre juridiction', en: 'Place outside your jurisdiction' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ImportReason = keyof typeof REASONS;

export function reasonText(
  reason: ImportReason,
  locale: Locale,
  params: Record<string, string | number> = {},
) {
  return fillTemplate(REASONS[reason][locale], params);
}
