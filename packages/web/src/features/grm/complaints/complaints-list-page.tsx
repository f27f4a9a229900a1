import { formatTrackingCode } from '@coso/domain';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ComplaintFilterQuery, ComplaintListItem } from '../../../api/complaint-types';
import { complaintsExportUrl, listComplaints } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { Icon } from '../../../ui/icons';
import { LoadMore } from '../../../ui/load-more';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useAuth, useMe } from '../../auth/auth-context';
import { handlesCases } from '../home/work-roles';
import { DueDate, SensitiveBadge, StatusBadge } from './badges';
import { BulkBar } from './list/bulk-actions';
import { ComplaintFilters } from './list/complaint-filters';
import { emptyListText } from './list/empty-text';
import { filtersToSearch, listHref, parseFilters, queueOf } from './list/filter-query';
import { SavedFilters } from './list/saved-filters';
import { useReference } from './use-reference';

const TITLES: Record<string, MessageKey> = {
  mine: 'list.title.mine',
  area: 'list.title.area',
  unassigned: 'list.title.unassigned',
  escalated: 'list.title.escalated',
};

/** `/complaints?queue=…&…`: the case lists; the query string holds every filter (bookmarkable). */
export default function ComplaintsListPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const bulk = handlesCases(me.roles);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const reference = useReference();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  const key = filtersToSearch(filters);
  const queue = queueOf(filters);
  const title = t(queue ? (TITLES[queue] ?? 'list.title.all') : 'list.title.all');

  const list = useCursorList((cursor) => listComplaints(filters, cursor), [key]);
  const change = (next: ComplaintFilterQuery) => navigate(listHref(next), { replace: true });
  // A selection belongs to the list it was made in: other filters, other cases.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters' key is the list's identity.
  useEffect(() => setSelected(new Set()), [key]);

  const tick = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectColumn: Column<ComplaintListItem> = {
    key: 'select',
    header: '',
    render: (c) => (
      <input
        type="checkbox"
        className="form-check-input"
        checked={selected.has(c.id)}
        onChange={(e) => tick(c.id, e.target.checked)}
        aria-label={t('bulk.select', { code: formatTrackingCode(c.trackingCode) })}
      />
    ),
  };

  const columns: Column<ComplaintListItem>[] = [
    ...(bulk ? [selectColumn] : []),
    {
      key: 'code',
      header: t('complaint.trackingCode'),
      render: (c) => (
        <>
          <Link href={`/complaints/${c.id}`} className="fw-semibold font-monospace text-nowrap">
            {formatTrackingCode(c.trackingCode)}
          </Link>
          <div className="small text-secondary text-nowrap">{c.reference}</div>
        </>
      ),
    },
    {
      key: 'received',
      header: t('complaint.receivedAt'),
      render: (c) => formatDate(c.receivedAt),
      className: 'text-nowrap',
    },
    { key: 'type', header: t('complaint.type'), render: (c) => reference.label('types', c.type) },
    {
      key: 'category',
      header: t('complaint.category'),
      render: (c) => (
        <>
          {reference.label('categories', c.category)} {c.sensitive && <SensitiveBadge />}
        </>
      ),
    },
    { key: 'village', header: t('complaint.village'), render: (c) => c.village.name },
    { key: 'status', header: t('complaint.status'), render: (c) => <StatusBadge status={c.status} /> },
    {
      key: 'due',
      header: t('complaint.nextDueDate'),
      render: (c) => <DueDate date={c.nextDueDate} format={(d) => formatDate(`${d}T12:00:00Z`, true)} />,
    },
    {
      key: 'assignee',
      header: t('complaint.assignee'),
      render: (c) =>
        c.assignee?.displayName ?? <span className="text-secondary">{t('complaint.unassigned')}</span>,
    },
    {
      key: 'escalations',
      header: t('complaint.escalations'),
      render: (c) => c.escalationCount,
      className: 'text-end',
    },
  ];

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('nav.complaints') }, { label: title }]}
        actions={
          <>
            {can('complaints.create') && (
              <Link href="/complaints/new" className="btn btn-primary">
                {t('nav.complaintNew')}
              </Link>
            )}
            {(['csv', 'xlsx'] as const).map((format) => (
              <a
                key={format}
                href={complaintsExportUrl(format, filters)}
                className="btn btn-outline-secondary d-inline-flex align-items-center gap-1"
                download
              >
                <Icon name="download" size={16} />
                {t('list.export', { format: format.toUpperCase() })}
              </a>
            ))}
          </>
        }
      />
      <div className="row">
        <div className="col-xxl-9">
          <Card title={t('list.results')} bodyClassName="card-body p-0">
            <ComplaintFilters filters={filters} onChange={change} />
            {bulk && (
              <BulkBar rows={list.items} selected={selected} onSelect={setSelected} onDone={list.reload} />
            )}
            <DataTable
              columns={columns}
              rows={list.items}
              rowKey={(c) => c.id}
              empty={list.loading || list.error ? undefined : emptyListText(me.roles, filters, t)}
              caption={title}
            />
            <div className="px-3 pb-3">
              <LoadMore list={list} />
            </div>
          </Card>
        </div>
        <div className="col-xxl-3">
          <SavedFilters filters={filters} onApply={(query) => navigate(listHref(query))} />
        </div>
      </div>
    </>
  );
}
