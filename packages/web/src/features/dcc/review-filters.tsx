import { useEffect, useState } from 'react';
import { getGeoUnit } from '../../api/geo';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { SelectField } from '../../ui/form-fields';
import { useAsync } from '../../ui/use-async';
import { type PlacedUnit, withContext } from '../geo/unit-context';
import { UnitPicker } from '../geo/unit-picker';
import { dccApi } from './dcc-api';
import { AGE_CHOICES, type ReviewFilters } from './review-query';

/**
 * The queue's filters: cycle (the active one by default), area, phase and task (from the cycle's template),
 * facilitator (from the cycle's assignments), age since submission.
 */
export function ReviewFiltersCard({
  filters,
  onChange,
}: {
  filters: ReviewFilters;
  onChange: (f: ReviewFilters) => void;
}) {
  const { t } = useI18n();
  const cycles = useAsync(() => dccApi.cycles(), []);
  const cycleId = filters.cycleId ?? '';
  const template = useAsync(() => (cycleId ? dccApi.template(cycleId) : Promise.resolve(null)), [cycleId]);
  const assignments = useAsync(
    () => (cycleId ? dccApi.assignments(cycleId).catch(() => []) : Promise.resolve([])),
    [cycleId],
  );
  const [area, setArea] = useState<PlacedUnit | null>(null);

  // A bookmarked queue names its area by id: read it once to show its name.
  useEffect(() => {
    if (!filters.areaId) setArea(null);
    else if (area?.id !== filters.areaId)
      getGeoUnit(filters.areaId)
        .then((u) => withContext([u]))
        .then(
          ([u]) => setArea(u ?? null),
          () => setArea(null),
        );
  }, [filters.areaId, area?.id]);

  const set = (patch: Partial<ReviewFilters>) => {
    const next: ReviewFilters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof ReviewFilters)[]) if (!next[k]) delete next[k];
    onChange(next);
  };
  const phases = template.data?.phases ?? [];
  const phase = phases.find((p) => p.id === filters.phaseId);
  const tasks = (phase ? [phase] : phases).flatMap((p) => p.activities.flatMap((a) => a.tasks));
  const facilitators = [
    ...new Map(
      (assignments.data ?? []).map((a) => [a.facilitator.id, a.facilitator.displayName ?? a.facilitator.id]),
    ),
  ].sort((a, b) => a[1].localeCompare(b[1], 'fr'));

  return (
    <Card title={t('common.filter')}>
      <div className="row g-3">
        <div className="col-md-4">
          <SelectField
            id="f-cycle"
            label={t('dcc.queue.cycle')}
            value={cycleId}
            className=""
            onChange={(v) => set({ cycleId: v, phaseId: '', taskId: '', facilitatorId: '' })}
            options={[
              { value: '', label: t('common.all') },
              ...(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        </div>
        <div className="col-md-4">
          <UnitPicker
            id="f-area"
            label={t('dcc.queue.area')}
            value={area}
            onChange={(u) => {
              setArea(u);
              set({ areaId: u?.id ?? '' });
            }}
            mine
            className=""
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="f-age"
            label={t('dcc.queue.olderThan')}
            value={filters.olderThan ?? ''}
            className=""
            onChange={(v) => set({ olderThan: v })}
            options={[
              { value: '', label: t('dcc.queue.anyAge') },
              ...AGE_CHOICES.map((d) => ({ value: d, label: t('dcc.queue.moreThanDays', { n: d }) })),
            ]}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="f-phase"
            label={t('dcc.queue.phase')}
            value={filters.phaseId ?? ''}
            className=""
            disabled={!cycleId}
            hint={cycleId ? undefined : t('dcc.queue.pickCycle')}
            onChange={(v) => set({ phaseId: v, taskId: '' })}
            options={[
              { value: '', label: t('common.all') },
              ...phases.map((p) => ({ value: p.id, label: `${p.order}. ${p.name}` })),
            ]}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="f-task"
            label={t('dcc.queue.task')}
            value={filters.taskId ?? ''}
            className=""
            disabled={!cycleId}
            onChange={(v) => set({ taskId: v })}
            options={[
              { value: '', label: t('common.all') },
              ...tasks.map((x) => ({ value: x.id, label: `${x.code} — ${x.name}` })),
            ]}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="f-facilitator"
            label={t('dcc.queue.facilitator')}
            value={filters.facilitatorId ?? ''}
            className=""
            disabled={!cycleId}
            onChange={(v) => set({ facilitatorId: v })}
            options={[
              { value: '', label: t('common.all') },
              ...facilitators.map(([id, name]) => ({ value: id, label: name })),
            ]}
          />
        </div>
      </div>
      {Object.keys(filters).length > 0 && (
        <button type="button" className="btn btn-sm btn-outline-secondary mt-3" onClick={() => onChange({})}>
          {t('common.reset')}
        </button>
      )}
    </Card>
  );
}
