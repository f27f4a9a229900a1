import type { Locale } from '@coso/domain';
import { en } from './en';
import { fr, type MessageKey } from './fr';

export type { MessageKey } from './fr';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

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

/** For keys built at run time (error codes, level codes): undefined when the key is unknown. */
export function lookup(locale: Locale, key: string): string | undefined {
  const dict = dictionaries[locale] as Record<string, string>;
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/** BCP 47 tag used for dates and numbers: French as spoken in Togo, or plain English. */
export function intlLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr-TG' : 'en';
}
