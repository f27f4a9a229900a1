import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { unreadCount } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n-context';
import { Icon } from '../../ui/icons';

const POLL_MS = 60_000;

/** Listeners told when notifications were read on the page, so the count drops at once. */
const listeners = new Set<() => void>();
export const notificationsChanged = () => {
  for (const l of listeners) l();
};

/** The top-bar link to the notification centre, with the unread count (polled each minute and on focus). */
export function NotificationBell() {
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  const [location] = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-count when the user moves between pages.
  useEffect(() => {
    let current = true;
    const refresh = () =>
      unreadCount().then(
        (n) => current && setCount(n),
        () => undefined, // A failed count keeps the last one; the page itself shows errors.
      );
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    listeners.add(refresh);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      listeners.delete(refresh);
    };
  }, [location]);

  const label = count ? t('notifications.unreadLabel', { n: count }) : t('notifications.title');
  return (
    <Link href="/notifications" className="btn btn-link nav-link position-relative px-2" title={label}>
      <Icon name="bell" />
      {count > 0 && (
        <span className="position-absolute top-0 start-100 translate-middle badge rounded-pill text-bg-danger">
          {count > 99 ? '99+' : count}
        </span>
      )}
      <span className="visually-hidden">{label}</span>
    </Link>
  );
}
