import { listReportRuns } from '../../api/reports';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { useAsync } from '../../ui/use-async';
import { formatSize } from '../complaints/intake/files-section';

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
  return (
    <Card title={t('runs.title')}>
      <p className="small text-body-secondary">{t('runs.intro')}</p>
      <ErrorAlert error={error} />
      {loading && <Loading />}
      {data && data.items.length === 0 && <p className="text-body-secondary mb-0">{t('runs.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm align-middle mb-0">
            <thead>
              <tr>
                <th scope="col">{t('runs.period')}</th>
                <th scope="col">{t('reports.periodic.version')}</th>
                <th scope="col">{t('runs.area')}</th>
                <th scope="col">{t('runs.generatedAt')}</th>
                <th scope="col">{t('runs.file')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id}>
                  <td>{periodLabel(r.period, locale)}</td>
                  <td>
                    {t(r.version === 'public' ? 'reports.periodic.public' : 'reports.periodic.internal')}
                  </td>
                  <td>{r.area?.name ?? t('runs.national')}</td>
                  <td>{formatDate(r.generatedAt)}</td>
                  <td>
                    <a href={r.downloadUrl} download>
                      {r.format.toUpperCase()} · {formatSize(r.byteSize, locale)}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
