import { Link } from 'wouter';
import { useField } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Screen } from '../ui/layout';
import { groupVillages, myVillages, type VillageView } from './dcc-model';
import { useDcc } from './use-dcc';

/** `/dcc`: my villages, grouped by canton and CVD, each with its progress and its next task. */
export function VillagesScreen() {
  const { t } = useT();
  const { session } = useField();
  const { data, geo, loading } = useDcc();
  const groups = data ? groupVillages(myVillages(data, geo, session.user.id)) : [];

  return (
    <Screen title={t('dcc.title')} back="/">
      <Link
        href="/dcc/planning"
        className="btn btn-outline-dark btn-xl w-100 mb-3"
        data-testid="dcc-planning"
      >
        {t('dcc.planning.title')}
        <small className="d-block fw-normal">{t('dcc.planning.openHelp')}</small>
      </Link>
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && groups.length === 0 && <p className="alert alert-info">{t('dcc.none')}</p>}
      {groups.map((group) => (
        <section key={group.key} className="mb-4" aria-labelledby={`dcc-group-${group.key}`}>
          <h2 id={`dcc-group-${group.key}`} className="h5 mb-2">
            {group.cantonName ? t('dcc.canton', { name: group.cantonName }) : t('dcc.noCanton')}
            {group.cvdName && (
              <span className="d-block fs-6 fw-normal">{t('dcc.cvd', { name: group.cvdName })}</span>
            )}
          </h2>
          <ul className="list-unstyled d-grid gap-2">
            {group.villages.map((v) => (
              <li key={`${v.cycleId}:${v.villageId}`}>
                <VillageCard village={v} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Screen>
  );
}

function VillageCard({ village: v }: { village: VillageView }) {
  const { t } = useT();
  const percent = v.total ? Math.round((v.validated / v.total) * 100) : 0;
  return (
    <Link
      href={`/dcc/villages/${v.villageId}`}
      className="card card-body text-reset text-decoration-none dcc-village"
      data-testid="dcc-village"
      aria-label={t('dcc.openVillage', { name: v.name })}
    >
      <span className="fs-5 fw-semibold">{v.name}</span>
      <span className="small">{t('dcc.progress', { validated: v.validated, total: v.total })}</span>
      <progress className="w-100 my-1" max={Math.max(v.total, 1)} value={v.validated} aria-hidden="true">
        {percent}%
      </progress>
      <span className="small">{v.next ? t('dcc.next', { name: v.next.task.name }) : t('dcc.allDone')}</span>
    </Link>
  );
}
