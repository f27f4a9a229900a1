import { useState } from 'react';
import { Link } from 'wouter';
import { type AppNotification, listNotifications, markAllRead, markRead } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { CheckboxField } from '../../ui/form-fields';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import { notificationsChanged } from './notification-bell';

/** `/notifications`: the staff member's notification centre (assignments, reminders, breaches, comments). */
export default function NotificationsPage() {
  const { t, formatDate } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useCursorList(
    (cursor) => listNotifications({ unread: unreadOnly, cursor, limit: 30 }),
    [unreadOnly],
  );

  async function read(n: AppNotification) {
    if (n.readAt) return;
    try {
      await markRead(n.id);
      list.setItems((items) =>
        items.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i)),
      );
      notificationsChanged();
    } catch (err) {
      setError(err);
    }
  }

  async function readAll() {
    try {
      await markAllRead();
      list.reload();
      notificationsChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        crumbs={[{ label: t('notifications.title') }]}
        actions={
          <button type="button" className="btn btn-outline-primary" onClick={readAll}>
            {t('notifications.readAll')}
          </button>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Card title={t('notifications.list')}>
        <CheckboxField
          id="notifications-unread"
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={setUnreadOnly}
        />
        {list.error ? <ErrorAlert error={list.error} /> : null}
        {!list.loading && !list.error && list.items.length === 0 && (
          <p className="text-secondary mb-0">{t('notifications.empty')}</p>
        )}
        <ul className="list-group list-group-flush">
          {list.items.map((n) => (
            <li key={n.id} className={`list-group-item px-0 ${n.readAt ? '' : 'fw-semibold'}`}>
              <div className="d-flex flex-wrap gap-2 align-items-baseline">
                {!n.readAt && <span className="badge text-bg-primary">{t('notifications.new')}</span>}
                <span className="me-auto">{n.title}</span>
                <span className="small text-secondary">{formatDate(n.createdAt)}</span>
              </div>
              <p className="mb-1 fw-normal">{n.body}</p>
              <div className="d-flex gap-2">
                {n.complaintId && (
                  <Link
                    href={`/complaints/${n.complaintId}`}
                    className="btn btn-sm btn-link px-0"
                    onClick={() => read(n)}
                  >
                    {t('notifications.openCase')}
                  </Link>
                )}
                {!n.readAt && (
                  <button type="button" className="btn btn-sm btn-link" onClick={() => read(n)}>
                    {t('notifications.markRead')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        <LoadMore list={list} />
      </Card>
    </>
  );
}
