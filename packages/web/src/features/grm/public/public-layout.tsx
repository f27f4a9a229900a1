import { type ReactNode, useEffect } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n-context';
import { LanguageSwitch } from '../../../ui/language-switch';
import './public.css';

/** The frame of every public page: one column that fits a small phone, the language switch at hand. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · COSO`;
  }, [title]);
  return (
    <div className="public-page">
      <header className="public-header d-flex align-items-center justify-content-between px-3 py-2">
        <Link href="/public" className="text-white fw-bold text-decoration-none">
          COSO · {t('public.home')}
        </Link>
        <LanguageSwitch />
      </header>
      <main className="public-main px-3 py-3">
        <h1 className="h4 mb-3">{title}</h1>
        {children}
      </main>
      <footer className="public-footer px-3 py-3 text-center small">
        <Link href="/login">{t('public.staffLogin')}</Link>
      </footer>
    </div>
  );
}
