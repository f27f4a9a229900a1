import { formatFcfa } from '@coso/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { useAuth } from '../../auth/auth-context';
import { ContractsCard } from './contracts-card';
import { EventDialog } from './event-dialog';
import { EventTimeline } from './event-timeline';
import { FilesCard } from './files-card';
import { misApi } from './mis-api';
import { type EventRow, eventRows } from './presenters';
import { ProgressBar, StatusBadge } from './status-badge';
import { SubprojectSummaryCard } from './summary-card';
import { useMisReference } from './use-mis-reference';
import { VoidDialog } from './void-dialog';

/** `/mis/subprojects/:id`: where it stands, its steps and progress, contracts, photos and documents. */
export default function SubprojectPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { ref } = useMisReference();
  const detail = useAsync(() => misApi.get(id), [id]);
  const [recording, setRecording] = useState(false);
  const [voiding, setVoiding] = useState<EventRow | null>(null);
  const manage = can('mis.manage');
  const steps = ref?.steps ?? [];
  const d = detail.data;
  const done = () => {
    setRecording(false);
    setVoiding(null);
    detail.reload();
  };

  const crumbs = [{ label: t('nav.mis') }, { label: t('mis.subprojects'), href: '/mis/subprojects' }];
  if (!d) {
    return (
      <>
        <PageHeader title={t('mis.subprojects')} crumbs={crumbs} />
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </>
    );
  }
  const fcfa = (n: number) => formatFcfa(n, locale);
  return (
    <>
      <PageHeader
        title={d.title}
        crumbs={[...crumbs, { label: d.code }]}
        actions={
          manage && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setRecording(true)}
              disabled={!ref}
            >
              {t('mis.events.record')}
            </button>
          )
        }
      />
      <ErrorAlert error={detail.error} />
      <div className="card mb-4">
        <div className="card-body d-flex flex-wrap align-items-center gap-4">
          <div>
            <div className="small text-body-secondary">{t('mis.detail.status')}</div>
            <StatusBadge status={d.status} />
          </div>
          <div style={{ minWidth: 200 }}>
            <div className="small text-body-secondary">{t('mis.list.progress')}</div>
            <ProgressBar percent={d.progressPercent} />
          </div>
          <div>
            <div className="small text-body-secondary">{t('mis.detail.cost')}</div>
            <span className="fw-semibold">{fcfa(d.estimatedCost)}</span>
          </div>
          <div>
            <div className="small text-body-secondary">{t('mis.detail.spent')}</div>
            <span className="fw-semibold" data-testid="mis-spent">
              {fcfa(d.amountSpent)}
            </span>
          </div>
        </div>
      </div>
      <div className="row">
        <div className="col-xl-7">
          <Card title={t('mis.events.title')}>
            <EventTimeline rows={eventRows(d.events, steps, locale)} canVoid={manage} onVoid={setVoiding} />
          </Card>
          <ContractsCard
            subprojectId={d.id}
            contracts={d.contracts}
            canManage={manage}
            onAdded={detail.reload}
          />
          <FilesCard subprojectId={d.id} files={d.files} canManage={manage} onAdded={detail.reload} />
        </div>
        <div className="col-xl-5">
          <SubprojectSummaryCard detail={d} />
        </div>
      </div>
      {recording && ref && (
        <EventDialog detail={d} steps={steps} onCancel={() => setRecording(false)} onDone={done} />
      )}
      {voiding && (
        <VoidDialog
          subprojectId={d.id}
          version={d.version}
          row={voiding}
          steps={steps}
          onCancel={() => setVoiding(null)}
          onDone={done}
        />
      )}
    </>
  );
}
