import { hasPermission, PERMISSIONS } from '@coso/domain';
import type { AuthUser } from '../../context.js';
import type { SessionRow } from './repo.js';

export function presentJurisdictions(user: Pick<AuthUser, 'jurisdictions'>) {
  return user.jurisdictions.map((j) => ({ id: j.unitId, code: j.code, name: j.name, level: j.level }));
}

export function presentMe(user: AuthUser, csrfToken: string | null) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    permissions: PERMISSIONS.filter((p) => hasPermission(user, p)),
    jurisdictions: presentJurisdictions(user),
    locale: user.locale,
    csrfToken,
  };
}

export function presentToken(t: SessionRow) {
  return {
    id: t.id,
    deviceName: t.deviceName,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
  };
}
