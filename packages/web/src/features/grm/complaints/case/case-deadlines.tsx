import type { CaseDeadline } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { intlLocale, type Translate } from '../../../../i18n/translate';

/** A calendar date (YYYY-MM-DD) in the user's language, read as the Togo date it is (UTC all year). */
function useCalendarDate(): (iso: string) => string {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso) => {
    const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** "in N business days", "today" or "N business days overdue". */
export function countdownText(d: CaseDeadline, t: Translate): string {
  const n = Math.abs(d.remainingBusinessDays);
  if (d.overdue) {
    if (n === 0) return t('deadline.overdue');
    return n === 1 ? t('deadline.overdueOneDay') : t('deadline.overdueDays', { n });
  }
  if (n === 0) return t('deadline.today');
  return n === 1 ? t('deadline.inOneDay') : t('deadline.inDays', { n });
}

/** The case's deadlines: label, due date and countdown (or the date it was met). */
export function CaseDeadlines({ deadlines }: { deadlines: CaseDeadline[] }) {
  const { t, formatDate } = useI18n();
  const calendarDate = useCalendarDate();
  return (
    <ul className="list-unstyled mb-0">
      {deadlines.map((d) => (
        <li key={`${d.kind}-${d.startedOn}`} className="mb-1">
          <span className="fw-semibold">{t(`deadline.${d.kind}`)}</span>
          <span className="text-secondary"> — {t('deadline.due', { date: calendarDate(d.dueDate) })} </span>
          {d.metAt ? (
            // Met after its due date (Togo is on UTC, so the ISO date compares as the local one) is met late.
            d.metAt.slice(0, 10) > d.dueDate ? (
              <span className="badge text-bg-warning fw-normal">
                {t('deadline.metLateOn', { date: formatDate(d.metAt, true) })}
              </span>
            ) : (
              <span className="badge text-bg-success fw-normal">
                {t('deadline.metOn', { date: formatDate(d.metAt, true) })}
              </span>
            )
          ) : (
            <span
              className={`badge fw-normal ${d.overdue ? 'text-bg-danger' : d.remainingBusinessDays === 0 ? 'text-bg-warning' : 'text-bg-light border'}`}
            >
              {countdownText(d, t)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
