import { useState } from 'react';
import { Link } from 'wouter';
import { listOutbox, type OutboxRow, type OutboxStatus, retryOutbox } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/form-fields';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];
const STATUS_CLASS: Record<OutboxStatus, string> = {
  pending: 'text-bg-info',
  sending: 'text-bg-primary',
  sent: 'text-bg-success',
  failed: 'text-bg-danger',
  skipped: 'text-bg-secondary',
};

/** `/admin/notification-outbox`: every message queued, its delivery status, and a retry for failed ones. */
export default function OutboxPage() {
  const { t, formatDate } = useI18n();
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const [error, setError] = useState<unknown>(null);
  const list = useCursorList((cursor) => listOutbox({ status, channel, cursor }), [status, channel]);

  async function retry(row: OutboxRow) {
    setError(null);
    try {
      await retryOutbox(row.id);
      list.setItems((items) =>
        items.map((i) => (i.id === row.id ? { ...i, status: 'pending', lastError: null } : i)),
      );
    } catch (err) {
      setError(err);
    }
  }

  const columns: Column<OutboxRow>[] = [
    {
      key: 'created',
      header: t('outbox.createdAt'),
      render: (r) => formatDate(r.createdAt),
      className: 'text-nowrap',
    },
    {
      key: 'topic',
      header: t('outbox.topic'),
      render: (r) => t(`topic.${r.topic}` as 'topic.case_assigned'),
    },
    { key: 'channel', header: t('outbox.channel'), render: (r) => t(`notifyChannel.${r.channel}`) },
    {
      key: 'recipient',
      header: t('outbox.recipient'),
      render: (r) => t(`outbox.recipient.${r.recipientKind}`),
    },
    {
      key: 'case',
      header: t('outbox.case'),
      render: (r) =>
        r.complaintId ? (
          <Link href={`/complaints/${r.complaintId}`}>{r.complaintReference ?? '…'}</Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      header: t('outbox.status'),
      render: (r) => (
        <>
          <span className={`badge ${STATUS_CLASS[r.status]}`}>{t(`outbox.status.${r.status}`)}</span>
          {r.lastError && <div className="small text-secondary text-break">{r.lastError}</div>}
        </>
      ),
    },
    { key: 'attempts', header: t('outbox.attempts'), render: (r) => r.attempts, className: 'text-end' },
    {
      key: 'sent',
      header: t('outbox.sentAt'),
      render: (r) => formatDate(r.sentAt),
      className: 'text-nowrap',
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) =>
        (r.status === 'failed' || r.status === 'skipped') && (
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => retry(r)}>
            {t('outbox.retry')}
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('outbox.title') }]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Card title={t('outbox.list')} bodyClassName="card-body p-0">
        <div className="row g-2 p-3 border-bottom">
          <div className="col-sm-6 col-lg-3">
            <SelectField
              id="outbox-status"
              label={t('outbox.status')}
              value={status}
              onChange={setStatus}
              options={[
                { value: '', label: t('common.all') },
                ...STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) })),
              ]}
              className=""
            />
          </div>
          <div className="col-sm-6 col-lg-3">
            <SelectField
              id="outbox-channel"
              label={t('outbox.channel')}
              value={channel}
              onChange={setChannel}
              options={[
                { value: '', label: t('common.all') },
                ...(['in_app', 'email', 'sms'] as const).map((c) => ({
                  value: c,
                  label: t(`notifyChannel.${c}`),
                })),
              ]}
              className=""
            />
          </div>
        </div>
        {list.error ? <ErrorAlert error={list.error} className="m-3" /> : null}
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(r) => String(r.id)}
          caption={t('outbox.list')}
          empty={list.loading ? undefined : t('outbox.empty')}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
    </>
  );
}
