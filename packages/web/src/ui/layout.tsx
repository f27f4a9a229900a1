import type { Permission, Role } from '@coso/domain';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useAuth } from '../features/auth/auth-context';
import { handlesCases } from '../features/grm/home/work-roles';
import { NotificationBell } from '../features/notifications/notification-bell';
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
  /** Title of the sidebar section the entry opens or belongs to. */
  section?: MessageKey;
  /** Beyond the permission: whether the user's roles make the entry useful (a read-only supervisor owns no case). */
  forRoles?: (roles: readonly Role[]) => boolean;
}

const GRM_ADMIN = 'reference.manage' as const;

const MENU: MenuEntry[] = [
  { href: '/', label: 'nav.home', icon: 'home' },
  {
    href: '/complaints/new',
    label: 'nav.complaintNew',
    icon: 'plus',
    permission: 'complaints.create',
    section: 'nav.complaints',
  },
  {
    href: '/complaints?queue=mine',
    label: 'nav.queue.mine',
    icon: 'inbox',
    permission: 'complaints.read',
    forRoles: handlesCases,
  },
  { href: '/complaints?queue=area', label: 'nav.queue.area', icon: 'map', permission: 'complaints.read' },
  {
    href: '/complaints?queue=unassigned',
    label: 'nav.queue.unassigned',
    icon: 'inbox',
    permission: 'complaints.read',
    forRoles: handlesCases,
  },
  {
    href: '/complaints?queue=escalated',
    label: 'nav.queue.escalated',
    icon: 'arrowUp',
    permission: 'complaints.read',
  },
  {
    href: '/complaints/import',
    label: 'nav.complaintImport',
    icon: 'upload',
    permission: 'complaints.import',
  },
  {
    href: '/reports',
    label: 'nav.dashboard',
    icon: 'list',
    permission: 'reports.view',
    section: 'nav.reports',
  },
  { href: '/reports/map', label: 'nav.map', icon: 'map', permission: 'reports.view' },
  { href: '/reports/indicators', label: 'nav.indicators', icon: 'list', permission: 'reports.view' },
  { href: '/reports/downloads', label: 'nav.downloads', icon: 'download', permission: 'reports.view' },
  {
    href: '/grm/reference',
    label: 'nav.grmReference',
    icon: 'list',
    permission: GRM_ADMIN,
    section: 'nav.grmConfig',
  },
  { href: '/grm/committees', label: 'nav.grmCommittees', icon: 'users', permission: GRM_ADMIN },
  { href: '/grm/escalation', label: 'nav.grmChains', icon: 'arrowUp', permission: GRM_ADMIN },
  { href: '/grm/routing', label: 'nav.grmRouting', icon: 'route', permission: GRM_ADMIN },
  { href: '/grm/deadlines', label: 'nav.grmDeadlines', icon: 'list', permission: GRM_ADMIN },
  {
    href: '/dcc/review',
    label: 'dcc.review',
    icon: 'inbox',
    permission: 'dcc.review',
    section: 'nav.dcc',
  },
  { href: '/dcc/progress', label: 'dcc.progress', icon: 'list', permission: 'dcc.read', section: 'nav.dcc' },
  { href: '/dcc/cycles', label: 'dcc.cycles', icon: 'calendar', permission: 'dcc.read' },
  {
    href: '/mis/subprojects',
    label: 'mis.subprojects',
    icon: 'list',
    permission: 'mis.read',
    section: 'nav.mis',
  },
  { href: '/mis/finance', label: 'mis.finance.title', icon: 'list', permission: 'mis.read' },
  { href: '/geo', label: 'nav.geo', icon: 'map', permission: 'geo.read', section: 'nav.administration' },
  { href: '/geo/import', label: 'nav.geoImport', icon: 'upload', permission: 'geo.manage' },
  { href: '/admin/forms', label: 'nav.forms', icon: 'list', permission: 'forms.manage' },
  { href: '/admin/users', label: 'nav.users', icon: 'users', permission: 'users.manage' },
  { href: '/admin/audit', label: 'nav.audit', icon: 'audit', permission: 'audit.read' },
  { href: '/admin/notification-templates', label: 'nav.templates', icon: 'list', permission: 'users.manage' },
  { href: '/admin/notification-outbox', label: 'nav.outbox', icon: 'inbox', permission: 'users.manage' },
  { href: '/admin/jobs', label: 'nav.jobs', icon: 'calendar', permission: 'users.manage' },
  { href: '/account', label: 'nav.account', icon: 'user' },
];

/**
 * The most specific menu entry containing the current location is the active one; an entry with a query
 * string ("/complaints?queue=mine") is active only on that path with the same `queue`.
 */
function activeHref(path: string, search: string, entries: MenuEntry[]): string | undefined {
  const queue = new URLSearchParams(search).get('queue');
  const matches = entries.filter((e) => {
    const [base = '', query] = e.href.split('?');
    if (query !== undefined) return path === base && new URLSearchParams(query).get('queue') === queue;
    return base === '/' ? path === '/' : path === base || path.startsWith(`${base}/`);
  });
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** Entries the user may open, each section's title placed before the first entry shown from it. */
function visibleMenu(can: (p: Permission) => boolean, roles: readonly Role[]) {
  const shown: Array<MenuEntry & { header?: MessageKey }> = [];
  let section: MessageKey | undefined;
  let announced: MessageKey | undefined;
  for (const e of MENU) {
    if (e.section) section = e.section;
    if (e.permission && !can(e.permission)) continue;
    if (e.forRoles && !e.forRoles(roles)) continue;
    shown.push(section && section !== announced ? { ...e, header: section } : e);
    announced = section;
  }
  return shown;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const meta = useMeta();
  const [path] = useLocation();
  const search = useSearch();
  const [sidebarOpen, setSidebarOpen] = useState(false);

  // On small screens the sidebar is an overlay: close it after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query string (another queue) is a navigation too.
  useEffect(() => {
    if (path) setSidebarOpen(false);
  }, [path, search]);

  const entries = visibleMenu(can, me?.roles ?? []);
  const active = activeHref(path, search, entries);

  return (
    <div className={`app-wrapper${sidebarOpen ? ' sidebar-open' : ''}`}>
      <a href="#main" className="visually-hidden-focusable skip-link">
        {t('app.skipToContent')}
      </a>
      <EnvBanner />
      <header className="app-header navbar navbar-expand bg-body border-bottom px-2 d-print-none">
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
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <aside id="app-sidebar" className="app-sidebar d-print-none" data-bs-theme="dark">
        <Link href="/" className="brand-link">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-text">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="nav flex-column sidebar-menu">
            {entries.map((e) => (
              <Fragment key={e.href}>
                {e.header && <li className="nav-header">{t(e.header)}</li>}
                <li className="nav-item">
                  <Link
                    href={e.href}
                    className={`nav-link${e.href === active ? ' active' : ''}`}
                    aria-current={e.href === active ? 'page' : undefined}
                  >
                    <Icon name={e.icon} className="nav-icon" />
                    <span>{t(e.label)}</span>
                  </Link>
                </li>
              </Fragment>
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
