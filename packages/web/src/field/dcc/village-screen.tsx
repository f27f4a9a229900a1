import { Link } from 'wouter';
import { useT } from '../i18n/i18n';
import { Screen } from '../ui/layout';
import { villageTree } from './dcc-model';
import { PlacesCard } from './places-card';
import { TaskBadge } from './task-badge';
import { useDcc } from './use-dcc';

/**
 * `/dcc/villages/:villageId`: the cycle's phases → activities → tasks as this village sees them, with each
 * task's status; a CVD's or canton's task is the same shared result in each of its villages.
 */
export function VillageScreen({ villageId }: { villageId: string }) {
  const { t } = useT();
  const { data, geo, loading } = useDcc();
  const assignment = data?.assignments.find((a) => a.villageId === villageId && a.active);
  const name = geo.get(villageId)?.name ?? assignment?.villageName ?? t('dcc.title');

  if (!data || !assignment)
    return (
      <Screen title={name} back="/dcc">
        {loading ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p className="alert alert-warning">{t('dcc.missingVillage')}</p>
        )}
      </Screen>
    );

  const tree = villageTree(data, geo, villageId, assignment.cycleId);
  return (
    <Screen title={name} back="/dcc">
      <Link
        href={`/dcc/planning/new?village=${villageId}`}
        className="btn btn-outline-dark btn-lg w-100 mb-3"
        data-testid="dcc-village-plan"
      >
        {t('dcc.planning.new')}
      </Link>
      {tree.map(({ phase, activities, validated, total }) => (
        <section key={phase.id} className="mb-4">
          <h2 className="h5 mb-1">{phase.name}</h2>
          <p className="small mb-2">{t('dcc.phaseProgress', { validated, total })}</p>
          {activities.map(({ activity, tasks }) => (
            <div key={activity.id} className="mb-3">
              <h3 className="h6 mb-2">{activity.name}</h3>
              <ul className="list-group">
                {tasks.map(({ task, instance }) =>
                  instance ? (
                    <li key={task.id} className="list-group-item p-0">
                      <Link
                        href={`/dcc/villages/${villageId}/tasks/${instance.id}`}
                        className="d-flex flex-column gap-1 p-3 text-reset text-decoration-none dcc-task-link"
                        data-testid="dcc-task"
                        data-code={task.code}
                      >
                        <span className="fw-semibold">{task.name}</span>
                        {task.level !== 'village' && (
                          <span className="small">{t(`dcc.level.${task.level}`)}</span>
                        )}
                        <TaskBadge status={instance.status} pending={instance.pending} />
                      </Link>
                    </li>
                  ) : null,
                )}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <PlacesCard villageId={villageId} />
    </Screen>
  );
}
