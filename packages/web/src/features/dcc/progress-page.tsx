import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/form-fields';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { type DccProgress, dccApi } from './dcc-api';
import { areaMatrix, funnel, heatClass, league } from './progress-view';

type Facilitator = DccProgress['facilitators'][number];

/**
 * `/dcc/progress`: the funnel of villages by phase, the area × phase table (% of tasks validated; an area's
 * name drills down into it) and the facilitators' league, for a cycle, within the viewer's jurisdiction.
 */
export default function ProgressPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const cycles = useAsync(() => dccApi.cycles(), []);
  const [cycleId, setCycleId] = useState('');
  const [path, setPath] = useState<{ unitId: string; name: string }[]>([]);
  const within = path.at(-1)?.unitId;

  useEffect(() => {
    if (cycleId || !cycles.data?.length) return;
    const active = cycles.data.find((c) => c.status === 'active') ?? cycles.data[0];
    if (active) setCycleId(active.id);
  }, [cycles.data, cycleId]);

  const progress = useAsync(
    () => (cycleId ? dccApi.progress(cycleId, within) : Promise.resolve(null)),
    [cycleId, within],
  );
  const p = progress.data;

  const leagueColumns: Column<Facilitator>[] = [
    {
      key: 'rank',
      header: t('dcc.progress.rank'),
      render: (f) => (p ? league(p).indexOf(f) + 1 : ''),
      className: 'text-end',
    },
    { key: 'name', header: t('dcc.queue.facilitator'), render: (f) => f.displayName },
    {
      key: 'validated',
      header: t('dcc.progress.validated'),
      render: (f) => formatNumber(f.tasksValidated),
      className: 'text-end',
    },
    {
      key: 'submitted',
      header: t('dcc.progress.submitted'),
      render: (f) => formatNumber(f.tasksSubmitted),
      className: 'text-end',
    },
    {
      key: 'last',
      header: t('dcc.progress.lastActivity'),
      render: (f) => formatDate(f.lastActivity),
      className: 'text-nowrap',
    },
    {
      key: 'overdue',
      header: t('dcc.progress.overduePlans'),
      render: (f) =>
        f.overduePlans > 0 ? <span className="badge text-bg-danger">{f.overduePlans}</span> : '0',
      className: 'text-end',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('dcc.progress')}
        crumbs={[{ label: t('nav.dcc') }, { label: t('dcc.progress') }]}
      />
      <ErrorAlert error={cycles.error} />
      <div className="row align-items-end mb-3">
        <div className="col-md-4">
          <SelectField
            id="progress-cycle"
            label={t('dcc.queue.cycle')}
            value={cycleId}
            className=""
            onChange={(v) => {
              setCycleId(v);
              setPath([]);
            }}
            options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </div>
        <div className="col-md-8">
          <nav aria-label={t('dcc.progress.drillPath')}>
            <ol className="breadcrumb mb-0 mt-2">
              <li className="breadcrumb-item">
                {path.length ? (
                  <button
                    type="button"
                    className="btn btn-link p-0 align-baseline"
                    onClick={() => setPath([])}
                  >
                    {t('dcc.progress.allAreas')}
                  </button>
                ) : (
                  <span aria-current="location">{t('dcc.progress.allAreas')}</span>
                )}
              </li>
              {path.map((a, i) => (
                <li key={a.unitId} className="breadcrumb-item">
                  {i < path.length - 1 ? (
                    <button
                      type="button"
                      className="btn btn-link p-0 align-baseline"
                      onClick={() => setPath(path.slice(0, i + 1))}
                    >
                      {a.name}
                    </button>
                  ) : (
                    <span aria-current="location">{a.name}</span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        </div>
      </div>
      <ErrorAlert error={progress.error} />
      {!p ? (
        progress.loading && cycleId ? (
          <Loading />
        ) : !cycleId && !cycles.loading ? (
          <p>{t('dcc.cyclesEmpty')}</p>
        ) : null
      ) : (
        <>
          <Card title={t('dcc.progress.funnel')}>
            <p className="small text-body-secondary">{t('dcc.progress.funnelHelp')}</p>
            <ul className="list-unstyled mb-0">
              {funnel(p).map((f) => (
                <li key={f.phaseId} className="mb-2">
                  <div className="d-flex justify-content-between small">
                    <span id={`funnel-${f.phaseId}`}>{f.name}</span>
                    <span>
                      {t('dcc.progress.villagesOf', { done: f.completed, total: f.villages, pct: f.pct })}
                    </span>
                  </div>
                  <div
                    className="progress"
                    role="progressbar"
                    aria-labelledby={`funnel-${f.phaseId}`}
                    aria-valuenow={f.pct}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuetext={`${f.pct} %`}
                  >
                    <div className="progress-bar" style={{ width: `${f.pct}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
          <AreaTable progress={p} onDrill={(a) => setPath([...path, a])} />
          <Card title={t('dcc.progress.league')} bodyClassName="card-body p-0">
            <DataTable
              columns={leagueColumns}
              rows={league(p)}
              rowKey={(f) => f.id}
              caption={t('dcc.progress.league')}
              empty={t('dcc.progress.noFacilitators')}
            />
          </Card>
        </>
      )}
    </>
  );
}

function AreaTable({
  progress,
  onDrill,
}: {
  progress: DccProgress;
  onDrill: (a: { unitId: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const rows = areaMatrix(progress);
  return (
    <Card title={t('dcc.progress.areas')} bodyClassName="card-body p-0">
      <p className="px-3 pt-3 small text-body-secondary">{t('dcc.progress.areasHelp')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable, as WCAG asks. */}
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-sm align-middle mb-0">
          <caption className="visually-hidden">{t('dcc.progress.areas')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dcc.queue.area')}</th>
              {progress.phases.map((ph) => (
                <th key={ph.phaseId} scope="col" className="text-end">
                  {ph.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <th scope="row">
                  <button
                    type="button"
                    className="btn btn-link p-0 text-start"
                    onClick={() => onDrill(r)}
                    aria-label={t('dcc.progress.drill', { name: r.name })}
                  >
                    {r.name}
                  </button>
                </th>
                {r.cells.map((c, i) => (
                  <td key={progress.phases[i]?.phaseId ?? i} className={`text-end ${heatClass(c)}`}>
                    {c === null ? '—' : `${Math.round(c)} %`}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={progress.phases.length + 1} className="text-center text-secondary py-4">
                  {t('dcc.progress.noAreas')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
