import type { Locale } from '@coso/domain';
import { enForms } from '../i18n/en-forms';
import { type FormsKey, frForms } from '../i18n/fr-forms';

/**
 * The runner's words, read straight from the forms catalogues (not through the field app's provider): the
 * runner also runs inside the desktop admin's phone preview, which has no field dictionary.
 */
export type FormsT = (key: FormsKey, params?: Record<string, string | number>) => string;

export function formsTranslator(locale: Locale | string): FormsT {
  const dict: Record<FormsKey, string> = locale === 'en' ? enForms : frForms;
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params?.[name] !== undefined ? String(params[name]) : match,
    );
}

/** BCP 47 tag for numbers and money: French as written in Togo, or plain English. */
export const numberTag = (locale: string) => (locale === 'en' ? 'en' : 'fr-TG');
