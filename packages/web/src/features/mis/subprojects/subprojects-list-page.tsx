import { formatFcfa } from '@coso/domain';
import { useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useI18n } from '../../../i18n/i18n-context';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { Icon } from '../../../ui/icons';
import { LoadMore } from '../../../ui/load-more';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useAuth } from '../../auth/auth-context';
import { parseSubprojectFilters, subprojectFiltersToSearch } from './list-query';
import { misApi, type SubprojectQuery, type SubprojectSummary } from './mis-api';
import { ProgressBar, StatusBadge } from './status-badge';
import { SubprojectFilters } from './subproject-filters';
import { useMisReference } from './use-mis-reference';

/** `/mis/subprojects`: the sub-projects in the caller's areas, newest change first, filtered and paged. */
export default function SubprojectsListPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { label } = useMisReference();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseSubprojectFilters(search), [search]);
  const key = subprojectFiltersToSearch(filters);
  const list = useCursorList((cursor) => misApi.list(filters, cursor), [key]);
  const change = (next: SubprojectQuery) => {
    const qs = subprojectFiltersToSearch(next);
    navigate(qs ? `/mis/subprojects?${qs}` : '/mis/subprojects', { replace: true });
  };
  const fcfa = (n: number) => formatFcfa(n, locale);

  const columns: Column<SubprojectSummary>[] = [
    {
      key: 'title',
      header: t('mis.list.title'),
      render: (s) => (
        <>
          <Link href={`/mis/subprojects/${s.id}`}>{s.title}</Link>
          <div className="small text-body-secondary">
            <code>{s.code}</code> · {label('components', s.component)}
          </div>
        </>
      ),
    },
    {
      key: 'place',
      header: t('mis.list.place'),
      render: (s) => (
        <>
          {s.unit.name}
          <div className="small text-body-secondary">{[...s.areaNames].reverse().join(', ')}</div>
        </>
      ),
    },
    {
      key: 'type',
      header: t('mis.list.sectorType'),
      render: (s) => (
        <>
          {label('types', s.type)}
          <div className="small text-body-secondary">{label('sectors', s.sector)}</div>
        </>
      ),
    },
    { key: 'status', header: t('mis.list.status'), render: (s) => <StatusBadge status={s.status} /> },
    {
      key: 'progress',
      header: t('mis.list.progress'),
      render: (s) => <ProgressBar percent={s.progressPercent} />,
    },
    {
      key: 'cost',
      header: t('mis.list.cost'),
      render: (s) => fcfa(s.estimatedCost),
      className: 'text-end text-nowrap',
    },
    {
      key: 'spent',
      header: t('mis.list.spent'),
      render: (s) => fcfa(s.amountSpent),
      className: 'text-end text-nowrap',
    },
  ];

  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title={t('mis.subprojects')}
        crumbs={[{ label: t('nav.mis') }, { label: t('mis.subprojects') }]}
        actions={
          <>
            {can('mis.manage') && (
              <Link href="/mis/subprojects/new" className="btn btn-primary">
                {t('mis.subprojectNew')}
              </Link>
            )}
            {(['csv', 'xlsx'] as const).map((format) => (
              <a
                key={format}
                href={misApi.exportUrl(format, filters)}
                className="btn btn-outline-secondary d-inline-flex align-items-center gap-1"
                download
              >
                <Icon name="download" size={16} />
                {t('mis.list.download', { format: format.toUpperCase() })}
              </a>
            ))}
          </>
        }
      />
      <Card title={t('mis.subprojects')} bodyClassName="card-body p-0">
        <SubprojectFilters filters={filters} onChange={change} />
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(s) => s.id}
          caption={t('mis.subprojects')}
          empty={list.loading ? undefined : t(filtered ? 'mis.list.empty' : 'mis.list.emptyNone')}
          rowTestId={(s) => `subproject-${s.code}`}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
    </>
  );
}
