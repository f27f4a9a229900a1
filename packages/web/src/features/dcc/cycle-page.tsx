import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../ui/alerts';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { useAuth } from '../auth/auth-context';
import { AssignmentsTab } from './assignments-tab';
import { dccApi } from './dcc-api';
import { CycleStatusBadge } from './status-badges';
import { Tabs } from './tabs';
import { TemplateTree } from './template-tree';

type Tab = 'template' | 'assignments';

/** `/dcc/cycles/:id`: the cycle's status (activate, close), its template tree and its assignments. */
export default function CyclePage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const cycle = useAsync(() => dccApi.cycle(id), [id]);
  const [tab, setTab] = useState<Tab>('template');
  const [confirm, setConfirm] = useState<'active' | 'closed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const c = cycle.data;

  async function changeStatus(status: 'active' | 'closed') {
    setBusy(true);
    setError(null);
    try {
      cycle.setData(await dccApi.setCycleStatus(id, status));
      setConfirm(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!c) return cycle.error ? <ErrorAlert error={cycle.error} /> : <Loading />;
  const manage = can('dcc.manage');
  return (
    <>
      <PageHeader
        title={c.name}
        crumbs={[{ label: t('nav.dcc') }, { label: t('dcc.cycles'), href: '/dcc/cycles' }, { label: c.name }]}
        actions={
          manage && (
            <>
              {c.status === 'draft' && (
                <button type="button" className="btn btn-success" onClick={() => setConfirm('active')}>
                  {t('dcc.cycleActivate')}
                </button>
              )}
              {c.status === 'active' && (
                <button type="button" className="btn btn-danger" onClick={() => setConfirm('closed')}>
                  {t('dcc.cycleClose')}
                </button>
              )}
            </>
          )
        }
      />
      <dl className="row small mb-3">
        <dt className="col-sm-2">{t('dcc.cycle.status')}</dt>
        <dd className="col-sm-10">
          <CycleStatusBadge status={c.status} />
        </dd>
        <dt className="col-sm-2">{t('dcc.cycle.dates')}</dt>
        <dd className="col-sm-10">
          {t('dcc.cycle.from', { start: formatDate(c.startsOn, true), end: formatDate(c.endsOn, true) })}
        </dd>
        <dt className="col-sm-2">{t('dcc.cycle.areas')}</dt>
        <dd className="col-sm-10">{(c.areas ?? []).map((a) => a.name).join(', ') || '—'}</dd>
      </dl>
      <Tabs
        id="cycle"
        label={c.name}
        tabs={[
          { key: 'template', label: t('dcc.template') },
          { key: 'assignments', label: t('dcc.assignments') },
        ]}
        current={tab}
        onChange={setTab}
      >
        {tab === 'template' ? (
          <TemplateTree
            cycleId={id}
            editable={manage && c.status !== 'closed'}
            draft={c.status === 'draft'}
          />
        ) : (
          <AssignmentsTab cycle={c} editable={manage && c.status !== 'closed'} />
        )}
      </Tabs>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'closed' ? t('dcc.cycleClose') : t('dcc.cycleActivate')}
        confirmLabel={confirm === 'closed' ? t('dcc.cycleClose') : t('dcc.cycleActivate')}
        variant={confirm === 'closed' ? 'danger' : 'primary'}
        busy={busy}
        error={error}
        onConfirm={() => confirm && changeStatus(confirm)}
        onCancel={() => {
          setConfirm(null);
          setError(null);
        }}
      >
        <p className="mb-0">{confirm === 'closed' ? t('dcc.cycleCloseHelp') : t('dcc.cycleActivateHelp')}</p>
      </ConfirmDialog>
    </>
  );
}
