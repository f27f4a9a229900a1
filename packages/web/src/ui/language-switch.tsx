import { LOCALES, type Locale } from '@coso/domain';
import { useState } from 'react';
import { useAuth } from '../features/auth/auth-context';
import { useI18n } from '../i18n/i18n-context';

const NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** FR | EN: switches the UI at once; when logged in, the choice is saved on the user. */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useAuth();
  const [failed, setFailed] = useState(false);

  return (
    <fieldset
      className={`btn-group btn-group-sm language-switch ${className}`}
      aria-label={t('nav.language')}
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`btn ${l === locale ? 'btn-secondary' : 'btn-outline-secondary'}`}
          aria-pressed={l === locale}
          aria-label={NAMES[l]}
          title={failed ? t('nav.languageNotSaved') : NAMES[l]}
          onClick={() => {
            setFailed(false);
            changeLocale(l).catch(() => setFailed(true));
          }}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
