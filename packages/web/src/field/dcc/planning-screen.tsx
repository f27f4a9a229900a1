import { Link } from 'wouter';
import { useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Screen } from '../ui/layout';
import { readPlans } from './planning-device';
import { type AgendaItem, agenda, dayLabel, localDate, overdueCount } from './planning-model';
import { useDcc } from './use-dcc';

/**
 * `/dcc/planning`: the facilitator's agenda — plans by date (what was planned and not recorded flagged as
 * overdue), "Planifier", and for a plan whose day has come, "Noter le résultat". Everything is read from the
 * phone: a plan made offline shows at once.
 */
export function PlanningScreen() {
  const { t, locale } = useT();
  const { data, geo } = useDcc();
  const plans = useLive((engine) => readPlans(engine), []).data;
  const today = localDate(new Date());
  const unitName = (id: string) =>
    geo.get(id)?.name ??
    data?.assignments.find((a) => a.villageId === id)?.villageName ??
    data?.instances.find((i) => i.unitId === id)?.unitName ??
    '—';
  const days = plans && data ? agenda({ plans, tasks: data.tasks, unitName, today }) : undefined;
  const late = days ? overdueCount(days) : 0;

  return (
    <Screen title={t('dcc.planning.title')} back="/dcc">
      <Link href="/dcc/planning/new" className="btn btn-primary btn-xl w-100 mb-3" data-testid="dcc-plan-new">
        {t('dcc.planning.new')}
      </Link>
      {!days && <p role="status">{t('common.loading')}</p>}
      {days && days.length === 0 && <p className="alert alert-info">{t('dcc.planning.empty')}</p>}
      {late > 0 && (
        <p className="alert alert-warning" data-testid="dcc-plan-overdue-count">
          {t('dcc.planning.overdueCount', { n: late })}
        </p>
      )}
      {days?.map((day) => (
        <section key={day.date} className="mb-4" aria-labelledby={`dcc-day-${day.date}`}>
          <h2 id={`dcc-day-${day.date}`} className="h5 mb-2">
            {dayLabel(day.date, locale)}
            {day.isToday && <span className="badge text-bg-primary ms-2">{t('dcc.planning.today')}</span>}
          </h2>
          <ul className="list-group">
            {day.items.map((item) => (
              <li key={item.plan.id} className="list-group-item p-0" data-testid="dcc-plan">
                <PlanLine item={item} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Screen>
  );
}

function PlanLine({ item }: { item: AgendaItem }) {
  const { t } = useT();
  const { plan } = item;
  const body = (
    <>
      <span className="fw-semibold">{item.label}</span>
      <span className="small">{item.villageName}</span>
      <span className="d-flex flex-wrap gap-1">
        {plan.outcome && (
          <span className="badge text-bg-success" data-testid="dcc-plan-outcome">
            {t(`dcc.planning.outcome.${plan.outcome}`)}
          </span>
        )}
        {item.overdue && <span className="badge text-bg-warning">{t('dcc.planning.overdue')}</span>}
        {plan.pending && <span className="badge text-bg-secondary">{t('dcc.pending')}</span>}
      </span>
      {plan.comment && (
        <span className="small" style={{ whiteSpace: 'pre-wrap' }}>
          {plan.comment}
        </span>
      )}
    </>
  );
  if (!item.recordable || plan.outcome) return <div className="d-flex flex-column gap-1 p-3">{body}</div>;
  return (
    <Link
      href={`/dcc/planning/${plan.id}`}
      className="d-flex flex-column gap-1 p-3 text-reset text-decoration-none"
      data-testid="dcc-plan-record"
    >
      {body}
      <span className="btn btn-outline-primary btn-lg mt-1">{t('dcc.planning.record')}</span>
    </Link>
  );
}
