import type { CycleStatus, TaskStatus } from '@coso/domain';
import { useI18n } from '../../i18n/i18n-context';

const CYCLE_CLASS: Record<CycleStatus, string> = {
  draft: 'text-bg-secondary',
  active: 'text-bg-success',
  closed: 'text-bg-dark',
};

const TASK_CLASS: Record<TaskStatus, string> = {
  todo: 'text-bg-light border',
  draft: 'text-bg-secondary',
  submitted: 'text-bg-primary',
  validated: 'text-bg-success',
  returned: 'text-bg-warning',
};

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${CYCLE_CLASS[status]}`}>{t(`dcc.cycleStatus.${status}`)}</span>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${TASK_CLASS[status]}`}>{t(`dcc.taskStatus.${status}`)}</span>;
}
