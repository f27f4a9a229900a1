import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, Loading } from '../../ui/alerts';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { dccApi } from './dcc-api';
import { CycleSection, VillageTimeline } from './village-file-sections';
import './village-file.css';

/**
 * `/dcc/villages/:id`: a village's full file across cycles (issue #15 "Progress") — where it lies, per cycle
 * its facilitators over time and every task concerning it (its own, its CVD's, canton's, commune's) with
 * status and files, then the timeline of what was done. Prints clean.
 */
export default function VillageFilePage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useAsync(() => dccApi.villageFile(id), [id]);
  const file = state.data;
  if (!file) return state.error ? <ErrorAlert error={state.error} /> : <Loading />;
  const { village } = file;
  const title = t('dcc.village.title', { name: village.name });
  return (
    <div className="village-file">
      <PageHeader
        title={title}
        crumbs={[
          { label: t('nav.dcc') },
          { label: t('dcc.progress'), href: '/dcc/progress' },
          { label: village.name },
        ]}
        actions={
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm d-inline-flex align-items-center gap-1 d-print-none"
            onClick={() => window.print()}
          >
            <Icon name="printer" size={16} />
            {t('dcc.village.print')}
          </button>
        }
      />
      <dl className="row mb-3">
        <dt className="col-sm-3">{t('dcc.village.where')}</dt>
        <dd className="col-sm-9">{village.path.map((u) => u.name).join(' › ') || '—'}</dd>
        <dt className="col-sm-3">{t('dcc.level.cvd')}</dt>
        <dd className="col-sm-9">{village.cvd?.name ?? t('dcc.village.noCvd')}</dd>
      </dl>
      {file.cycles.length === 0 && <InfoAlert>{t('dcc.village.noCycles')}</InfoAlert>}
      {file.cycles.map((c) => (
        <CycleSection key={c.id} cycle={c} />
      ))}
      <VillageTimeline key={id} villageId={id} first={file.timeline} />
    </div>
  );
}
