import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { useAsync } from '../../ui/use-async';
import {
  type AssignableUnit,
  AssignableUnitsPicker,
  FacilitatorPicker,
  type FacilitatorRef,
} from './assignment-pickers';
import { assignmentRows } from './assignment-rows';
import { type Assignment, type DccCycle, dccApi } from './dcc-api';

/** Who works where in this cycle: assign a facilitator to villages or CVDs; past assignments stay listed. */
export function AssignmentsTab({ cycle, editable }: { cycle: DccCycle; editable: boolean }) {
  const { t, formatDate } = useI18n();
  const list = useAsync(() => dccApi.assignments(cycle.id), [cycle.id]);
  const [facilitator, setFacilitator] = useState<FacilitatorRef | null>(null);
  const [units, setUnits] = useState<AssignableUnit[]>([]);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [showEnded, setShowEnded] = useState(false);

  async function assign() {
    setTried(true);
    setDone(null);
    if (!facilitator || units.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await dccApi.assign(cycle.id, { facilitatorId: facilitator.id, unitIds: units.map((u) => u.id) });
      setDone(t('dcc.assign.done', { name: facilitator.displayName, n: units.length }));
      setUnits([]);
      setTried(false);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const rows = assignmentRows(list.data ?? [], showEnded);
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'village', header: t('dcc.assign.village'), render: (r) => r.villageName ?? r.villageId },
    {
      key: 'facilitator',
      header: t('dcc.assign.facilitator'),
      render: (r) => r.facilitator.displayName ?? r.facilitator.id,
    },
    {
      key: 'since',
      header: t('dcc.assign.since'),
      render: (r) => formatDate(r.assignedAt, true),
      className: 'text-nowrap',
    },
    {
      key: 'state',
      header: t('dcc.assign.state'),
      render: (r: Assignment & { previous?: string }) =>
        r.active ? (
          <>
            <span className="badge text-bg-success">{t('dcc.assign.active')}</span>
            {r.previous && (
              <div className="small text-body-secondary">
                {t('dcc.assign.reassignedFrom', { name: r.previous })}
              </div>
            )}
          </>
        ) : (
          <span className="badge text-bg-secondary">
            {t('dcc.assign.ended', { date: formatDate(r.endedAt, true) })}
          </span>
        ),
    },
  ];

  return (
    <>
      {editable && (
        <Card title={t('dcc.assign.title')}>
          <p className="small text-body-secondary">{t('dcc.assign.help')}</p>
          {done && <SuccessAlert>{done}</SuccessAlert>}
          <ErrorAlert error={error} />
          <div className="row">
            <div className="col-lg-5 mb-3">
              <FacilitatorPicker
                value={facilitator}
                onChange={setFacilitator}
                error={tried && !facilitator ? t('dcc.assign.facilitatorRequired') : undefined}
              />
            </div>
            <div className="col-lg-7 mb-3">
              <AssignableUnitsPicker
                value={units}
                onChange={setUnits}
                error={tried && units.length === 0 ? t('dcc.assign.unitsRequired') : undefined}
              />
            </div>
          </div>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={assign}>
            {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
            {t('dcc.assign.submit')}
          </button>
        </Card>
      )}
      <Card
        title={t('dcc.assignments')}
        bodyClassName="card-body p-0"
        tools={
          <div className="form-check form-switch mb-0">
            <input
              id="assign-show-ended"
              type="checkbox"
              className="form-check-input"
              checked={showEnded}
              onChange={(e) => setShowEnded(e.target.checked)}
            />
            <label htmlFor="assign-show-ended" className="form-check-label small">
              {t('dcc.assign.showEnded')}
            </label>
          </div>
        }
      >
        <ErrorAlert error={list.error} className="m-3" />
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          caption={t('dcc.assignments')}
          empty={list.loading ? undefined : t('dcc.assign.empty')}
        />
      </Card>
    </>
  );
}
