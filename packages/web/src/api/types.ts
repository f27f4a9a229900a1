import type { GeoImportReport, Locale, Role, VillageGroupKind } from '@coso/domain';

/**
 * The answers' shapes are the server's response contracts (zod schemas in @coso/domain, docs/api.md), re-exported
 * here; this file keeps the request bodies and queries the forms build.
 */
export type {
  AccessToken,
  AuditEntry,
  Environment,
  GeoLevel,
  GeoRef,
  GeoUnit,
  GeoUnitSummary,
  ImportRejection,
  LoginResult,
  Me,
  Meta,
  User,
  VillageGroup,
} from '@coso/domain';
/** `unchanged` is optional: a 422 import_rejected's details may lack it. */
export type ImportResult = Omit<GeoImportReport, 'unchanged'> & { unchanged?: number | undefined };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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

export interface VillageGroupBody {
  kind: VillageGroupKind;
  code: string;
  name: string;
  cantonId: string;
  headquartersVillageId: string | null;
  villageIds: string[];
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
