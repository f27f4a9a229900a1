import type { Role } from '@coso/domain';
import { useI18n } from '../i18n/i18n-context';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <span className="d-inline-flex flex-wrap gap-1">
      {roles.map((r) => (
        <span key={r} className="badge text-bg-secondary fw-normal">
          {t(`role.${r}`)}
        </span>
      ))}
    </span>
  );
}
