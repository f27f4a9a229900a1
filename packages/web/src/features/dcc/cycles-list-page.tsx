import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { useAuth } from '../auth/auth-context';
import { CycleNewDialog } from './cycle-new-dialog';
import { type DccCycle, dccApi } from './dcc-api';
import { CycleStatusBadge } from './status-badges';

/** `/dcc/cycles`: every cycle (newest year first) and, for managers, "Nouveau cycle". */
export default function CyclesListPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const [, navigate] = useLocation();
  const state = useAsync(() => dccApi.cycles(), []);
  const [creating, setCreating] = useState(false);
  const cycles = [...(state.data ?? [])].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));

  const columns: Column<DccCycle>[] = [
    {
      key: 'name',
      header: t('dcc.cycle.name'),
      render: (c) => <Link href={`/dcc/cycles/${c.id}`}>{c.name}</Link>,
    },
    { key: 'year', header: t('dcc.cycle.year'), render: (c) => c.year },
    {
      key: 'dates',
      header: t('dcc.cycle.dates'),
      render: (c) =>
        t('dcc.cycle.from', { start: formatDate(c.startsOn, true), end: formatDate(c.endsOn, true) }),
      className: 'text-nowrap',
    },
    {
      key: 'areas',
      header: t('dcc.cycle.areas'),
      render: (c) => (c.areas ?? []).map((a) => a.name).join(', '),
    },
    { key: 'status', header: t('dcc.cycle.status'), render: (c) => <CycleStatusBadge status={c.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('dcc.cycles')}
        crumbs={[{ label: t('nav.dcc') }, { label: t('dcc.cycles') }]}
        actions={
          can('dcc.manage') && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {t('dcc.cycleNew')}
            </button>
          )
        }
      />
      <Card title={t('dcc.cycleList')} bodyClassName="card-body p-0">
        <ErrorAlert error={state.error} className="m-3" />
        <DataTable
          columns={columns}
          rows={cycles}
          rowKey={(c) => c.id}
          caption={t('dcc.cycleList')}
          empty={state.loading ? undefined : t('dcc.cyclesEmpty')}
        />
      </Card>
      {creating && (
        <CycleNewDialog
          open
          cycles={cycles}
          onCancel={() => setCreating(false)}
          onCreated={(c) => navigate(`/dcc/cycles/${c.id}`)}
        />
      )}
    </>
  );
}
