import { DEFAULT_LOCALE, isLocale, type Locale } from '@coso/domain';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { intlLocale, lookup, type Params, type Translate, translator } from './translate';

// Shared with the desktop app: one language choice per browser.
const STORAGE_KEY = 'coso.locale';

export interface FieldI18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** A run-time key (`status.${s}`), or `fallback` when the dictionary does not have it. */
  tx: (key: string, fallback: string, params?: Params) => string;
  /** Date and time (or the date only) in the UI language; '—' when missing or unreadable. */
  formatDate: (iso: unknown, dateOnly?: boolean) => string;
}

const Context = createContext<FieldI18n | null>(null);

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function FieldI18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<FieldI18n>(() => {
    const tag = intlLocale(locale);
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    const dateOnly = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    return {
      locale,
      setLocale: (next) => {
        setLocaleState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Storage disabled: the choice still applies until the app is closed.
        }
      },
      t: translator(locale),
      tx: (key, fallback, params) => lookup(locale, key, params) ?? fallback,
      formatDate: (iso, onlyDate) => {
        if (typeof iso !== 'string' || !iso) return '—';
        // A bare date (YYYY-MM-DD) is a calendar day: read it at noon UTC so no time zone moves it.
        const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
        if (Number.isNaN(date.getTime())) return iso;
        return (onlyDate ? dateOnly : dateTime).format(date);
      },
    };
  }, [locale]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useT(): FieldI18n {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useT must be used inside FieldI18nProvider');
  return ctx;
}
