import { type ComplaintActionName, formatTrackingCode } from '@coso/domain';
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../../api/client';
import { actOnComplaint, getComplaint, listAttachments, listComplaintEvents } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, Loading, SuccessAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { CaseActions } from './case/case-actions';
import { CaseAttachments } from './case/case-attachments';
import { CasePublication, UnpublishedBadge } from './case/case-publication';
import { CaseReferrals } from './case/case-referrals';
import { CaseSharing } from './case/case-sharing';
import { CaseSummary, ComplainantCard } from './case/case-summary';
import { CaseTimeline } from './case/case-timeline';
import { CaseFileButton } from './case-file-button';
import { ReceiptButtons } from './receipt-buttons';
import { useReference } from './use-reference';

type Notice =
  | { kind: 'done'; action: ComplaintActionName }
  | { kind: 'conflict' }
  | { kind: 'accessLost' }
  | null;

/** `/complaints/:id`: the case file, its timeline, comments, files and the actions open to this user. */
export default function ComplaintPage({ id }: { id: string }) {
  const { t } = useI18n();
  const reference = useReference();
  const complaint = useAsync(() => getComplaint(id), [id]);
  const events = useAsync(() => listComplaintEvents(id).then((r) => r.items), [id]);
  // Readers of the published summary only get no files (photos may identify people): not even asked for.
  const summaryOnly = complaint.data?.summaryOnly;
  const attachments = useAsync(
    () => (summaryOnly === false ? listAttachments(id).then((r) => r.items) : Promise.resolve([])),
    [id, summaryOnly],
  );
  const [notice, setNotice] = useState<Notice>(null);

  function reloadAll() {
    complaint.reload();
    events.reload();
    attachments.reload();
  }

  const c = complaint.data;
  if (!c) {
    if (complaint.loading) return <Loading />;
    const missing = complaint.error instanceof ApiError && complaint.error.status === 404;
    return (
      <>
        <PageHeader title={t('case.notFoundTitle')} crumbs={[{ label: t('nav.complaints') }]} />
        {missing ? (
          <div className="alert alert-warning">{t('case.notFound')}</div>
        ) : (
          <ErrorAlert error={complaint.error} />
        )}
      </>
    );
  }

  if (notice?.kind === 'accessLost') {
    return (
      <>
        <PageHeader title={c.reference} crumbs={[{ label: t('nav.complaints') }]} />
        <div className="alert alert-info">
          {t('case.accessLost')} <Link href="/complaints?queue=area">{t('case.backToList')}</Link>
        </div>
      </>
    );
  }

  const title = t('case.title', { code: formatTrackingCode(c.trackingCode) });
  const canWork = c.allowedActions.includes('comment');
  const requiresMinutes = reference.item('categories', c.category)?.requiresMinutes === true;

  async function comment(text: string) {
    if (!c) return;
    try {
      complaint.setData(await actOnComplaint(c.id, { action: 'comment', text }, c.version));
      events.reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setNotice({ kind: 'conflict' });
        reloadAll();
      }
      throw err;
    }
  }

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('nav.complaints'), href: '/complaints?queue=area' }, { label: c.reference }]}
        actions={
          <>
            <ReceiptButtons complaintId={c.id} />
            <CaseFileButton complaint={c} />
          </>
        }
      />
      {notice?.kind === 'conflict' && <InfoAlert>{t('case.changedMeanwhile')}</InfoAlert>}
      {notice?.kind === 'done' && (
        <SuccessAlert>{t('case.done', { action: t(`action.${notice.action}`) })}</SuccessAlert>
      )}
      <div className="row">
        <div className="col-lg-8">
          <CaseSummary complaint={c} reference={reference} />
          <Card title={t('complaint.description')} tools={<UnpublishedBadge complaint={c} />}>
            {c.summaryOnly && <p className="small text-secondary">{t('publication.summaryOnly')}</p>}
            <p className="pre-wrap mb-0">{c.description}</p>
          </Card>
          <CaseTimeline
            complaint={c}
            events={events.data ?? []}
            attachments={attachments.data ?? []}
            reference={reference}
            onComment={canWork ? comment : null}
          />
          <ErrorAlert error={events.error} />
        </div>
        <div className="col-lg-4">
          <CaseActions
            complaint={c}
            attachments={attachments.data ?? []}
            requiresMinutes={requiresMinutes}
            onDone={(updated, action) => {
              complaint.setData(updated);
              setNotice({ kind: 'done', action });
              events.reload();
            }}
            onConflict={() => {
              setNotice({ kind: 'conflict' });
              reloadAll();
            }}
            onAccessLost={() => setNotice({ kind: 'accessLost' })}
          />
          <ComplainantCard complaint={c} reference={reference} />
          <CasePublication complaint={c} onPublished={reloadAll} />
          <CaseSharing complaint={c} />
          <CaseReferrals complaint={c} />
          {!c.summaryOnly && (
            <CaseAttachments
              complaintId={c.id}
              attachments={attachments.data ?? []}
              error={attachments.error}
              canUpload={canWork}
              onUploaded={() => {
                // An upload bumps the case's version: the next action must be based on the new one.
                reloadAll();
              }}
            />
          )}
        </div>
      </div>
    </>
  );
}
