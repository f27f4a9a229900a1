import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n-context';
import { type FiledComplaint, publicApi } from './api';
import { PublicLayout } from './public-layout';

/**
 * What a citizen sees once the complaint is filed: the tracking code, whether an SMS will bring it too (the
 * server says so only when it queued one), and the receipt to download or print — on a shared phone the
 * paper or the PDF may be the only copy of the code.
 */
export function PublicSentPage({ filed }: { filed: FiledComplaint }) {
  const { t, locale } = useI18n();
  const code = filed.trackingCode;
  return (
    <PublicLayout title={t('public.sentTitle')}>
      <p className="mb-1">{t('public.sentCode')}</p>
      <p className="public-code mb-3" data-testid="tracking-code">
        {code}
      </p>
      <p
        className={`alert ${filed.smsFollows ? 'alert-success' : 'alert-info'}`}
        data-testid="sms-follows"
        data-sms={filed.smsFollows ? 'yes' : 'no'}
      >
        {t(filed.smsFollows ? 'public.smsFollows' : 'public.noSms')}
      </p>
      <p className="alert alert-warning">{t('public.sentKeep')}</p>
      <div className="d-grid gap-2 d-print-none">
        <a href={publicApi.receiptUrl(code, locale)} download className="btn btn-outline-primary">
          {t('public.receiptDownload')}
        </a>
        <button type="button" className="btn btn-outline-secondary" onClick={() => window.print()}>
          {t('public.print')}
        </button>
        <Link href={`/public/suivi?code=${encodeURIComponent(code)}`} className="btn btn-primary">
          {t('public.trackThis')}
        </Link>
      </div>
    </PublicLayout>
  );
}
