import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { lookup } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { type Job, type JobStatus, jobsApi } from './jobs-api';

const STATUS_CLASS: Record<JobStatus, string> = {
  pending: 'text-bg-secondary',
  running: 'text-bg-primary',
  failed: 'text-bg-danger',
  ok: 'text-bg-success',
};

/** `/admin/jobs`: every background job, its last run, its error if it failed, its next run, and "run now". */
export default function JobsPage() {
  const { t, locale, formatDate } = useI18n();
  const state = useAsync(() => jobsApi.list(), []);
  const [error, setError] = useState<unknown>(null);
  const [requested, setRequested] = useState<Set<string>>(new Set());

  // A module's job without its own label shows its description (English, from the server).
  const nameOf = (job: Job) => lookup(locale, `jobs.name.${job.key}`) ?? job.description;
  const every = (ms: number) => {
    const s = Math.round(ms / 1000);
    if (s < 120) return t('jobs.everySeconds', { n: s });
    if (s < 7200) return t('jobs.everyMinutes', { n: Math.round(s / 60) });
    return t('jobs.everyHours', { n: Math.round(s / 3600) });
  };

  async function run(job: Job) {
    setError(null);
    try {
      const updated = await jobsApi.run(job.key);
      setRequested((keys) => new Set(keys).add(job.key));
      state.setData((state.data ?? []).map((j) => (j.key === job.key ? updated : j)));
    } catch (err) {
      setError(err);
    }
  }

  const columns: Column<Job>[] = [
    {
      key: 'job',
      header: t('jobs.job'),
      render: (j) => (
        <>
          <div>{nameOf(j)}</div>
          <code className="small">{j.key}</code>
        </>
      ),
    },
    { key: 'every', header: t('jobs.every'), render: (j) => every(j.everyMs), className: 'text-nowrap' },
    {
      key: 'status',
      header: t('jobs.status'),
      render: (j) => (
        <>
          <span className={`badge ${STATUS_CLASS[j.status]}`}>{t(`jobs.status.${j.status}`)}</span>
          {j.lastError && <div className="small text-danger-emphasis text-break">{j.lastError}</div>}
        </>
      ),
    },
    {
      key: 'last',
      header: t('jobs.lastRun'),
      render: (j) => formatDate(j.lastFinishedAt ?? j.lastStartedAt),
      className: 'text-nowrap',
    },
    {
      key: 'next',
      header: t('jobs.nextRun'),
      render: (j) => (j.requestedAt ? t('jobs.requested') : formatDate(j.nextRunAt)),
      className: 'text-nowrap',
    },
    { key: 'failures', header: t('jobs.failures'), render: (j) => j.attempts, className: 'text-end' },
    {
      key: 'actions',
      header: t('jobs.actions'),
      render: (j) => (
        <button
          type="button"
          className="btn btn-sm btn-outline-primary text-nowrap"
          aria-label={t('jobs.runLabel', { job: nameOf(j) })}
          disabled={requested.has(j.key) && j.requestedAt !== null}
          onClick={() => run(j)}
        >
          {t('jobs.run')}
        </button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('jobs.title') }]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Card
        title={t('jobs.list')}
        bodyClassName="card-body p-0"
        tools={
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={state.reload}>
            {t('jobs.refresh')}
          </button>
        }
      >
        <p className="px-3 pt-3 small text-body-secondary">{t('jobs.help')}</p>
        <ErrorAlert error={state.error} className="mx-3 mb-3" />
        <DataTable
          columns={columns}
          rows={state.data ?? []}
          rowKey={(j) => j.key}
          caption={t('jobs.list')}
          empty={state.loading ? undefined : t('jobs.empty')}
        />
      </Card>
    </>
  );
}
