import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { allowedActions, type CaseView, casePlace, caseView } from '../../case-view';
import { useLive } from '../../engine-context';
import { useT } from '../../i18n/i18n';
import { displayCode } from '../../read-aloud';
import { Screen } from '../../ui/layout';
import { StatusBadge } from '../../ui/status-badge';
import { useGeo, useReference } from '../../use-field-data';
import { CaseActions } from './case-actions';
import { CaseAttachments } from './case-attachments';
import { CaseTimeline } from './case-timeline';

/** One case from the device: summary, timeline, files, and the actions this user may take now. */
export function CaseScreen({ id }: { id: string }) {
  const { t } = useT();
  const geo = useGeo();
  const live = useLive(
    async (engine) => {
      const [row, events, attachments] = await Promise.all([
        engine.complaint(id),
        engine.events(id),
        engine.attachments(id),
      ]);
      return { row, events, attachments };
    },
    [id],
  );
  const row = live.data?.row;
  const c = row ? caseView(row, geo.index) : undefined;

  return (
    <Screen title={c ? displayCode(c.trackingCode) : t('nav.cases')} back="/cases">
      {live.loading && <p role="status">{t('common.loading')}</p>}
      {!live.loading && !c && (
        <div className="alert alert-warning" role="alert">
          {t('case.notFound')}
        </div>
      )}
      {c && live.data && (
        <>
          <CaseSummary c={c} />
          <CaseActions complaintId={c.id} actions={geo.loading ? [] : allowedActions(c, geo.actor)} />
          <CaseTimeline events={live.data.events} />
          <CaseAttachments complaintId={c.id} rows={live.data.attachments} />
        </>
      )}
    </Screen>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CaseSummary({ c }: { c: CaseView }) {
  const { t, formatDate } = useT();
  const geo = useGeo();
  const ref = useReference();
  const facts = [c.ongoing && t('case.ongoing'), c.recurring && t('case.recurring')].filter(Boolean);
  return (
    <section className="mb-4" aria-label={t('case.trackingCode')}>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-2">
        <StatusBadge status={c.status} />
        {c.pending && <span className="badge text-bg-warning">{t('cases.pending')}</span>}
        {c.sensitive && <span className="badge text-bg-danger">{t('cases.sensitive')}</span>}
        <Link href={`/receipt/${c.id}`} className="btn btn-outline-secondary btn-sm ms-auto">
          {t('case.receipt')}
        </Link>
      </div>
      {c.pending && <p className="small text-warning-emphasis">{t('case.pendingNote')}</p>}
      <dl className="field-facts">
        {c.reference && <Item label={t('case.reference')}>{c.reference}</Item>}
        <Item label={t('case.type')}>{ref.label('type', c.type)}</Item>
        <Item label={t('case.category')}>{ref.label('category', c.category)}</Item>
        <Item label={t('case.channel')}>{ref.label('channel', c.channel)}</Item>
        <Item label={t('case.village')}>{casePlace(c, geo.index)}</Item>
        <Item label={t('case.receivedAt')}>{formatDate(c.receivedAt)}</Item>
        {!c.pending && (
          <Item label={t('case.assignee')}>
            {c.assigneeId ? (c.assigneeName ?? '—') : t('case.unassigned')}
          </Item>
        )}
        {c.incidentDate && (
          <Item label={t('case.incidentDate')}>
            {formatDate(c.incidentDate, true)}
            {facts.length > 0 && ` · ${facts.join(' · ')}`}
          </Item>
        )}
        {c.placeDescription && <Item label={t('case.place')}>{c.placeDescription}</Item>}
        {c.latitude !== null && c.longitude !== null && (
          <Item label={t('case.gps')}>
            {c.latitude.toFixed(5)}, {c.longitude.toFixed(5)}
          </Item>
        )}
        {c.subprojectRef && <Item label={t('case.subproject')}>{c.subprojectRef}</Item>}
        <Item label={t('case.complainant')}>
          {c.anonymous ? t('case.anonymous') : c.confidential ? t('case.confidential') : t('case.named')}
        </Item>
      </dl>
      {c.description && (
        <>
          <h2 className="h6">{t('case.description')}</h2>
          <p className="pre-wrap">{c.description}</p>
        </>
      )}
    </section>
  );
}
