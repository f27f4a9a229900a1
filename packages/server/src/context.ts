import type { Jurisdiction, Locale, Role } from '@coso/domain';

/** The authenticated user as the server sees it on each request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: Locale;
  roles: Role[];
  jurisdictions: Array<Jurisdiction & { code: string; name: string; level: string }>;
}

/** Who performs a service operation, and from where: every write is attributed. */
export interface RequestContext {
  actor: AuthUser | null;
  ip: string | null;
}

export const SYSTEM_CONTEXT: RequestContext = { actor: null, ip: null };
