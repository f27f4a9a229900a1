import { listReportRuns, type ReportRun } from '../../../api/reports';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { formatSize } from '../../../ui/files';
import { useAsync } from '../../../ui/use-async';

/** Month "2026-10" → "octobre 2026"; quarters stay "2026-Q3" → "T3 2026". */
export function periodLabel(period: string, locale: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${locale === 'fr' ? 'T' : 'Q'}${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The national reports the server generates on schedule (first of the month), to download again. */
export function ReportRunsCard() {
  const { t, locale, formatDate } = useI18n();
  const { data, error, loading } = useAsync(listReportRuns, []);
  const columns: Column<ReportRun>[] = [
    { key: 'period', header: t('runs.period'), render: (r) => periodLabel(r.period, locale) },
    {
      key: 'version',
      header: t('reports.periodic.version'),
      render: (r) => t(r.version === 'public' ? 'reports.periodic.public' : 'reports.periodic.internal'),
    },
    { key: 'area', header: t('runs.area'), render: (r) => r.area?.name ?? t('runs.national') },
    { key: 'generated', header: t('runs.generatedAt'), render: (r) => formatDate(r.generatedAt) },
    {
      key: 'file',
      header: t('runs.file'),
      render: (r) => (
        <a href={r.downloadUrl} download>
          {r.format.toUpperCase()} · {formatSize(r.byteSize, locale)}
        </a>
      ),
    },
  ];
  return (
    <Card title={t('runs.title')}>
      <p className="small text-body-secondary">{t('runs.intro')}</p>
      <ErrorAlert error={error} />
      {loading && <Loading />}
      {data && (
        <DataTable
          columns={columns}
          rows={data.items}
          rowKey={(r) => r.id}
          empty={t('runs.none')}
          caption={t('runs.title')}
        />
      )}
    </Card>
  );
}
