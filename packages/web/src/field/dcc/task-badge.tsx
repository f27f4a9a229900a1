import type { TaskStatus } from '@coso/domain';
import { useT } from '../i18n/i18n';

// Text colours on these backgrounds keep 4.5:1 (Bootstrap's text-bg-* pairs).
const TONE: Record<TaskStatus, string> = {
  todo: 'text-bg-light border',
  draft: 'text-bg-info',
  submitted: 'text-bg-primary',
  validated: 'text-bg-success',
  returned: 'text-bg-danger',
};

/** à faire, brouillon, envoyé, validé, renvoyé — plus "waiting to be sent" while the outbox holds a change. */
export function TaskBadge({ status, pending }: { status: TaskStatus; pending?: boolean }) {
  const { t } = useT();
  return (
    <span className="d-inline-flex flex-wrap gap-1">
      <span className={`badge ${TONE[status]}`} data-status={status}>
        {t(`dcc.status.${status}`)}
      </span>
      {pending && <span className="badge text-bg-warning">{t('dcc.pending')}</span>}
    </span>
  );
}
