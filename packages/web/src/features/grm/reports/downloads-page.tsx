import { useState } from 'react';
import { analystExportUrl, type ExportFormat } from '../../../api/reports';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { Icon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/page-header';
import { useReference } from '../complaints/use-reference';
import { BackgroundExportButton, ExportJobsCard, useExportJobs } from './export-jobs';
import { PeriodicReportCard } from './periodic-card';
import { ReportFilters } from './report-filters';
import { reportQueryString, withQuery } from './report-query';
import { ReportRunsCard } from './report-runs';
import { useReportQuery } from './use-report-query';
import './reports.css';

const DATASETS = ['analyst', 'analyst_events'] as const;
const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/**
 * `/reports/downloads`: the periodic reports (on demand and scheduled) and the analysts' dataset, streamed
 * at once or prepared in the background for large extracts.
 */
export default function DownloadsPage() {
  const { t } = useI18n();
  const reference = useReference();
  const { filters, setFilters } = useReportQuery('/reports/downloads');
  const jobs = useExportJobs();
  const [queueError, setQueueError] = useState<unknown>(null);
  const asRecord = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  return (
    <>
      <PageHeader
        title={t('downloads.title')}
        crumbs={[
          { label: t('reports.dashboard'), href: withQuery('/reports', reportQueryString(filters)) },
          { label: t('downloads.title') },
        ]}
      />
      <ReportFilters value={filters} onChange={setFilters} reference={reference} />
      <PeriodicReportCard area={filters.area} />
      <Card title={t('downloads.dataset.title')}>
        <p className="small">{t('downloads.dataset.intro')}</p>
        <ErrorAlert error={queueError} />
        {DATASETS.map((kind) => (
          <div key={kind} className="d-flex flex-wrap align-items-center gap-2 mb-2">
            <span className="fw-semibold me-2 dataset-name">{t(`exports.kind.${kind}`)}</span>
            {FORMATS.map((format) => (
              <a
                key={format}
                className="btn btn-sm btn-primary d-inline-flex align-items-center gap-1"
                href={analystExportUrl(kind, format, filters)}
                download
              >
                <Icon name="download" size={16} />
                {t('downloads.format', { format: format.toUpperCase() })}
              </a>
            ))}
            {FORMATS.map((format) => (
              <BackgroundExportButton
                key={format}
                kind={kind}
                format={format}
                filters={asRecord}
                label={t('downloads.background', { format: format.toUpperCase() })}
                onQueued={jobs.reload}
                onError={setQueueError}
              />
            ))}
          </div>
        ))}
        <p className="small text-body-secondary mb-0">{t('downloads.dataset.privacy')}</p>
      </Card>
      <ExportJobsCard jobs={jobs} />
      <ReportRunsCard />
    </>
  );
}
