import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useField } from '../engine-context';
import { useT } from '../i18n/i18n';
import { ChoiceList, FieldError, TextField } from '../ui/fields';
import { Screen } from '../ui/layout';
import { myVillages } from './dcc-model';
import { queuePlan } from './planning-device';
import { addDays, localDate, plannableTasks } from './planning-model';
import { useDcc } from './use-dcc';

type Kind = 'task' | 'free';

/**
 * `/dcc/planning/new[?village=]`: put a task of one of my villages (the next one proposed) or a free activity
 * on a date (tomorrow proposed). Queued at once as dcc.plan.create; works offline.
 */
export function PlanningNewScreen() {
  const { t } = useT();
  const { engine, session } = useField();
  const { data, geo, loading } = useDcc();
  const [, navigate] = useLocation();
  const villages = data ? myVillages(data, geo, session.user.id) : [];
  const asked = new URLSearchParams(useSearch()).get('village');
  const [villageKey, setVillageKey] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('task');
  const [taskId, setTaskId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => addDays(localDate(new Date()), 1));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<string | null>(null);

  if (!data)
    return (
      <Screen title={t('dcc.planning.new')} back="/dcc/planning">
        {loading && <p role="status">{t('common.loading')}</p>}
      </Screen>
    );

  const keyOf = (v: { cycleId: string; villageId: string }) => `${v.cycleId}:${v.villageId}`;
  const village =
    villages.find((v) => keyOf(v) === villageKey) ??
    villages.find((v) => v.villageId === asked) ??
    villages[0];
  const offer = village ? plannableTasks(data, geo, village.villageId, village.cycleId) : undefined;
  const chosenTask = offer?.tasks.find((x) => x.id === taskId) ?? offer?.next ?? offer?.tasks[0];

  async function save() {
    const found: Record<string, string> = {};
    if (!village) found.village = t('dcc.planning.villageRequired');
    if (kind === 'task' && !chosenTask) found.task = t('dcc.planning.taskRequired');
    if (kind === 'free' && !title.trim()) found.title = t('dcc.planning.titleRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('dcc.planning.dateRequired');
    setErrors(found);
    if (Object.keys(found).length || !village) return;
    try {
      await queuePlan(engine, {
        cycleId: village.cycleId,
        villageId: village.villageId,
        plannedOn: date,
        ...(kind === 'task' ? { taskId: chosenTask?.id } : { title: title.trim() }),
      });
      navigate('/dcc/planning');
    } catch (err) {
      setFailed(t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  return (
    <Screen title={t('dcc.planning.new')} back="/dcc/planning">
      {villages.length === 0 && <p className="alert alert-info">{t('dcc.none')}</p>}
      {villages.length > 0 && village && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="mb-3">
            <label htmlFor="plan-village" className="field-label">
              {t('dcc.planning.village')}
            </label>
            <select
              id="plan-village"
              className="form-select form-select-lg"
              value={keyOf(village)}
              onChange={(e) => {
                setVillageKey(e.target.value);
                setTaskId(null);
              }}
            >
              {villages.map((v) => (
                <option key={keyOf(v)} value={keyOf(v)}>
                  {v.name}
                </option>
              ))}
            </select>
            <FieldError id="plan-village-error" text={errors.village} />
          </div>
          <ChoiceList
            name="plan-kind"
            legend={t('dcc.planning.kind')}
            value={kind}
            choices={[
              { value: 'task', label: t('dcc.planning.kindTask') },
              { value: 'free', label: t('dcc.planning.kindFree') },
            ]}
            onChange={(v) => setKind(v as Kind)}
          />
          {kind === 'task' ? (
            <div className="mb-3">
              <label htmlFor="plan-task" className="field-label">
                {t('dcc.planning.task')}
              </label>
              {offer?.tasks.length ? (
                <select
                  id="plan-task"
                  className="form-select form-select-lg"
                  value={chosenTask?.id ?? ''}
                  onChange={(e) => setTaskId(e.target.value)}
                >
                  {offer.tasks.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              ) : (
                <p className="alert alert-info">{t('dcc.planning.noTask')}</p>
              )}
              <FieldError id="plan-task-error" text={errors.task} />
            </div>
          ) : (
            <TextField
              id="plan-title"
              label={t('dcc.planning.activity')}
              hint={t('dcc.planning.activityHint')}
              value={title}
              onChange={setTitle}
              error={errors.title}
            />
          )}
          <TextField
            id="plan-date"
            type="date"
            label={t('dcc.planning.date')}
            value={date}
            onChange={setDate}
            error={errors.date}
          />
          {failed && (
            <div className="alert alert-danger" role="alert">
              {failed}
            </div>
          )}
          <button type="submit" className="btn btn-success btn-xl w-100" data-testid="dcc-plan-save">
            {t('dcc.planning.save')}
          </button>
        </form>
      )}
    </Screen>
  );
}
