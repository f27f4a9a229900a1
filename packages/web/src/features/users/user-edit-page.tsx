import { useSearch } from 'wouter';
import { getUser, updateUser } from '../../api/users';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { TokensCard } from '../account/tokens-card';
import { useAuth } from '../auth/auth-context';
import { ResetPasswordCard } from './reset-password-card';
import { UserForm } from './user-form';
import { UserStatusCard } from './user-status-card';

export default function UserEditPage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { can, me } = useAuth();
  const created = new URLSearchParams(useSearch()).get('created') === '1';
  const user = useAsync(() => getUser(id), [id]);
  const crumbs = [{ label: t('users.title'), href: '/admin/users' }];

  if (!user.data) {
    return (
      <>
        <PageHeader title={t('users.edit')} crumbs={[...crumbs, { label: t('users.edit') }]} />
        {user.loading ? <Loading /> : <ErrorAlert error={user.error} />}
      </>
    );
  }
  const u = user.data;
  return (
    <>
      <PageHeader title={u.displayName} crumbs={[...crumbs, { label: u.displayName }]} />
      {created && <SuccessAlert>{t('users.created')}</SuccessAlert>}
      <div className="row">
        <div className="col-xl-8">
          <Card title={t('users.profile')} outline="primary">
            <UserForm
              mode="edit"
              user={u}
              onSubmit={async (body) => {
                user.setData(await updateUser(u.id, body));
              }}
            />
          </Card>
        </div>
        <div className="col-xl-4">
          <UserStatusCard user={u} onChange={user.setData} />
          <ResetPasswordCard userId={u.id} />
          <Card title={t('users.history')}>
            <dl className="row small mb-0">
              <dt className="col-6">{t('users.createdAt')}</dt>
              <dd className="col-6">{formatDate(u.createdAt)}</dd>
              <dt className="col-6">{t('users.updatedAt')}</dt>
              <dd className="col-6">{formatDate(u.updatedAt)}</dd>
              <dt className="col-6">{t('users.lastLogin')}</dt>
              <dd className="col-6 mb-0">{formatDate(u.lastLoginAt)}</dd>
            </dl>
          </Card>
        </div>
      </div>
      {(can('tokens.manage_all') || me?.id === u.id) && <TokensCard userId={u.id} />}
    </>
  );
}
