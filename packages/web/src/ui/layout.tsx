import type { Permission } from '@coso/domain';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useAuth } from '../features/auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';
import { EnvBanner } from './env-banner';
import { Icon, type IconName } from './icons';
import { LanguageSwitch } from './language-switch';
import { useMeta } from './use-meta';
import { UserMenu } from './user-menu';

interface MenuEntry {
  href: string;
  label: MessageKey;
  icon: IconName;
  permission?: Permission;
}

const MENU: MenuEntry[] = [
  { href: '/', label: 'nav.home', icon: 'home' },
  { href: '/geo', label: 'nav.geo', icon: 'map', permission: 'geo.read' },
  { href: '/geo/import', label: 'nav.geoImport', icon: 'upload', permission: 'geo.manage' },
  { href: '/admin/users', label: 'nav.users', icon: 'users', permission: 'users.manage' },
  { href: '/admin/audit', label: 'nav.audit', icon: 'audit', permission: 'audit.read' },
  { href: '/account', label: 'nav.account', icon: 'user' },
];

/** The most specific menu entry containing the current path is the active one. */
function activeHref(path: string, entries: MenuEntry[]): string | undefined {
  const matches = entries.filter((e) =>
    e.href === '/' ? path === '/' : path === e.href || path.startsWith(`${e.href}/`),
  );
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const meta = useMeta();
  const [path] = useLocation();
  const [sidebarOpen, setSidebarOpen] = useState(false);

  // On small screens the sidebar is an overlay: close it after navigating.
  useEffect(() => {
    if (path) setSidebarOpen(false);
  }, [path]);

  const entries = MENU.filter((e) => !e.permission || can(e.permission));
  const active = activeHref(path, entries);

  return (
    <div className={`app-wrapper${sidebarOpen ? ' sidebar-open' : ''}`}>
      <a href="#main" className="visually-hidden-focusable skip-link">
        {t('app.skipToContent')}
      </a>
      <EnvBanner />
      <header className="app-header navbar navbar-expand bg-body border-bottom px-2">
        <button
          type="button"
          className="btn btn-link nav-link sidebar-toggle d-lg-none"
          aria-expanded={sidebarOpen}
          aria-controls="app-sidebar"
          onClick={() => setSidebarOpen((o) => !o)}
        >
          <Icon name="menu" />
          <span className="visually-hidden">{t('nav.toggleMenu')}</span>
        </button>
        <div className="ms-auto d-flex align-items-center gap-2">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <aside id="app-sidebar" className="app-sidebar" data-bs-theme="dark">
        <Link href="/" className="brand-link">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-text">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="nav flex-column sidebar-menu">
            {entries.map((e) => (
              <li key={e.href} className="nav-item">
                <Link
                  href={e.href}
                  className={`nav-link${e.href === active ? ' active' : ''}`}
                  aria-current={e.href === active ? 'page' : undefined}
                >
                  <Icon name={e.icon} className="nav-icon" />
                  <span>{t(e.label)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      {sidebarOpen && (
        <button
          type="button"
          className="sidebar-backdrop"
          aria-label={t('nav.closeMenu')}
          onClick={() => setSidebarOpen(false)}
        />
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="container-fluid py-3">{children}</div>
      </main>
      <footer className="app-footer small text-secondary border-top">
        {t('app.name')}
        {meta && ` · ${t('app.version', { version: meta.version })}`}
      </footer>
    </div>
  );
}
