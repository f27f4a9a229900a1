import { Link } from 'wouter';
import type { HomeItemKey } from '../../../api/work';
import { getHomeCounts } from '../../../api/work';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import { ErrorAlert, InfoAlert, Loading } from '../../../ui/alerts';
import { useAsync } from '../../../ui/use-async';
import { useAuth } from '../../auth/auth-context';
import { listHref } from '../complaints/list/filter-query';

const LABELS: Record<HomeItemKey, MessageKey> = {
  mine: 'home.item.mine',
  overdue: 'home.item.overdue',
  dueSoon: 'home.item.dueSoon',
  unassigned: 'home.item.unassigned',
  awaitingAnswer: 'home.item.awaitingAnswer',
};

/** Cases needing attention today get a warning colour when there are any. */
const URGENT: ReadonlySet<HomeItemKey> = new Set(['overdue', 'dueSoon', 'unassigned']);

/**
 * What waits on the user now, each count a link to the list it was counted from (the server gives the
 * filter with the count, so the two cannot drift apart).
 */
export function WorkCounts() {
  const { t } = useI18n();
  const { can } = useAuth();
  const counts = useAsync(getHomeCounts, []);
  if (counts.loading) return <Loading />;
  if (counts.error) return <ErrorAlert error={counts.error} />;
  const { items, publishedOnly } = counts.data!;
  if (items.length === 0) {
    return publishedOnly ? (
      <InfoAlert>
        {t('home.publishedOnly')}{' '}
        {can('reports.view') && <Link href="/reports">{t('home.openDashboard')}</Link>}
      </InfoAlert>
    ) : null;
  }
  return (
    <section aria-labelledby="home-work" className="mb-3">
      <h2 id="home-work" className="fs-5 mb-2">
        {t('home.needsYou')}
      </h2>
      <div className="row g-3">
        {items.map((item) => (
          <div key={item.key} className="col-sm-6 col-lg">
            <Link
              href={listHref(item.query)}
              className={`card h-100 text-decoration-none${URGENT.has(item.key) && item.count > 0 ? ' border-warning' : ''}`}
              data-testid={`home-${item.key}`}
            >
              <div className="card-body">
                <div className="fs-2 fw-bold text-body" data-testid="home-count">
                  {item.count}
                </div>
                <div className="text-body">{t(LABELS[item.key])}</div>
              </div>
            </Link>
          </div>
        ))}
      </div>
    </section>
  );
}
