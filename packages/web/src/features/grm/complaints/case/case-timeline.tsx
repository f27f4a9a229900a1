import { type FormEvent, useState } from 'react';
import type { Attachment, Complaint, ComplaintEvent } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert } from '../../../../ui/alerts';
import { Card } from '../../../../ui/card';
import { TextAreaField } from '../../../../ui/form-fields';
import { useGeoLevels } from '../../../geo/use-geo-levels';
import { StatusBadge } from '../badges';
import type { Reference } from '../use-reference';
import { eventLines, eventTitle } from './event-text';

interface TimelineProps {
  complaint: Complaint;
  events: ComplaintEvent[];
  attachments: Attachment[];
  reference: Reference;
  /** Posts a comment; rejects with the API error. */
  onComment: ((text: string) => Promise<void>) | null;
}

/** Every event of the case, oldest first, in words; the comment form at the end. */
export function CaseTimeline({ complaint, events, attachments, reference, onComment }: TimelineProps) {
  const { t, formatDate } = useI18n();
  const { levelLabel } = useGeoLevels();
  const names = new Map<string, string>();
  for (const e of events) if (e.actor?.displayName) names.set(e.actor.id, e.actor.displayName);
  for (const p of [complaint.assignee, complaint.recordedBy])
    if (p?.displayName) names.set(p.id, p.displayName);
  const ctx = { t, reference, levelLabel, names, attachments };

  return (
    <Card title={t('case.timeline')}>
      {events.length === 0 && <p className="text-secondary">{t('case.noEvents')}</p>}
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <div className="d-flex flex-wrap align-items-baseline gap-2">
              <strong>{eventTitle(e, t)}</strong>
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <span className="small">
                  <StatusBadge status={e.fromStatus} />
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden"> {t('event.becomes')} </span>
                  <StatusBadge status={e.toStatus} />
                </span>
              )}
              {!e.fromStatus && e.toStatus && <StatusBadge status={e.toStatus} />}
            </div>
            <div className="small text-secondary">
              {e.actor?.displayName ?? t('event.system')} · <time dateTime={e.at}>{formatDate(e.at)}</time>
            </div>
            {eventLines(e, ctx).map((line) => (
              <p key={line} className="mb-0 pre-wrap">
                {line}
              </p>
            ))}
          </li>
        ))}
      </ol>
      {onComment && <CommentForm onComment={onComment} />}
    </Card>
  );
}

function CommentForm({ onComment }: { onComment: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!text.trim()) {
      setFieldError(t('validation.required'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await onComment(text.trim());
      setText('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3 border-top pt-3">
      <ErrorAlert error={error} />
      <TextAreaField
        id="case-comment"
        label={t('case.commentLabel')}
        value={text}
        onChange={setText}
        error={fieldError}
        rows={3}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
        {t('case.commentSubmit')}
      </button>
    </form>
  );
}
