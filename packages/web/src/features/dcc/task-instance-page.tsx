import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, Loading, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { useAuth } from '../auth/auth-context';
import { dccApi } from './dcc-api';
import { ReviewActions } from './review-actions';
import { TaskStatusBadge } from './status-badges';
import { TaskAnswers } from './task-answers';
import { TaskFiles } from './task-files';
import { EarlierResults, TaskHistory } from './task-history';
import { UnitName } from './village-link';

/** `/dcc/tasks/:id`: one task instance — answers, attachments, history, earlier results — and its review. */
export default function TaskInstancePage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const state = useAsync(() => dccApi.instance(id), [id]);
  const [notice, setNotice] = useState<'validate' | 'return' | 'conflict' | null>(null);
  const i = state.data;
  if (!i) return state.error ? <ErrorAlert error={state.error} /> : <Loading />;
  const title = i.task.name;

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('nav.dcc') }, { label: t('dcc.review'), href: '/dcc/review' }, { label: title }]}
      />
      {notice === 'conflict' && <InfoAlert>{t('dcc.review.conflict')}</InfoAlert>}
      {notice === 'validate' && <SuccessAlert>{t('dcc.review.validated')}</SuccessAlert>}
      {notice === 'return' && <SuccessAlert>{t('dcc.review.returned')}</SuccessAlert>}
      <div className="row">
        <div className="col-xl-8">
          <Card title={t('dcc.task.summary')}>
            <dl className="row mb-3">
              <dt className="col-sm-4">{t('dcc.queue.unit')}</dt>
              <dd className="col-sm-8">
                <UnitName unitId={i.unitId} level={i.level} name={i.unitName} />
              </dd>
              <dt className="col-sm-4">{t('dcc.queue.phase')}</dt>
              <dd className="col-sm-8">{i.phaseName ?? '—'}</dd>
              <dt className="col-sm-4">{t('dcc.task.code')}</dt>
              <dd className="col-sm-8">
                <code>{i.task.code}</code> · {t(`dcc.level.${i.task.level}`)}
              </dd>
              <dt className="col-sm-4">{t('dcc.cycle.status')}</dt>
              <dd className="col-sm-8">
                <TaskStatusBadge status={i.status} />{' '}
                <span className="small text-body-secondary">
                  {t('dcc.history.version', { n: i.version })}
                </span>
              </dd>
              <dt className="col-sm-4">{t('dcc.queue.facilitator')}</dt>
              <dd className="col-sm-8">{i.facilitator?.displayName ?? '—'}</dd>
              <dt className="col-sm-4">{t('dcc.queue.submittedAt')}</dt>
              <dd className="col-sm-8">{formatDate(i.submittedAt)}</dd>
            </dl>
            {i.status === 'returned' && i.returnComment && (
              <div className="alert alert-warning mb-3">
                <strong>{t('dcc.review.returnComment')}</strong> {i.returnComment}
              </div>
            )}
            {i.status === 'submitted' && can('dcc.review') && (
              <ReviewActions
                instance={i}
                onReviewed={(d) => {
                  setNotice(d);
                  state.reload();
                }}
                onConflict={() => {
                  setNotice('conflict');
                  state.reload();
                }}
              />
            )}
          </Card>
          <Card title={t('dcc.answers.title')}>
            <TaskAnswers
              instanceId={i.id}
              formVersionId={i.formVersionId}
              answers={i.answers}
              files={i.files}
            />
          </Card>
          <Card title={t('dcc.files.title')}>
            <TaskFiles instanceId={i.id} task={i.task} files={i.files} />
          </Card>
        </div>
        <div className="col-xl-4">
          <Card title={t('dcc.history.title')}>
            <TaskHistory events={i.events} />
          </Card>
          <Card title={t('dcc.earlier.title')}>
            <EarlierResults results={i.earlier} />
          </Card>
        </div>
      </div>
    </>
  );
}
