import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <div className="card">
        <div className="card-body">
          <p>{t('notFound.text')}</p>
          <Link href="/" className="btn btn-primary">
            {t('notFound.home')}
          </Link>
        </div>
      </div>
    </>
  );
}
