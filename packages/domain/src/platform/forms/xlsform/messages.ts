/**
 * The reasons of import problems, French first. `{name}` is replaced by the problem's parameter of that name.
 * Problems found by the form compiler (compile.ts) carry their own French and English messages as the
 * parameters `fr` and `en`.
 */
const REASONS: Record<string, { fr: string; en: string }> = {
  // file
  not_xlsx: {
    fr: "Le fichier n'est pas un classeur Excel (.xlsx) lisible.",
    en: 'The file is not a readable Excel workbook (.xlsx).',
  },
  file_too_large: {
    fr: 'Le fichier dépasse {max} octets.',
    en: 'The file is larger than {max} bytes.',
  },
  missing_survey: {
    fr: "Le classeur n'a pas de feuille « survey ».",
    en: 'The workbook has no "survey" sheet.',
  },
  kobo_not_content: {
    fr: 'Le contenu KoboToolbox doit être un objet avec un tableau « survey ».',
    en: 'The KoboToolbox content must be an object with a "survey" array.',
  },
  kobo_bad_row: {
    fr: "Cette ligne du contenu KoboToolbox n'est pas un objet.",
    en: 'This row of the KoboToolbox content is not an object.',
  },
  kobo_bad_value: {
    fr: 'La valeur de « {column} » est un objet : elle est ignorée.',
    en: 'The value of "{column}" is an object: it is ignored.',
  },
  too_many_rows: {
    fr: 'La feuille « survey » a plus de {max} lignes.',
    en: 'The "survey" sheet has more than {max} rows.',
  },
  too_many_choices: {
    fr: 'La feuille « choices » a plus de {max} choix.',
    en: 'The "choices" sheet has more than {max} choices.',
  },
  // survey
  missing_column: {
    fr: 'La colonne « {column} » manque.',
    en: 'The column "{column}" is missing.',
  },
  column_ignored: {
    fr: "La colonne « {column} » n'est pas prise en charge : elle est ignorée.",
    en: 'The column "{column}" is not supported: it is ignored.',
  },
  unknown_type: {
    fr: 'Type de question inconnu : « {type} ».',
    en: 'Unknown question type: "{type}".',
  },
  unsupported_type: {
    fr: "Le type « {type} » n'est pas pris en charge par COSO.",
    en: 'The type "{type}" is not supported by COSO.',
  },
  metadata_dropped: {
    fr: "La métadonnée « {type} » n'est pas collectée : la ligne est ignorée.",
    en: 'The metadata "{type}" is not collected: the row is ignored.',
  },
  missing_type: { fr: "Cette ligne n'a pas de type.", en: 'This row has no type.' },
  missing_name: { fr: "Cette ligne n'a pas de nom.", en: 'This row has no name.' },
  bad_name: {
    fr: 'Nom invalide « {name} » : une lettre ou « _ », puis lettres, chiffres, « _ », « - » ou « . ».',
    en: 'Invalid name "{name}": a letter or "_", then letters, digits, "_", "-" or ".".',
  },
  select_without_list: {
    fr: 'La question à choix « {type} » ne nomme pas de liste de choix.',
    en: 'The select "{type}" names no choice list.',
  },
  unmatched_end: {
    fr: '« {type} » ne ferme aucun groupe ouvert.',
    en: '"{type}" closes no open group.',
  },
  mismatched_end: {
    fr: '« {type} » ferme un « {expected} ».',
    en: '"{type}" closes a "{expected}".',
  },
  unclosed_group: {
    fr: "« {type} » n'est jamais fermé.",
    en: '"{type}" is never closed.',
  },
  empty_form: { fr: "Le formulaire n'a aucune question.", en: 'The form has no question.' },
  bad_coso_type: {
    fr: '« coso_type » vaut « {value} », qui ne convient pas au type « {type} ».',
    en: '"coso_type" is "{value}", which does not fit the type "{type}".',
  },
  bad_indicator: {
    fr: 'Indicateur invalide « {value} » (minuscules, chiffres, « _ », parties séparées par « . »).',
    en: 'Invalid indicator "{value}" (lower case, digits, "_", parts separated by ".").',
  },
  bad_parameters: {
    fr: 'Paramètres invalides « {value} ».',
    en: 'Invalid parameters "{value}".',
  },
  invalid_value: {
    fr: 'Valeur refusée ({detail}).',
    en: 'Value refused ({detail}).',
  },
  // choices
  choice_missing_list_name: {
    fr: "Ce choix n'a pas de nom de liste (« list_name »).",
    en: 'This choice has no list name ("list_name").',
  },
  choice_missing_name: { fr: "Ce choix n'a pas de nom.", en: 'This choice has no name.' },
  choice_missing_label: {
    fr: "Le choix « {name} » n'a pas de libellé.",
    en: 'The choice "{name}" has no label.',
  },
  duplicate_choice: {
    fr: 'Le choix « {name} » figure deux fois dans la liste « {list} ».',
    en: 'The choice "{name}" appears twice in the list "{list}".',
  },
  bad_list_name: {
    fr: 'Nom de liste invalide « {list} ».',
    en: 'Invalid list name "{list}".',
  },
  // settings
  default_form_id: {
    fr: "« form_id » manque : l'identifiant « {value} » est utilisé.",
    en: '"form_id" is missing: the id "{value}" is used.',
  },
  form_id_changed: {
    fr: "« form_id » « {from} » n'est pas un nom valide : « {value} » est utilisé.",
    en: '"form_id" "{from}" is not a valid name: "{value}" is used.',
  },
  default_version: {
    fr: '« version » manque : la version « {value} » est utilisée.',
    en: '"version" is missing: the version "{value}" is used.',
  },
  default_title: {
    fr: '« form_title » manque : le titre « {value} » est utilisé.',
    en: '"form_title" is missing: the title "{value}" is used.',
  },
};

export const IMPORT_PROBLEM_CODES = Object.keys(REASONS);

export function reasonText(
  code: string,
  params: Record<string, string | number>,
  locale: 'fr' | 'en',
): string {
  const own = params[locale];
  const template = REASONS[code]?.[locale] ?? (typeof own === 'string' ? own : code);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}
