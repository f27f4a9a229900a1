import { formatFcfa } from '@coso/domain';
import { useI18n } from '../../../i18n/i18n-context';
import type { EventRow } from './presenters';

/**
 * The sub-project's events in recorded order: each step with its date, %, amount, note, author and proof
 * count; a cancelled one struck through with the correction's reason; corrections as their own lines.
 */
export function EventTimeline(props: {
  rows: EventRow[];
  canVoid: boolean;
  onVoid: (row: EventRow) => void;
}) {
  const { t, locale, formatDate } = useI18n();
  if (props.rows.length === 0) return <p className="text-body-secondary mb-0">{t('mis.events.none')}</p>;
  const day = (d: string | null) => (d ? formatDate(d, true) : '—');
  return (
    <ol className="list-unstyled mb-0" data-testid="mis-timeline">
      {props.rows.map((r) => (
        <li key={r.id} className="border-start border-3 ps-3 pb-3" data-testid={`event-${r.kind}`}>
          {r.kind === 'correction' ? (
            <div className="text-body-secondary">
              <span className="fw-semibold">
                {t('mis.events.correction', { step: r.stepLabel, date: day(r.voidsDate) })}
              </span>
              <span className="ms-2">— {r.note}</span>
            </div>
          ) : (
            <>
              <div className="d-flex flex-wrap align-items-baseline gap-2">
                {r.voided ? (
                  <del className="fw-semibold">{r.stepLabel}</del>
                ) : (
                  <span className="fw-semibold">{r.stepLabel}</span>
                )}
                <span className="small">{day(r.date)}</span>
                {r.progressPercent !== null && (
                  <span className="badge text-bg-light border">
                    {t('mis.events.percent', { percent: r.progressPercent })}
                  </span>
                )}
                {r.amountSpent !== null && r.amountSpent > 0 && (
                  <span className="small">
                    {t('mis.events.spent', { amount: formatFcfa(r.amountSpent, locale) })}
                  </span>
                )}
                {r.fileIds.length > 0 && (
                  <span className="small text-body-secondary">
                    {t('mis.events.files', { n: r.fileIds.length })}
                  </span>
                )}
                {r.voided && <span className="badge text-bg-dark">{t('mis.events.voided')}</span>}
              </div>
              {r.voidedBecause && (
                <div className="small text-danger-emphasis">
                  {t('mis.events.voidedBecause', { note: r.voidedBecause })}
                </div>
              )}
              {r.note && (
                <div className={r.voided ? 'text-decoration-line-through' : undefined}>{r.note}</div>
              )}
            </>
          )}
          <div className="small text-body-secondary">
            {formatDate(r.recordedAt)}
            {r.author && ` · ${t('mis.events.by', { name: r.author })}`}
            {props.canVoid && r.canVoid && (
              <button
                type="button"
                className="btn btn-link btn-sm p-0 ms-2 align-baseline"
                onClick={() => props.onVoid(r)}
              >
                {t('mis.events.void')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
