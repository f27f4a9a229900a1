import { useI18n } from '../../i18n/i18n-context';
import { Icon } from '../../ui/icons';

/**
 * The printable case file (PDF), downloaded with the session cookie. It leaves the complainant's identity
 * out: the server prints it only through an audited reveal with a reason (`identityReason`).
 */
export function CaseFileButton({ complaintId }: { complaintId: string }) {
  const { t, locale } = useI18n();
  return (
    <a
      href={`/api/v1/complaints/${encodeURIComponent(complaintId)}/case-file.pdf?lang=${locale}`}
      download
      className="btn btn-outline-secondary d-inline-flex align-items-center gap-1"
    >
      <Icon name="printer" size={16} />
      {t('caseFile.download')}
    </a>
  );
}
