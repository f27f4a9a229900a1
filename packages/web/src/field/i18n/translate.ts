import type { Locale } from '@coso/domain';
import { en } from './en';
import { type FieldKey, fr } from './fr';

export type { FieldKey } from './fr';
export type Params = Record<string, string | number>;
export type Translate = (key: FieldKey, params?: Params) => string;

const dictionaries: Record<Locale, Record<FieldKey, string>> = { fr, en };

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] !== undefined ? String(params[name]) : match,
  );
}

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => interpolate(dict[key], params);
}

/** For keys built at run time (`status.${status}`): undefined when the dictionary has no such key. */
export function lookup(locale: Locale, key: string, params?: Params): string | undefined {
  const dict = dictionaries[locale] as Record<string, string>;
  return Object.hasOwn(dict, key) ? interpolate(dict[key]!, params) : undefined;
}

/** BCP 47 tag for dates and numbers: French as written in Togo, or plain English. */
export function intlLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr-TG' : 'en';
}
