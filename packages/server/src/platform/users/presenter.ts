import { presentJurisdictions } from '../auth/presenter.js';
import type { UserRecord } from './repo.js';

export function presentUser(u: UserRecord) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    locale: u.locale,
    roles: u.roles,
    jurisdictions: presentJurisdictions(u),
    active: u.active,
    trainingAccount: u.trainingAccount,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    lastLoginAt: u.lastLoginAt,
  };
}
