import { useState } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { dccApi, type VillageCycle, type VillageEvent, type VillageFile, type VillageTask } from './dcc-api';
import { CycleStatusBadge, TaskStatusBadge } from './status-badges';

/** The parts of a village's file (village-file-page.tsx): one cycle's facilitators and tasks, the timeline. */

function TaskFileLinks({ task }: { task: VillageTask }) {
  const { t } = useI18n();
  if (task.files.length === 0) return <span className="text-body-secondary">—</span>;
  return (
    <ul className="list-unstyled mb-0 small">
      {task.files.map((f) => (
        <li key={f.uploadId}>
          <a href={dccApi.fileUrl(task.id, f.uploadId)} target="_blank" rel="noreferrer">
            {f.filename ?? t('dcc.answers.openFile')}
          </a>{' '}
          <span className="text-body-secondary">({f.slot})</span>
        </li>
      ))}
    </ul>
  );
}

export function CycleSection({ cycle }: { cycle: VillageCycle }) {
  const { t, formatDate } = useI18n();
  return (
    <Card
      title={t('dcc.village.cycle', { name: cycle.name, year: cycle.year })}
      tools={<CycleStatusBadge status={cycle.status} />}
      className="village-file-cycle"
      bodyClassName="card-body p-0"
    >
      <div className="px-3 pt-3">
        <h3 className="h6">{t('dcc.village.facilitators')}</h3>
        {cycle.assignments.length === 0 ? (
          <p className="text-body-secondary small">{t('dcc.village.noFacilitator')}</p>
        ) : (
          <ul className="small">
            {cycle.assignments.map((a) => (
              <li key={a.id}>
                <span className="fw-semibold">{a.facilitator.displayName ?? a.facilitator.id}</span>{' '}
                {a.active
                  ? t('dcc.village.since', { date: formatDate(a.assignedAt, true) })
                  : t('dcc.village.between', {
                      from: formatDate(a.assignedAt, true),
                      to: formatDate(a.endedAt, true),
                    })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable, as WCAG asks. */}
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-sm align-middle mb-0">
          <caption className="visually-hidden">{t('dcc.village.tasks', { name: cycle.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dcc.queue.phase')}</th>
              <th scope="col">{t('dcc.queue.task')}</th>
              <th scope="col">{t('dcc.village.level')}</th>
              <th scope="col">{t('dcc.cycle.status')}</th>
              <th scope="col">{t('dcc.village.done')}</th>
              <th scope="col">{t('dcc.files.title')}</th>
            </tr>
          </thead>
          <tbody>
            {cycle.tasks.map((task) => (
              <tr key={task.id}>
                <td className="small">
                  {task.phaseName}
                  <div className="text-body-secondary">{task.activityName}</div>
                </td>
                <td>
                  <Link href={`/dcc/tasks/${task.id}`}>{task.taskName}</Link>{' '}
                  <code className="small">{task.taskCode}</code>
                  {task.answerCount > 0 && (
                    <div className="small text-body-secondary">
                      {t('dcc.village.answers', { n: task.answerCount })}
                    </div>
                  )}
                </td>
                <td className="small">
                  {t(`dcc.level.${task.level}`)}
                  {task.level !== 'village' && task.unitName && <div>{task.unitName}</div>}
                </td>
                <td>
                  <TaskStatusBadge status={task.status} />
                </td>
                <td className="small">
                  {task.submittedAt ? formatDate(task.submittedAt, true) : '—'}
                  {task.submittedBy?.displayName && <div>{task.submittedBy.displayName}</div>}
                  {task.reviewedAt && (
                    <div className="text-body-secondary">
                      {t('dcc.village.reviewed', { date: formatDate(task.reviewedAt, true) })}
                    </div>
                  )}
                </td>
                <td>
                  <TaskFileLinks task={task} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** The events of every task of the file, newest first; older ones page by page. */
export function VillageTimeline({ villageId, first }: { villageId: string; first: VillageFile['timeline'] }) {
  const { t, formatDate } = useI18n();
  const [events, setEvents] = useState<VillageEvent[]>(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const more = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await dccApi.villageFile(villageId, cursor);
      setEvents((e) => [...e, ...next.timeline.items]);
      setCursor(next.timeline.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('dcc.village.timeline')} className="village-file-timeline">
      {events.length === 0 && <p className="text-body-secondary mb-0">{t('dcc.history.none')}</p>}
      <ol className="list-unstyled mb-0">
        {events.map((e) => (
          <li key={e.id} className="border-start border-3 ps-3 pb-3">
            <div>
              <span className="fw-semibold">{t(`dcc.event.${e.kind}`)}</span> ·{' '}
              <Link href={`/dcc/tasks/${e.instanceId}`}>{e.taskName}</Link>
            </div>
            <div className="small text-body-secondary">
              {formatDate(e.at)}
              {e.actor?.displayName && ` · ${e.actor.displayName}`}
            </div>
            {e.comment && <blockquote className="mb-0 mt-1 small fst-italic">« {e.comment} »</blockquote>}
          </li>
        ))}
      </ol>
      <ErrorAlert error={error} className="mt-2" />
      {cursor && (
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm d-print-none"
          onClick={more}
          disabled={busy}
        >
          {t('dcc.village.more')}
        </button>
      )}
    </Card>
  );
}
