import { type GeoPath, isWithin } from './geo.js';
import type { Role } from './roles.js';

export const PERMISSIONS = [
  'users.manage',
  'geo.read',
  'geo.manage',
  'audit.read',
  'tokens.manage_all',
  'reference.manage',
  'complaints.create',
  'complaints.read',
  'complaints.import',
  'reports.view',
  'forms.read',
  'forms.manage',
  /** Resumable uploads (platform/sync/uploads): the files a case or a form submission then claims. */
  'files.upload',
  /** The DCC module: see cycles and progress; fill tasks in the field; review them; manage cycles. */
  'dcc.read',
  'dcc.fill',
  'dcc.review',
  'dcc.manage',
  /** The MIS module: see sub-projects, finance and indicators; record sub-projects and their progress; finance. */
  'mis.read',
  'mis.manage',
  'mis.finance',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; where it may do it is the user's jurisdiction. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'users.manage',
    'geo.read',
    'geo.manage',
    'audit.read',
    'tokens.manage_all',
    'reference.manage',
    'forms.read',
    'forms.manage',
    'files.upload',
  ],
  grm_officer: [
    'geo.read',
    'complaints.create',
    'complaints.read',
    'complaints.import',
    'reports.view',
    'files.upload',
  ],
  sensitive_focal_point: ['geo.read', 'complaints.create', 'complaints.read', 'reports.view', 'files.upload'],
  focal_point: ['geo.read', 'complaints.create', 'complaints.read', 'reports.view', 'files.upload'],
  facilitator: [
    'geo.read',
    'complaints.create',
    'complaints.read',
    'forms.read',
    'files.upload',
    'dcc.read',
    'dcc.fill',
  ],
  cdd_specialist: [
    'geo.read',
    'forms.read',
    'forms.manage',
    'files.upload',
    'dcc.read',
    'dcc.review',
    'dcc.manage',
    'mis.read',
  ],
  infrastructure_specialist: ['geo.read', 'forms.read', 'files.upload', 'dcc.read', 'mis.read', 'mis.manage'],
  finance_officer: ['geo.read', 'files.upload', 'mis.read', 'mis.finance'],
  supervisor: [
    'geo.read',
    'complaints.read',
    'reports.view',
    'forms.read',
    'files.upload',
    'dcc.read',
    'mis.read',
  ],
  analyst: ['geo.read', 'reports.view', 'forms.read', 'files.upload', 'dcc.read', 'mis.read'],
};

export interface Jurisdiction {
  unitId: string;
  path: GeoPath;
}

/** The part of a user that policies look at; the same shape on the server and in the field app. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  jurisdictions: readonly Jurisdiction[];
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** True when the unit at `path` lies in one of the actor's jurisdiction subtrees. */
export function inJurisdiction(actor: Actor, path: GeoPath): boolean {
  return actor.jurisdictions.some((j) => isWithin(path, j.path));
}

/** Permission × jurisdiction: may the actor do `permission` on something located at `path`? */
export function can(actor: Actor, permission: Permission, path?: GeoPath): boolean {
  if (!hasPermission(actor, permission)) return false;
  return path === undefined || inJurisdiction(actor, path);
}
