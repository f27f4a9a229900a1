import { useI18n } from '../../../i18n/i18n-context';
import { statusTone } from './presenters';
import { useMisReference } from './use-mis-reference';

/** The sub-project's current step, coloured by its kind (presenters.statusTone). */
export function StatusBadge({ status }: { status: string }) {
  const { ref, label } = useMisReference();
  return (
    <span className={`badge ${statusTone(ref?.steps ?? [], status)}`} data-testid="mis-status">
      {label('steps', status)}
    </span>
  );
}

/** The physical progress as a bar with its percentage written beside it. */
export function ProgressBar({ percent }: { percent: number }) {
  const { t } = useI18n();
  const text = t('mis.progress.label', { percent });
  return (
    <div className="d-flex align-items-center gap-2" style={{ minWidth: 120 }}>
      <div
        className="progress flex-grow-1"
        role="progressbar"
        aria-label={text}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        style={{ height: 8 }}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="small text-nowrap" data-testid="mis-percent">
        {percent} %
      </span>
    </div>
  );
}
