import type { ComplaintStatus } from '@coso/domain';
import { Link } from 'wouter';
import { type ComplaintSummary, type Count, getSummary } from '../../../api/reports';
import type { MessageKey } from '../../../i18n/fr';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, Loading } from '../../../ui/alerts';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { type ListKey, useReference } from '../complaints/use-reference';
import { BarChart, MonthChart } from './charts';
import { PeriodicReportCard } from './periodic-card';
import { type BlockRow, ReportBlock } from './report-block';
import { ReportFilters } from './report-filters';
import { reportQueryString, withQuery } from './report-query';
import { SourceNote } from './source-note';
import { useReportQuery } from './use-report-query';
import './reports.css';

type Block =
  | 'area'
  | 'status'
  | 'type'
  | 'category'
  | 'channel'
  | 'gender'
  | 'ageGroup'
  | 'vulnerability'
  | 'satisfaction';

/** `/reports`: the grievance dashboard (GET /api/v1/reports/complaints/summary). */
export default function DashboardPage() {
  const { t, formatNumber } = useI18n();
  const reference = useReference();
  const { filters, setFilters } = useReportQuery('/reports');
  const qs = reportQueryString(filters);
  const { data, error, loading } = useAsync(() => getSummary(filters), [qs]);

  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} %`);
  const days = (v: number | null) => (v === null ? '—' : t('reports.days', { n: formatNumber(v) }));
  const counted = (list: ListKey | 'status', rows: Count[]): BlockRow[] =>
    rows.map((r) => ({
      label:
        r.key === 'unknown'
          ? t('reports.unknown')
          : list === 'status'
            ? t(`status.${r.key as ComplaintStatus}`)
            : reference.label(list, r.key),
      cells: [r.n],
    }));
  const block = (key: Block, rows: BlockRow[]) => (
    <div className="col-lg-6" key={key}>
      <ReportBlock
        title={t(`reports.by.${key}`)}
        header={[t(`reports.by.${key}`), t('reports.cases')]}
        rows={rows}
        filename={`plaintes-${key}`}
        chart={
          <BarChart
            title={t(`reports.by.${key}`)}
            bars={rows.map((r) => ({ label: r.label, value: Number(r.cells[0]), onClick: r.onOpen }))}
          />
        }
      />
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('reports.dashboard')}
        crumbs={[{ label: t('reports.dashboard') }]}
        actions={
          <>
            <Link
              className="btn btn-sm btn-outline-primary d-print-none"
              href={withQuery('/reports/map', qs)}
            >
              {t('reports.seeMap')}
            </Link>
            <Link
              className="btn btn-sm btn-outline-primary d-print-none"
              href={withQuery('/reports/downloads', qs)}
            >
              {t('reports.seeDownloads')}
            </Link>
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary d-print-none"
              onClick={() => window.print()}
            >
              {t('reports.print')}
            </button>
          </>
        }
      />
      <ReportFilters value={filters} onChange={setFilters} reference={reference} />
      <PeriodicReportCard area={filters.area} />
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && (
        <div aria-busy={loading}>
          <Kpis data={data} pct={pct} days={days} />
          {!data.sensitiveIncluded && data.sensitiveTotal > 0 && (
            <InfoAlert>{t('reports.sensitiveTotal', { n: data.sensitiveTotal })}</InfoAlert>
          )}
          <SourceNote source={data.source} asOf={data.asOf} />
          <ReportBlock
            title={t('reports.trend')}
            header={[t('reports.month'), t('reports.received'), t('reports.closed')]}
            rows={data.trend.map((m) => ({ label: m.month, cells: [m.received, m.closed] }))}
            filename="plaintes-par-mois"
            chart={
              <MonthChart
                title={t('reports.trend')}
                months={data.trend.map((m) => m.month)}
                series={[
                  { name: t('reports.received'), values: data.trend.map((m) => m.received) },
                  { name: t('reports.closed'), values: data.trend.map((m) => m.closed), hatched: true },
                ]}
              />
            }
          />
          <div className="row">
            {block(
              'area',
              data.byArea.map((a) => ({
                label: a.name ?? t('reports.unknown'),
                cells: [a.n],
                ...(a.id && a.level !== 'village'
                  ? { onOpen: () => setFilters({ ...filters, area: a.id! }) }
                  : {}),
              })),
            )}
            {block('status', counted('status', data.byStatus))}
            {block('type', counted('types', data.byType))}
            {block('category', counted('categories', data.byCategory))}
            {block('channel', counted('channels', data.byChannel))}
            {block('gender', counted('genders', data.byGender))}
            {block('ageGroup', counted('ageGroups', data.byAgeGroup))}
            {block('vulnerability', counted('vulnerabilityGroups', data.byVulnerability))}
            {block(
              'satisfaction',
              data.satisfaction
                .sort((a, b) => Number(b.key) - Number(a.key))
                .map((s) => ({ label: t('reports.stars', { n: s.key }), cells: [s.n] })),
            )}
          </div>
        </div>
      )}
    </>
  );
}

function Kpis({
  data,
  pct,
  days,
}: {
  data: ComplaintSummary;
  pct: (v: number | null) => string;
  days: (v: number | null) => string;
}) {
  const { t, formatNumber } = useI18n();
  const items: Array<[MessageKey, string, string?]> = [
    ['reports.kpi.received', formatNumber(data.received)],
    ['reports.kpi.open', formatNumber(data.open)],
    ['reports.kpi.overdue', formatNumber(data.overdue)],
    [
      'reports.kpi.ackOnTime',
      pct(data.acknowledgedWithinDeadline.rate),
      t('reports.kpi.ofDue', {
        a: data.acknowledgedWithinDeadline.onTime,
        b: data.acknowledgedWithinDeadline.due,
      }),
    ],
    [
      'reports.kpi.resOnTime',
      pct(data.resolvedWithinDeadline.rate),
      t('reports.kpi.ofDue', { a: data.resolvedWithinDeadline.onTime, b: data.resolvedWithinDeadline.due }),
    ],
    [
      'reports.kpi.daysAck',
      days(data.daysToAcknowledge.median),
      t('reports.kpi.average', { v: days(data.daysToAcknowledge.average) }),
    ],
    [
      'reports.kpi.daysRes',
      days(data.daysToResolve.median),
      t('reports.kpi.average', { v: days(data.daysToResolve.average) }),
    ],
    ['reports.kpi.escalations', `${data.escalations} / ${data.appeals}`],
    [
      'reports.kpi.satisfaction',
      data.satisfactionAverage === null ? '—' : `${formatNumber(data.satisfactionAverage)} / 5`,
      t('reports.kpi.ratings', { n: data.satisfactionCount }),
    ],
  ];
  return (
    <div className="row g-2 mb-3">
      {items.map(([label, value, note]) => (
        <div key={label} className="col-6 col-md-4 col-xl-2">
          <div className="card card-body report-kpi h-100 py-2">
            <div className="small text-body-secondary">{t(label)}</div>
            <div className="value">{value}</div>
            {note && <div className="small text-body-secondary">{note}</div>}
          </div>
        </div>
      ))}
    </div>
  );
}
