import { receiptUrl } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import { Icon } from '../../../ui/icons';

/** The printable receipts open in a new tab: the browser's PDF viewer prints them. */
export function ReceiptButtons({ complaintId }: { complaintId: string }) {
  const { t } = useI18n();
  return (
    <>
      <a
        href={receiptUrl(complaintId, 'a4')}
        target="_blank"
        rel="noopener"
        className="btn btn-outline-primary d-inline-flex align-items-center gap-1"
      >
        <Icon name="printer" size={16} />
        {t('receipt.a4')}
      </a>
      <a
        href={receiptUrl(complaintId, 'thermal')}
        target="_blank"
        rel="noopener"
        className="btn btn-outline-secondary d-inline-flex align-items-center gap-1"
      >
        <Icon name="printer" size={16} />
        {t('receipt.thermal')}
      </a>
    </>
  );
}
