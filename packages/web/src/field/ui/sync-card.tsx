import type { SyncReport } from '@coso/domain';
import { useState } from 'react';
import { Link } from 'wouter';
import { useField, useOnline, useSyncStatus } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Icon } from './icons';
import { PullProgressView } from './pull-progress';

/** What waits on the phone, when it last reached the server, the last problem, and "sync now". */
export function SyncCard({ details = false }: { details?: boolean }) {
  const { t, formatDate, locale } = useT();
  const { syncNow } = useField();
  const status = useSyncStatus();
  const online = useOnline();
  const [report, setReport] = useState<SyncReport | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setReport(null);
    try {
      setReport(await syncNow());
    } finally {
      setRunning(false);
    }
  }

  const syncing = running || status?.syncing === true;
  const waiting = (status?.pendingMutations ?? 0) + (status?.pendingFiles ?? 0);
  const failed = status?.failed.length ?? 0;
  const kb = (bytes: number) => t('unit.kb', { n: Math.round(bytes / 1024) });

  return (
    <section className="card field-card mb-3" aria-labelledby="sync-card-title">
      <div className="card-body">
        <h2 id="sync-card-title" className="h5 d-flex align-items-center gap-2">
          <Icon name="sync" /> {t('sync.title')}
        </h2>
        <ul className="list-unstyled mb-3" aria-live="polite">
          {!online && (
            <li className="text-warning-emphasis fw-semibold">
              <Icon name="offline" size={18} /> {t('sync.offline')}
            </li>
          )}
          {status && waiting === 0 && failed === 0 && <li>{t('sync.upToDate')}</li>}
          {(status?.pendingMutations ?? 0) > 0 && (
            <li>{t('sync.changes', { n: status!.pendingMutations })}</li>
          )}
          {(status?.pendingFiles ?? 0) > 0 && (
            <li>
              {t('sync.files', {
                n: status!.pendingFiles,
                sent: kb(status!.uploadedBytes),
                total: kb(status!.totalBytes),
              })}
            </li>
          )}
          {failed > 0 && <li className="text-danger fw-semibold">{t('sync.failed', { n: failed })}</li>}
          <li className="text-body-secondary">
            {status?.lastSuccessAt
              ? t('sync.lastSuccess', { at: formatDate(status.lastSuccessAt) })
              : t('sync.never')}
          </li>
          {details && status?.lastAttemptAt && (
            <li className="text-body-secondary">
              {t('sync.lastAttempt', { at: formatDate(status.lastAttemptAt) })}
            </li>
          )}
          {details && status && (
            <li className="text-body-secondary">{t('sync.codes', { n: status.reservedCodes })}</li>
          )}
        </ul>
        {status?.pull && <PullProgressView progress={status.pull} t={t} locale={locale} />}
        {status?.lastError && (
          <div className="alert alert-danger" role="alert">
            {t('sync.error', { message: status.lastError })}
          </div>
        )}
        {report && !syncing && <ReportLine report={report} />}
        <button
          type="button"
          className="btn btn-primary btn-lg w-100 d-flex align-items-center justify-content-center gap-2"
          onClick={run}
          disabled={syncing}
          data-testid="sync-now"
        >
          <Icon name="sync" className={syncing ? 'spin' : undefined} />
          {syncing ? t('sync.running') : t('sync.now')}
        </button>
        {!details && (waiting > 0 || failed > 0) && (
          <Link href="/sync" className="btn btn-link btn-lg w-100 mt-1">
            {t('sync.details')}
          </Link>
        )}
      </div>
    </section>
  );
}

function ReportLine({ report }: { report: SyncReport }) {
  const { t } = useT();
  if (report.ok) {
    return (
      <div className="alert alert-success" role="status">
        {t('sync.done', { pushed: report.pushed, pulled: report.pulled })}
      </div>
    );
  }
  // Offline is not a failure to alarm anyone with; other errors already show through lastError.
  if (report.error?.kind === 'offline') {
    return (
      <div className="alert alert-warning" role="status">
        {t('sync.noNetwork')}
      </div>
    );
  }
  return null;
}
