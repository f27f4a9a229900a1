import type { User } from '../../api/types';
import { updateUser } from '../../api/users';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { ConfirmButton } from '../../ui/confirm-dialog';
import { useAuth } from '../auth/auth-context';

/** Deactivation ends the user's sessions at once on the server, so it always asks first. */
export function UserStatusCard({ user, onChange }: { user: User; onChange: (user: User) => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const self = me?.id === user.id;
  return (
    <Card title={t('users.status')}>
      <p>
        {user.active ? (
          <span className="badge text-bg-success">{t('users.active')}</span>
        ) : (
          <span className="badge text-bg-secondary">{t('users.inactive')}</span>
        )}
      </p>
      {user.active ? (
        <>
          <ConfirmButton
            label={t('users.deactivate')}
            title={t('users.deactivateTitle', { name: user.displayName })}
            message={t('users.deactivateText')}
            disabled={self}
            onConfirm={async () => onChange(await updateUser(user.id, { active: false }))}
          />
          {self && <div className="form-text">{t('users.cannotDeactivateSelf')}</div>}
        </>
      ) : (
        <ConfirmButton
          label={t('users.reactivate')}
          title={t('users.reactivateTitle', { name: user.displayName })}
          message={t('users.reactivateText')}
          variant="primary"
          onConfirm={async () => onChange(await updateUser(user.id, { active: true }))}
        />
      )}
    </Card>
  );
}
