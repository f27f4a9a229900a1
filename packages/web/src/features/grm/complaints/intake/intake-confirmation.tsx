import { formatTrackingCode } from '@coso/domain';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { Complaint } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { errorText } from '../../../../ui/errors';
import { SensitiveBadge } from '../badges';
import { ReceiptButtons } from '../receipt-buttons';

export interface UploadLine {
  id: number;
  name: string;
  status: 'pending' | 'uploading' | 'done' | 'failed';
  percent: number;
  error?: unknown;
}

/** After saving: the tracking code to give the complainant, the receipts, and how the files are going. */
export function IntakeConfirmation(props: {
  complaint: Complaint;
  uploads: UploadLine[];
  /** The filer cannot open the case any more (sensitive case): receipt and files now, but no link. */
  lostAccess: boolean;
  onNew: () => void;
}) {
  const { t, locale } = useI18n();
  const { complaint: c, uploads } = props;
  const failed = uploads.some((u) => u.status === 'failed');
  const codeRef = useRef<HTMLParagraphElement>(null);
  // The form is gone: the code the operator must read out gets the focus (and the screen reader's voice).
  useEffect(() => codeRef.current?.focus(), []);
  return (
    <Card title={t('intake.created')} outline="success">
      <div className="text-center mb-4">
        <p className="mb-1 text-secondary">{t('intake.trackingCodeLabel')}</p>
        <p ref={codeRef} tabIndex={-1} className="tracking-code mb-1">
          {formatTrackingCode(c.trackingCode)}
        </p>
        <p className="mb-0">
          {t('complaint.reference')} : <strong>{c.reference}</strong> {c.sensitive && <SensitiveBadge />}
        </p>
      </div>
      <dl className="row mb-3">
        <dt className="col-sm-4">{t('complaint.assignee')}</dt>
        <dd className="col-sm-8">{c.assignee?.displayName ?? t('intake.unassignedQueue')}</dd>
      </dl>
      {c.sensitive && (
        <div className="alert alert-warning">
          {t(props.lostAccess ? 'intake.sensitiveNoAccess' : 'intake.sensitiveCreated')}
        </div>
      )}
      {uploads.length > 0 && (
        <section aria-labelledby="upload-title" className="mb-3">
          <h3 id="upload-title" className="fs-6 fw-semibold">
            {t('intake.uploads')}
          </h3>
          <ul className="list-unstyled mb-2" aria-live="polite">
            {uploads.map((u) => (
              <li key={u.id} className="d-flex flex-wrap align-items-center gap-2 mb-1">
                <span className="text-break">{u.name}</span>
                {u.status === 'uploading' && (
                  <progress max={100} value={u.percent} aria-label={u.name} className="flex-grow-1" />
                )}
                <span
                  className={`small ${u.status === 'failed' ? 'text-danger' : u.status === 'done' ? 'text-success' : 'text-secondary'}`}
                >
                  {u.status === 'pending' && t('upload.pending')}
                  {u.status === 'uploading' && t('upload.progress', { percent: u.percent })}
                  {u.status === 'done' && t('upload.done')}
                  {u.status === 'failed' && t('upload.failed', { error: errorText(u.error, locale, t) })}
                </span>
              </li>
            ))}
          </ul>
          {failed && <div className="alert alert-warning mb-0">{t('intake.uploadsFailed')}</div>}
        </section>
      )}
      <div className="d-flex flex-wrap gap-2">
        <ReceiptButtons complaintId={c.id} />
        {!props.lostAccess && (
          <Link href={`/complaints/${c.id}`} className="btn btn-outline-secondary">
            {t('intake.viewCase')}
          </Link>
        )}
        <button type="button" className="btn btn-primary" onClick={props.onNew}>
          {t('intake.another')}
        </button>
      </div>
    </Card>
  );
}
