import { type ReactNode, useEffect } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n-context';

export interface Crumb {
  label: string;
  href?: string;
}

/** AdminLTE content header: page title on the left, breadcrumb on the right; also sets the tab title. */
export function PageHeader({
  title,
  crumbs = [],
  actions,
}: {
  title: string;
  crumbs?: Crumb[];
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  const all: Crumb[] = [{ label: t('nav.home'), href: '/' }, ...crumbs];
  return (
    <div className="app-content-header mb-3">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2">
        <h1 className="h3 mb-0">{title}</h1>
        <nav aria-label={t('app.breadcrumb')}>
          <ol className="breadcrumb small mb-0">
            {all.map((c, i) => {
              const last = i === all.length - 1;
              return (
                <li
                  key={`${c.href ?? 'current'}|${c.label}`}
                  className={`breadcrumb-item${last ? ' active' : ''}`}
                  aria-current={last ? 'page' : undefined}
                >
                  {c.href && !last ? <Link href={c.href}>{c.label}</Link> : c.label}
                </li>
              );
            })}
          </ol>
        </nav>
      </div>
      {actions && <div className="d-flex flex-wrap gap-2 mt-2">{actions}</div>}
    </div>
  );
}
