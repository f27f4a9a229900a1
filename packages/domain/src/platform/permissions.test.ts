import { describe, expect, it } from 'vitest';
import { childPath } from './geo.js';
import {
  type Actor,
  can,
  hasPermission,
  inJurisdiction,
  PERMISSIONS,
  ROLE_PERMISSIONS,
} from './permissions.js';
import { ROLES } from './roles.js';

const country = childPath(null, 'tg');
const kara = childPath(country, 'kara');
const savanes = childPath(country, 'savanes');
const kozah = childPath(kara, 'kozah');

const actor = (roles: Actor['roles'], paths: string[]): Actor => ({
  id: 'u',
  roles,
  jurisdictions: paths.map((path) => ({ unitId: path, path })),
});

describe('permissions', () => {
  it('grants every role a known permission set; admins configure but do not handle cases', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    expect(ROLE_PERMISSIONS.admin).toContain('users.manage');
    expect(ROLE_PERMISSIONS.admin).not.toContain('complaints.read');
  });

  it('combines role and jurisdiction', () => {
    const focalKara = actor(['focal_point'], [kara]);
    expect(hasPermission(focalKara, 'geo.read')).toBe(true);
    expect(hasPermission(focalKara, 'users.manage')).toBe(false);
    expect(inJurisdiction(focalKara, kozah)).toBe(true);
    expect(inJurisdiction(focalKara, savanes)).toBe(false);
    expect(can(actor(['admin'], [kara]), 'geo.manage', kozah)).toBe(true);
    expect(can(actor(['admin'], [kara]), 'geo.manage', savanes)).toBe(false);
    expect(can(actor(['admin'], [kara]), 'geo.manage')).toBe(true);
    expect(can(actor(['facilitator'], [kozah]), 'geo.manage', kozah)).toBe(false);
  });

  it('unions several jurisdictions and several roles', () => {
    const both = actor(['facilitator', 'admin'], [kozah, savanes]);
    expect(can(both, 'users.manage', savanes)).toBe(true);
    expect(inJurisdiction(both, kara)).toBe(false);
  });
});
