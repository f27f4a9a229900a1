import type { FormDefinition, FormText } from './definition.js';
import { formText } from './definition.js';
import { MAX_MONEY, MAX_REPEAT_INSTANCES, MAX_TEXT } from './values.js';

/** What an answer can be refused for (the same codes on the device, in the web app and on the server). */
export type FormErrorCode =
  | 'required'
  | 'constraint'
  | 'invalid_type'
  | 'invalid_choice'
  | 'unknown_field'
  | 'not_relevant'
  | 'repeat_count'
  | 'too_long'
  | 'out_of_range';

export interface FormError {
  /** The answer's path: `age`, `members[0].age` (0-based instances). */
  field: string;
  code: FormErrorCode;
  message: { fr: string; en: string };
}

const BUILT_IN: Record<FormErrorCode, { fr: string; en: string }> = {
  required: { fr: 'Cette question est obligatoire.', en: 'This question is required.' },
  constraint: { fr: "Cette réponse n'est pas acceptée.", en: 'This answer is not accepted.' },
  invalid_type: {
    fr: "Cette réponse n'a pas la forme attendue.",
    en: 'This answer does not have the expected form.',
  },
  invalid_choice: {
    fr: 'Ce choix ne fait pas partie de la liste proposée.',
    en: 'This choice is not in the list offered.',
  },
  unknown_field: {
    fr: "Cette question n'existe pas dans le formulaire.",
    en: 'This question is not in the form.',
  },
  not_relevant: {
    fr: "Cette question ne s'applique pas : elle ne doit pas avoir de réponse.",
    en: 'This question does not apply: it must not be answered.',
  },
  repeat_count: {
    fr: "Le nombre d'entrées ne correspond pas au nombre attendu.",
    en: 'The number of entries does not match the number expected.',
  },
  too_long: {
    fr: `Cette réponse dépasse ${MAX_TEXT.toLocaleString('fr-FR')} caractères.`,
    en: `This answer is longer than ${MAX_TEXT.toLocaleString('en-GB')} characters.`,
  },
  out_of_range: {
    fr: `Cette valeur est hors des limites admises (montants de 0 à ${MAX_MONEY.toLocaleString('fr-FR')} FCFA, au plus ${MAX_REPEAT_INSTANCES} entrées, coordonnées GPS valides).`,
    en: `This value is out of the accepted range (amounts from 0 to ${MAX_MONEY.toLocaleString('en-GB')} FCFA, at most ${MAX_REPEAT_INSTANCES} entries, valid GPS coordinates).`,
  },
};

/** The form's own message when it has one (`required_message`, `constraint_message`), else the built-in one. */
export function formErrorMessage(
  def: FormDefinition,
  code: FormErrorCode,
  own?: FormText,
): { fr: string; en: string } {
  if (!own) return BUILT_IN[code];
  const fr = formText(own, 'fr', def.defaultLanguage) ?? BUILT_IN[code].fr;
  const en = own.en ?? own.default ?? fr;
  return { fr, en };
}
