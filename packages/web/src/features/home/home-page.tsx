import { Link } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { type Shortcut, WEB_MODULES } from '../../modules';
import { Card } from '../../ui/card';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { RoleBadges } from '../../ui/role-badges';
import { useAuth, useMe } from '../auth/auth-context';
import { useGeoLevels } from '../geo/use-geo-levels';

export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const { refLabel } = useGeoLevels();

  const shortcuts: Shortcut[] = [
    ...WEB_MODULES.flatMap((m) => m.shortcuts({ t, can, roles: me.roles })),
    { href: '/geo', icon: 'map', label: t('nav.geo'), show: can('geo.read') },
    { href: '/admin/users', icon: 'users', label: t('nav.users'), show: can('users.manage') },
    { href: '/admin/audit', icon: 'audit', label: t('nav.audit'), show: can('audit.read') },
    { href: '/account', icon: 'user', label: t('nav.account'), show: true },
  ];

  return (
    <>
      <PageHeader title={t('home.title')} />
      <Card title={t('home.welcome', { name: me.displayName })} outline="primary">
        <dl className="row mb-0">
          <dt className="col-sm-3">{t('home.roles')}</dt>
          <dd className="col-sm-9">
            <RoleBadges roles={me.roles} />
          </dd>
          <dt className="col-sm-3">{t('home.jurisdictions')}</dt>
          <dd className="col-sm-9 mb-0">
            {me.jurisdictions.length === 0 ? (
              <span className="text-secondary">{t('home.noJurisdiction')}</span>
            ) : (
              <ul className="list-inline mb-0">
                {me.jurisdictions.map((j) => (
                  <li key={j.id} className="list-inline-item chip mb-1 pe-2">
                    {can('geo.read') ? <Link href={`/geo/units/${j.id}`}>{refLabel(j)}</Link> : refLabel(j)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </Card>
      {WEB_MODULES.flatMap((m) => m.homeSections)
        .filter((section) => section.visible({ can }))
        .map(({ key, Component }) => (
          <Component key={key} />
        ))}
      <div className="row g-3">
        {shortcuts
          .filter((s) => s.show)
          .map((s) => (
            <div key={s.href} className="col-sm-6 col-lg-3">
              <Link href={s.href} className="card h-100 text-decoration-none">
                <div className="card-body d-flex align-items-center gap-3">
                  <span className="text-primary">
                    <Icon name={s.icon} size={28} />
                  </span>
                  <span className="fw-semibold text-body">{s.label}</span>
                </div>
              </Link>
            </div>
          ))}
      </div>
    </>
  );
}
