import { LOCALES } from '@coso/domain';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useField } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Icon, type IconName } from './icons';
import { SyncBadge } from './sync-badge';

/** FR | EN, at once; French first. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useT();
  return (
    <fieldset className="btn-group" aria-label={t('nav.language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`btn btn-lg ${l === locale ? 'btn-dark' : 'btn-outline-dark'}`}
          aria-pressed={l === locale}
          onClick={() => setLocale(l)}
        >
          {l === 'fr' ? 'Français' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}

function Menu({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const { session, requestLogout } = useField();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div ref={ref} id="field-menu" className="field-menu shadow">
      <p className="mb-2 fw-semibold">{session.user.displayName}</p>
      <LanguageSwitch />
      <button
        type="button"
        className="btn btn-outline-danger btn-lg w-100 mt-3 d-flex align-items-center justify-content-center gap-2"
        onClick={() => {
          onClose();
          requestLogout();
        }}
      >
        <Icon name="logout" /> {t('nav.logout')}
      </button>
    </div>
  );
}

const TABS: Array<{
  href: string;
  icon: IconName;
  label: 'nav.home' | 'nav.cases' | 'nav.new' | 'nav.sync';
}> = [
  { href: '/', icon: 'home', label: 'nav.home' },
  { href: '/cases', icon: 'list', label: 'nav.cases' },
  { href: '/new', icon: 'plus', label: 'nav.new' },
  { href: '/sync', icon: 'sync', label: 'nav.sync' },
];

/** Every screen: a header (back, title, sync badge, menu), the content, and the bottom tab bar. */
export function Screen(props: { title: string; back?: string; children: ReactNode; tabs?: boolean }) {
  const { t } = useT();
  const [location] = useLocation();
  const [menu, setMenu] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // A new screen announces itself: focus moves to its title, as a page load would.
  useEffect(() => titleRef.current?.focus(), []);

  return (
    <div className="field-shell">
      <header className="field-header">
        <div className="d-flex align-items-center gap-2">
          {props.back && (
            <Link href={props.back} className="btn btn-header" aria-label={t('common.back')}>
              <Icon name="back" />
            </Link>
          )}
          <h1 ref={titleRef} tabIndex={-1} className="field-title">
            {props.title}
          </h1>
          <button
            type="button"
            className="btn btn-header ms-auto"
            aria-expanded={menu}
            aria-controls="field-menu"
            onClick={() => setMenu((m) => !m)}
          >
            <Icon name="user" />
            <span className="visually-hidden">{t('nav.menu')}</span>
          </button>
        </div>
        <SyncBadge />
        {menu && <Menu onClose={() => setMenu(false)} />}
      </header>
      <main className="field-main">{props.children}</main>
      {props.tabs !== false && (
        <nav className="field-tabs" aria-label={t('nav.main')}>
          {TABS.map((tab) => {
            const active = tab.href === '/' ? location === '/' : location.startsWith(tab.href);
            return (
              <Link
                key={tab.href}
                href={tab.href}
                className={`field-tab ${active ? 'active' : ''}`}
                aria-current={active ? 'page' : undefined}
              >
                <Icon name={tab.icon} />
                <span>{t(tab.label)}</span>
              </Link>
            );
          })}
        </nav>
      )}
    </div>
  );
}
