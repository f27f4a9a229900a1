import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../ui/alerts';
import { type PublicStats, publicApi } from './api';
import { PublicLayout } from './public-layout';

/** A bar as wide as `value` is of `max`: enough to compare rows without a chart library. */
function Bar({ value, max, kind = '' }: { value: number; max: number; kind?: string }) {
  const width = max > 0 ? `${Math.round((value / max) * 100)}%` : '0';
  return <div className={`public-bar ${kind}`} style={{ width }} aria-hidden="true" />;
}

interface Row {
  key: string;
  label: string;
  received: number;
  resolved: number;
  inProgress?: number;
}

function Breakdown({ title, first, rows }: { title: string; first: string; rows: Row[] }) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(0, ...rows.map((r) => r.received));
  return (
    <section className="mb-4">
      <h2 className="h5">{title}</h2>
      {rows.length === 0 ? (
        <p>{t('public.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm public-table bg-white">
            <thead>
              <tr>
                <th scope="col">{first}</th>
                <th scope="col" className="text-end">
                  {t('public.received')}
                </th>
                <th scope="col" className="text-end">
                  {t('public.resolved')}
                </th>
                <th scope="col" className="w-25" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="fw-normal">
                    {r.label}
                  </th>
                  <td className="text-end">{formatNumber(r.received)}</td>
                  <td className="text-end">{formatNumber(r.resolved)}</td>
                  <td>
                    <Bar value={r.received} max={max} />
                    <Bar value={r.resolved} max={max} kind="resolved" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PublicStatsPage() {
  const { t, locale, formatNumber } = useI18n();
  const [stats, setStats] = useState<PublicStats | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    publicApi.stats().then(setStats, setFailure);
  }, []);

  const month = (m: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: 'numeric' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const tiles = stats && [
    [t('public.received'), formatNumber(stats.received)],
    [t('public.resolved'), formatNumber(stats.resolved)],
    [t('public.inProgress'), formatNumber(stats.inProgress)],
    [
      t('public.medianDays'),
      stats.medianDaysToResolve === null
        ? '—'
        : t('public.days', { n: formatNumber(stats.medianDaysToResolve) }),
    ],
    [t('public.sensitiveTotal'), formatNumber(stats.sensitiveTotal)],
  ];

  return (
    <PublicLayout title={t('public.statsTitle')}>
      <p className="small text-body-secondary">{t('public.statsNote')}</p>
      <ErrorAlert error={failure} />
      {!stats && !failure && <Loading />}
      {stats && (
        <>
          {/* A <dl> may hold only dt/dd or one wrapping <div> per pair: the tile is that div (a grid cell). */}
          <dl className="public-totals mb-4" data-testid="public-totals">
            {tiles!.map(([label, value]) => (
              <div key={label} className="bg-white border rounded p-2">
                <dt className="small fw-normal text-body-secondary">{label}</dt>
                <dd className="fs-4 fw-bold mb-0">{value}</dd>
              </div>
            ))}
          </dl>
          <Breakdown
            title={t('public.byRegion')}
            first={t('public.region')}
            rows={stats.byRegion.map((r) => ({ ...r, key: r.id, label: r.name }))}
          />
          <Breakdown
            title={t('public.byCategory')}
            first={t('public.category')}
            rows={stats.byCategory.map((r) => ({
              ...r,
              key: r.code,
              label: locale === 'fr' ? r.labelFr : r.labelEn,
            }))}
          />
          <Breakdown
            title={t('public.byMonth')}
            first={t('public.month')}
            rows={stats.byMonth.map((r) => ({ ...r, key: r.month, label: month(r.month) }))}
          />
        </>
      )}
    </PublicLayout>
  );
}
