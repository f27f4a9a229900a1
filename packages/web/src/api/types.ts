import type { Locale, Permission, Role, VillageGroupKind } from '@coso/domain';

/** API shapes as the server presents them (see the contract in the web README). */

export type Environment = 'demo' | 'training' | 'test' | 'production';

export interface Meta {
  environment: Environment;
  version: string;
}

export interface GeoRef {
  id: string;
  code: string;
  name: string;
  level: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  permissions: Permission[];
  jurisdictions: GeoRef[];
  locale: Locale;
  csrfToken: string;
}

export interface LoginResult {
  user: Me;
  csrfToken: string;
}

export interface AccessToken {
  id: string;
  deviceName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  roles: Role[];
  jurisdictions: GeoRef[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  locale: Locale;
  roles: Role[];
  jurisdictionIds: string[];
  password: string;
}

export type UserUpdateBody = Partial<Omit<UserCreateBody, 'username' | 'password'>> & { active?: boolean };

export interface UserQuery {
  q?: string;
  role?: Role | '';
  active?: 'true' | 'false' | '';
  cursor?: string | null;
  limit?: number;
}

export interface GeoLevel {
  code: string;
  rank: number;
  labelFr: string;
  labelEn: string;
}

export interface GeoUnitSummary extends GeoRef {
  parentId: string | null;
  childCount: number;
}

export interface GeoUnit extends GeoUnitSummary {
  altNames: string[];
  border: boolean;
  rural: boolean | null;
  latitude: number | null;
  longitude: number | null;
  ancestors: GeoRef[];
}

export interface GeoUnitFields {
  code: string;
  name: string;
  altNames: string[];
  border: boolean;
  rural: boolean | null;
  latitude: number | null;
  longitude: number | null;
}

export interface GeoUnitCreateBody extends GeoUnitFields {
  level: string;
  parentId: string | null;
}

export interface GeoUnitQuery {
  parent?: string;
  within?: string;
  level?: string;
  q?: string;
  /** Only units inside the caller's jurisdictions. */
  mine?: 'true';
  cursor?: string | null;
  limit?: number;
}

export interface ImportRejection {
  line: number;
  column: string | null;
  /** Already in the request's language (Accept-Language). */
  reason: string;
  code?: string;
}

export interface ImportResult {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  /** Rows that matched existing units without changes (sent by the server, not in the first contract). */
  unchanged?: number;
  rejected: ImportRejection[];
}

export interface VillageGroup {
  id: string;
  kind: VillageGroupKind;
  code: string;
  name: string;
  cantonId: string;
  cantonName: string;
  headquartersVillageId: string | null;
  villages: { id: string; code: string; name: string }[];
}

export interface VillageGroupBody {
  kind: VillageGroupKind;
  code: string;
  name: string;
  cantonId: string;
  headquartersVillageId: string | null;
  villageIds: string[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; username: string; displayName: string } | null;
  entity: string;
  entityId: string | null;
  action: string;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string | null;
  limit?: number;
}
