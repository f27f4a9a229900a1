import type { ComplaintStatus } from '@coso/domain';
import { useT } from '../i18n/i18n';

const TONE: Partial<Record<ComplaintStatus, string>> = {
  received: 'text-bg-info',
  acknowledged: 'text-bg-primary',
  in_progress: 'text-bg-primary',
  resolution_proposed: 'text-bg-warning',
  appealed: 'text-bg-warning',
  unresolved: 'text-bg-danger',
  escalated: 'text-bg-danger',
  closed: 'text-bg-success',
};

export function StatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useT();
  return <span className={`badge ${TONE[status] ?? 'text-bg-secondary'}`}>{t(`status.${status}`)}</span>;
}
