import { Link } from 'wouter';
import { caseView, isMine } from '../case-view';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/layout';
import { SyncCard } from '../ui/sync-card';
import { useGeo } from '../use-field-data';

export function HomeScreen() {
  const { t } = useT();
  const { session } = useField();
  const geo = useGeo();
  const cases = useLive((engine) => engine.complaints(), []).data ?? [];
  const views = cases.map((c) => caseView(c, geo.index));
  const mine = views.filter((c) => isMine(c, session.user.id)).length;
  const canCreate = session.user.permissions.includes('complaints.create');
  const canFillForms = session.user.permissions.includes('forms.read');
  const canFillDcc = session.user.permissions.includes('dcc.fill');

  return (
    <Screen title={t('app.title')}>
      <p className="lead">{t('home.hello', { name: session.user.displayName })}</p>
      {canCreate && (
        <Link href="/new" className="btn btn-success btn-xl w-100 mb-3 home-action" data-testid="home-new">
          <Icon name="plus" size={32} />
          <span>
            {t('nav.new')}
            <small className="d-block fw-normal">{t('home.newHelp')}</small>
          </span>
        </Link>
      )}
      {canFillDcc && (
        <Link href="/dcc" className="btn btn-primary btn-xl w-100 mb-3 home-action" data-testid="home-dcc">
          <Icon name="pin" size={28} />
          <span>
            {t('dcc.title')}
            <small className="d-block fw-normal">{t('dcc.homeHelp')}</small>
          </span>
        </Link>
      )}
      {canFillForms && (
        <Link
          href="/forms"
          className="btn btn-outline-success btn-xl w-100 mb-3 home-action"
          data-testid="home-forms"
        >
          <Icon name="list" size={28} />
          <span>
            {t('forms.title')}
            <small className="d-block fw-normal">{t('forms.homeHelp')}</small>
          </span>
        </Link>
      )}
      <div className="row g-2 mb-3">
        <div className="col-6">
          <Link href="/cases?queue=mine" className="btn btn-outline-primary btn-xl w-100 home-action">
            <Icon name="user" size={28} />
            <span>
              {t('home.mine')}
              <small className="d-block fw-normal">{t('home.count', { n: mine })}</small>
            </span>
          </Link>
        </div>
        <div className="col-6">
          <Link href="/cases?queue=area" className="btn btn-outline-primary btn-xl w-100 home-action">
            <Icon name="pin" size={28} />
            <span>
              {t('home.area')}
              <small className="d-block fw-normal">{t('home.count', { n: views.length })}</small>
            </span>
          </Link>
        </div>
      </div>
      <SyncCard />
    </Screen>
  );
}
