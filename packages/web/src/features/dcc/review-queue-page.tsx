import { useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import { dccApi, type TaskInstanceItem } from './dcc-api';
import { ReviewFiltersCard } from './review-filters';
import {
  ageInDays,
  parseReviewFilters,
  queueQuery,
  type ReviewFilters,
  reviewFiltersToSearch,
} from './review-query';
import { UnitName } from './village-link';

/** `/dcc/review`: submitted tasks waiting for a specialist, oldest first, filtered and paged ("Charger plus"). */
export default function ReviewQueuePage() {
  const { t, formatDate } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseReviewFilters(search), [search]);
  const key = reviewFiltersToSearch(filters);
  const list = useCursorList((cursor) => dccApi.instances(queueQuery(filters, new Date()), cursor), [key]);
  const change = (next: ReviewFilters) => {
    const qs = reviewFiltersToSearch(next);
    navigate(qs ? `/dcc/review?${qs}` : '/dcc/review', { replace: true });
  };
  const now = new Date();

  const columns: Column<TaskInstanceItem>[] = [
    {
      key: 'task',
      header: t('dcc.queue.task'),
      render: (i) => (
        <>
          <Link href={`/dcc/tasks/${i.id}`}>{i.taskName ?? i.taskId}</Link>
          {i.taskCode && <code className="ms-2 small">{i.taskCode}</code>}
          {i.phaseName && <div className="small text-body-secondary">{i.phaseName}</div>}
        </>
      ),
    },
    {
      key: 'unit',
      header: t('dcc.queue.unit'),
      render: (i) => <UnitName unitId={i.unitId} level={i.level} name={i.unitName} />,
    },
    {
      key: 'facilitator',
      header: t('dcc.queue.facilitator'),
      render: (i) => i.facilitator?.displayName ?? '—',
    },
    {
      key: 'submitted',
      header: t('dcc.queue.submittedAt'),
      render: (i) => formatDate(i.submittedAt),
      className: 'text-nowrap',
    },
    {
      key: 'age',
      header: t('dcc.queue.age'),
      render: (i) => {
        const days = ageInDays(i.submittedAt, now);
        return days === null ? '—' : t('dcc.queue.days', { n: days });
      },
      className: 'text-nowrap text-end',
    },
  ];

  return (
    <>
      <PageHeader title={t('dcc.review')} crumbs={[{ label: t('nav.dcc') }, { label: t('dcc.review') }]} />
      <ReviewFiltersCard filters={filters} onChange={change} />
      <Card title={t('dcc.queue.list')} bodyClassName="card-body p-0">
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(i) => i.id}
          caption={t('dcc.queue.list')}
          empty={list.loading ? undefined : t('dcc.queue.empty')}
          rowTestId={(i) => `queue-${i.id}`}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
    </>
  );
}
