import { useLocation } from 'wouter';
import { createUser } from '../../api/users';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { UserForm } from './user-form';

export default function UserNewPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <>
      <PageHeader
        title={t('users.new')}
        crumbs={[{ label: t('users.title'), href: '/admin/users' }, { label: t('users.new') }]}
      />
      <Card title={t('users.profile')} outline="primary">
        <UserForm
          mode="create"
          onSubmit={async (body) => {
            const user = await createUser(body);
            navigate(`/admin/users/${user.id}?created=1`);
          }}
        />
      </Card>
    </>
  );
}
