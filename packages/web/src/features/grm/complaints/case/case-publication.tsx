import { type FormEvent, useState } from 'react';
import { publishSummary } from '../../../../api/case-access';
import type { Complaint } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert } from '../../../../ui/alerts';
import { Card } from '../../../../ui/card';
import { TextAreaField } from '../../../../ui/form-fields';

/** "Non publié" for the handlers of an ordinary case whose summary wider staff cannot read yet. */
export function UnpublishedBadge({ complaint }: { complaint: Complaint }) {
  const { t } = useI18n();
  if (complaint.sensitive || complaint.summaryOnly || complaint.publication?.publishedAt !== null)
    return null;
  return (
    <span className="badge text-bg-secondary" title={t('publication.unpublishedHelp')}>
      {t('publication.unpublished')}
    </span>
  );
}

/**
 * "Résumé publié": the grievance officer of the area publishes, or corrects, the sanitised summary that wider
 * staff read instead of the description.
 */
export function CasePublication({
  complaint,
  onPublished,
}: {
  complaint: Complaint;
  onPublished: (updated: Complaint) => void;
}) {
  const { t, formatDate } = useI18n();
  const current = complaint.publication;
  const [summary, setSummary] = useState(current?.summary ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!complaint.canPublish) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onPublished(await publishSummary(complaint.id, summary.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('publication.title')}>
      {current?.publishedAt ? (
        <p className="small">
          {t('publication.publishedBy', {
            name: current.publishedBy?.displayName ?? '—',
            date: formatDate(current.publishedAt),
          })}
        </p>
      ) : (
        <p className="small text-secondary">{t('publication.unpublishedHelp')}</p>
      )}
      <form onSubmit={submit}>
        <TextAreaField
          id="public-summary"
          label={t('publication.summary')}
          hint={t('publication.summaryHelp')}
          value={summary}
          onChange={setSummary}
          rows={4}
          required
        />
        <ErrorAlert error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy || summary.trim().length < 10}>
          {current?.publishedAt ? t('publication.republish') : t('publication.publish')}
        </button>
      </form>
    </Card>
  );
}
