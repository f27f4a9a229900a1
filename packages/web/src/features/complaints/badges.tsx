import type { ComplaintStatus } from '@coso/domain';
import { useI18n } from '../../i18n/i18n-context';
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
