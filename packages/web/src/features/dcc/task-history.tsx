import { Link } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import type { EarlierResult, TaskEvent } from './dcc-api';
import { TaskStatusBadge } from './status-badges';

/** Every action on the task, newest first, with the reviewer's comments. */
export function TaskHistory({ events }: { events: TaskEvent[] }) {
  const { t, formatDate } = useI18n();
  if (events.length === 0) return <p className="text-body-secondary mb-0">{t('dcc.history.none')}</p>;
  const ordered = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.version - a.version);
  return (
    <ol className="list-unstyled mb-0">
      {ordered.map((e) => (
        <li key={String(e.id)} className="border-start border-3 ps-3 pb-3">
          <div className="fw-semibold">{t(`dcc.event.${e.kind}`)}</div>
          <div className="small text-body-secondary">
            {formatDate(e.at)}
            {e.actor?.displayName && ` · ${e.actor.displayName}`} ·{' '}
            {t('dcc.history.version', { n: e.version })}
          </div>
          {e.comment && <blockquote className="mb-0 mt-1 small fst-italic">« {e.comment} »</blockquote>}
        </li>
      ))}
    </ol>
  );
}

/** The same village's results for this task in earlier cycles. */
export function EarlierResults({ results }: { results: EarlierResult[] }) {
  const { t, formatDate } = useI18n();
  if (results.length === 0) return <p className="text-body-secondary mb-0">{t('dcc.earlier.none')}</p>;
  return (
    <ul className="list-group">
      {results.map((r) => (
        <li key={r.id} className="list-group-item d-flex flex-wrap gap-2 align-items-center">
          <Link href={`/dcc/tasks/${r.id}`} className="me-auto">
            {r.cycleName}
          </Link>
          <TaskStatusBadge status={r.status} />
          {r.reviewedAt && (
            <span className="small text-body-secondary">{formatDate(r.reviewedAt, true)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
