import { useI18n } from '../../i18n/i18n-context';
import { PageHeader } from '../../ui/page-header';
import { PasswordCard } from './password-card';
import { ProfileCard } from './profile-card';
import { TokensCard } from './tokens-card';

export default function AccountPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('account.title')} crumbs={[{ label: t('account.title') }]} />
      <div className="row">
        <div className="col-lg-6">
          <ProfileCard />
        </div>
        <div className="col-lg-6">
          <PasswordCard />
        </div>
      </div>
      <TokensCard />
    </>
  );
}
