import type { ComplaintStatus } from '@coso/domain';
import { useI18n } from '../../../i18n/i18n-context';
import './complaints.css';

/** A case status as a coloured badge (colours in styles.css, one per status). */
export function StatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function SensitiveBadge() {
  const { t } = useI18n();
  return <span className="badge text-bg-warning fw-normal">{t('complaint.sensitive')}</span>;
}

/** Today in Togo (UTC+0, no daylight saving), as the server counts deadlines. */
export const togoToday = () => new Date().toISOString().slice(0, 10);

/** The next due date of a case; red with "En retard" once it has passed. */
export function DueDate({ date, format }: { date: string | null; format: (iso: string) => string }) {
  const { t } = useI18n();
  if (!date) return <span className="text-secondary">—</span>;
  if (date >= togoToday()) return <span className="text-nowrap">{format(date)}</span>;
  return (
    <span className="text-nowrap text-danger">
      {format(date)} <span className="badge text-bg-danger">{t('complaint.overdue')}</span>
    </span>
  );
}
