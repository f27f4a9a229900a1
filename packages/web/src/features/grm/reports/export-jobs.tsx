import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import {
  type ExportFormat,
  type ExportJob,
  type ExportKind,
  listExports,
  requestExport,
} from '../../../api/reports';
import type { MessageKey } from '../../../i18n/fr';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { errorText } from '../../../ui/errors';
import { formatSize } from '../../../ui/files';
import { useAsync } from '../../../ui/use-async';

/** How often the list is asked again while an export is waiting or running (the worker polls every 3 s). */
const POLL_MS = 3000;

const active = (j: ExportJob) => j.status === 'queued' || j.status === 'running';

/** The user's background exports, polled while one of them is not finished. */
export function useExportJobs() {
  const jobs = useAsync(listExports, []);
  const { reload } = jobs;
  const waiting = jobs.data?.items.some(active) ?? false;
  useEffect(() => {
    if (!waiting || jobs.loading) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, jobs.loading, reload]);
  return jobs;
}

/** Queues one export with the page's filters; the jobs list below then shows its progress. */
export function BackgroundExportButton(props: {
  kind: ExportKind;
  format: ExportFormat;
  filters: Record<string, string>;
  label: string;
  onQueued: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const queue = async () => {
    setBusy(true);
    props.onError(null);
    try {
      await requestExport({ kind: props.kind, format: props.format, filters: props.filters });
      props.onQueued();
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn-sm btn-outline-secondary"
      disabled={busy}
      onClick={queue}
      title={t('exports.backgroundHelp')}
    >
      {props.label}
    </button>
  );
}

const STATUS_CLASS: Record<ExportJob['status'], string> = {
  queued: 'text-bg-secondary',
  running: 'text-bg-info',
  done: 'text-bg-success',
  failed: 'text-bg-danger',
  expired: 'text-bg-light',
};

/** "Mes exports en arrière-plan": status, rows, size, expiry and the download link of each job. */
export function ExportJobsCard({ jobs }: { jobs: ReturnType<typeof useExportJobs> }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const columns: Column<ExportJob>[] = [
    { key: 'requested', header: t('exports.jobs.requested'), render: (j) => formatDate(j.createdAt) },
    {
      key: 'kind',
      header: t('exports.jobs.kind'),
      render: (j) => `${t(`exports.kind.${j.kind}` as MessageKey)} (${j.format.toUpperCase()})`,
    },
    {
      key: 'status',
      header: t('exports.jobs.status'),
      render: (j) => (
        <>
          <span className={`badge ${STATUS_CLASS[j.status]}`}>
            {t(`exports.status.${j.status}` as MessageKey)}
          </span>
          {j.status === 'failed' && j.errorCode && (
            <div className="small text-danger">
              {errorText(new ApiError(0, j.errorCode, j.errorCode), locale, t)}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'rows',
      header: t('exports.jobs.rows'),
      render: (j) => (j.rowCount === null ? '—' : formatNumber(j.rowCount)),
    },
    {
      key: 'file',
      header: t('exports.jobs.file'),
      render: (j) =>
        j.downloadUrl ? (
          <>
            <a href={j.downloadUrl} download>
              {t('exports.jobs.download', { size: formatSize(j.byteSize ?? 0, locale) })}
            </a>
            {j.expiresAt && (
              <div className="small text-body-secondary">
                {t('exports.jobs.expires', { at: formatDate(j.expiresAt) })}
              </div>
            )}
          </>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card title={t('exports.jobs.title')}>
      <ErrorAlert error={jobs.error} />
      {jobs.loading && !jobs.data && <Loading />}
      {jobs.data && (
        <DataTable
          columns={columns}
          rows={jobs.data.items}
          rowKey={(j) => j.id}
          rowTestId={(j) => `export-job-${j.status}`}
          empty={t('exports.jobs.none')}
          caption={t('exports.jobs.title')}
        />
      )}
    </Card>
  );
}
