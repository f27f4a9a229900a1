import { ERRORS, type Locale } from '@coso/domain';

/**
 * The field login: a bearer token for this device (POST /api/v1/auth/token) and the user it belongs to
 * (GET /api/v1/me), with the server's settings the app shows offline (GET /api/v1/meta), kept in localStorage so the app opens offline after a restart. Logging out (or being
 * refused by the server) forgets them; the local data is wiped by the caller through the sync engine.
 */
export interface FieldUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  jurisdictions: Array<{ id: string; code: string; name: string; level: string }>;
  locale: Locale;
}

export interface FieldSession {
  token: string;
  /** The token's id, to revoke it at logout. */
  tokenId: string;
  expiresAt: string | null;
  user: FieldUser;
  /** Set when the server stopped accepting the token: log in again, the local data is kept. */
  expired?: boolean;
  /** The grievance hotline for receipts (GET /api/v1/meta at login); null when the server has none. */
  hotline?: string | null;
}

const STORAGE_KEY = 'coso.field.session';

export function loadSession(storage: Pick<Storage, 'getItem'> = localStorage): FieldSession | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<FieldSession>;
    if (typeof s.token !== 'string' || typeof s.tokenId !== 'string' || typeof s.user?.id !== 'string') {
      return null;
    }
    return s as FieldSession;
  } catch {
    return null;
  }
}

export function saveSession(session: FieldSession, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Pick<Storage, 'removeItem'> = localStorage): void {
  storage.removeItem(STORAGE_KEY);
}

/** A failed login: `network` when no answer came back, else the server's error code and its message. */
export class LoginError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

type Fetch = typeof fetch;

async function call(
  fetchFn: Fetch,
  url: string,
  init: RequestInit & { headers: Record<string, string> },
  locale: Locale,
): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      ...init,
      headers: { Accept: 'application/json', 'Accept-Language': locale, ...init.headers },
    });
  } catch {
    throw new LoginError('network', '');
  }
  if (res.ok) return res;
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = await res.json();
  } catch {
    // A proxy's HTML page: the status is all there is.
  }
  const code = typeof body.code === 'string' ? body.code : `http_${res.status}`;
  const known = Object.hasOwn(ERRORS, code) ? ERRORS[code as keyof typeof ERRORS][locale] : undefined;
  const message = typeof body.message === 'string' ? body.message : (known ?? `HTTP ${res.status}`);
  const retry = res.headers.get('Retry-After');
  throw new LoginError(code, message, retry && /^\d+$/.test(retry) ? Number(retry) : null);
}

/** A name for the token in the user's list of devices ("Terrain · Android"), so they can revoke it. */
export function deviceName(userAgent: string = globalThis.navigator?.userAgent ?? ''): string {
  const os = /Android/i.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/i.test(userAgent)
      ? 'iOS'
      : /Windows/i.test(userAgent)
        ? 'Windows'
        : /Linux/i.test(userAgent)
          ? 'Linux'
          : /Mac/i.test(userAgent)
            ? 'macOS'
            : 'navigateur';
  return `Terrain · ${os}`;
}

export async function login(
  username: string,
  password: string,
  locale: Locale,
  fetchFn: Fetch = fetch,
): Promise<FieldSession> {
  const issued = await call(
    fetchFn,
    '/api/v1/auth/token',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: username.trim(), password, deviceName: deviceName() }),
    },
    locale,
  );
  const { id, token, expiresAt } = (await issued.json()) as {
    id: string;
    token: string;
    expiresAt: string | null;
  };
  const me = await call(fetchFn, '/api/v1/me', { headers: { Authorization: `Bearer ${token}` } }, locale);
  const user = (await me.json()) as FieldUser & { csrfToken?: unknown; email?: unknown };
  const meta = (await (await call(fetchFn, '/api/v1/meta', { headers: {} }, locale)).json()) as {
    hotline?: unknown;
  };
  return {
    token,
    tokenId: id,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: user.permissions,
      jurisdictions: user.jurisdictions,
      locale: user.locale,
    },
    hotline: typeof meta.hotline === 'string' ? meta.hotline : null,
  };
}

/**
 * Revokes the device token at logout. Best effort: offline, or with a token the server already refuses,
 * there is nothing to revoke from here (it expires on its own, and an administrator can revoke it).
 */
export async function revokeToken(session: FieldSession, fetchFn: Fetch = fetch): Promise<boolean> {
  try {
    const res = await fetchFn(`/api/v1/auth/tokens/${encodeURIComponent(session.tokenId)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${session.token}` },
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** What the logout dialog must warn about: work that exists only on this phone. */
export function unsentWork(status: {
  pendingMutations: number;
  pendingFiles: number;
  failed: readonly unknown[];
}): { changes: number; files: number; failed: number; any: boolean } {
  // pendingMutations counts the entries still to send; the refused ones are apart, in `failed`.
  const out = { changes: status.pendingMutations, files: status.pendingFiles, failed: status.failed.length };
  return { ...out, any: out.changes + out.files + out.failed > 0 };
}
