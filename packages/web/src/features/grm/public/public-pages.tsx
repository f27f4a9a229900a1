import { Link, Route, Switch } from 'wouter';
import { useI18n } from '../../../i18n/i18n-context';
import { NotFoundPage } from '../../../ui/not-found-page';
import { PublicFilePage } from './public-file-page';
import { PublicLayout } from './public-layout';
import { PublicStatsPage } from './public-stats-page';
import { PublicTrackPage } from './public-track-page';

/** Everything under /public, loaded as one lazy chunk without the staff screens. */
export default function PublicPages() {
  return (
    <Switch>
      <Route path="/public" component={PublicHomePage} />
      <Route path="/public/plainte" component={PublicFilePage} />
      <Route path="/public/suivi" component={PublicTrackPage} />
      <Route path="/public/statistiques" component={PublicStatsPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

function PublicHomePage() {
  const { t } = useI18n();
  const tiles = [
    { href: '/public/plainte', label: t('public.fileLink'), hint: t('public.fileHint') },
    { href: '/public/suivi', label: t('public.trackLink'), hint: t('public.trackHint') },
    { href: '/public/statistiques', label: t('public.statsLink'), hint: t('public.statsHint') },
  ];
  return (
    <PublicLayout title={t('public.title')}>
      <p>{t('public.intro')}</p>
      <nav>
        {tiles.map((tile) => (
          <Link key={tile.href} href={tile.href} className="public-tile">
            <strong>{tile.label}</strong>
            <span className="d-block text-body-secondary">{tile.hint}</span>
          </Link>
        ))}
      </nav>
    </PublicLayout>
  );
}
