import type { Queryable } from '../../db/driver.js';

export type SessionKind = 'session' | 'token';

export interface SessionRow {
  id: string;
  kind: SessionKind;
  userId: string;
  csrfToken: string | null;
  deviceName: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

const SESSION_COLUMNS = `id, kind, user_id as "userId", csrf_token as "csrfToken", device_name as "deviceName",
  created_at as "createdAt", last_used_at as "lastUsedAt", expires_at as "expiresAt"`;

export async function insertSession(
  tx: Queryable,
  s: Omit<SessionRow, 'createdAt' | 'lastUsedAt'> & {
    secretHash: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into auth_sessions (id, kind, secret_hash, user_id, csrf_token, device_name, ip, user_agent, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [s.id, s.kind, s.secretHash, s.userId, s.csrfToken, s.deviceName, s.ip, s.userAgent, s.expiresAt],
  );
}

/** A live session: not revoked, not expired, and its user still active. */
export async function findLiveSession(db: Queryable, secretHash: string, kind: SessionKind) {
  const rows = await db.query<SessionRow>(
    `select ${SESSION_COLUMNS} from auth_sessions s
      where secret_hash = $1 and kind = $2 and revoked_at is null and expires_at > now()
        and exists (select 1 from users u where u.id = s.user_id and u.active)`,
    [secretHash, kind],
  );
  return rows[0];
}

/**
 * Whether the secret is one of a deactivated user's sessions or tokens, revoked or not (deactivation revokes
 * them all): the caller proves it held that account, so it may be told to wipe its device.
 */
export async function isSecretOfDisabledUser(db: Queryable, secretHash: string): Promise<boolean> {
  const [row] = await db.query<{ disabled: boolean }>(
    `select exists (select 1 from auth_sessions s join users u on u.id = s.user_id
                     where s.secret_hash = $1 and not u.active) as disabled`,
    [secretHash],
  );
  return row?.disabled ?? false;
}

/** Records use at most once a minute, and slides a browser session's idle expiry. */
export async function touchSession(db: Queryable, id: string, idleHours: number | null): Promise<void> {
  await db.query(
    `update auth_sessions set last_used_at = now(),
            expires_at = case when $2::int is null then expires_at else now() + make_interval(hours => $2::int) end
      where id = $1 and last_used_at < now() - interval '1 minute'`,
    [id, idleHours],
  );
}

export async function revokeSession(tx: Queryable, id: string): Promise<void> {
  await tx.query('update auth_sessions set revoked_at = now() where id = $1 and revoked_at is null', [id]);
}

/** Ends every session and token of a user (deactivation, password reset), but `keepId`. Returns how many. */
export async function revokeAllForUser(
  tx: Queryable,
  userId: string,
  kinds: SessionKind[],
  keepId: string | null = null,
): Promise<number> {
  const rows = await tx.query(
    `update auth_sessions set revoked_at = now()
      where user_id = $1 and kind = any($2::text[]) and revoked_at is null and expires_at > now()
        and id is distinct from $3::uuid returning id`,
    [userId, kinds, keepId],
  );
  return rows.length;
}

export async function listTokens(db: Queryable, userId: string): Promise<SessionRow[]> {
  return db.query<SessionRow>(
    `select ${SESSION_COLUMNS} from auth_sessions
      where user_id = $1 and kind = 'token' and revoked_at is null and expires_at > now()
      order by created_at desc`,
    [userId],
  );
}

export async function findToken(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const rows = await db.query<SessionRow>(
    `select ${SESSION_COLUMNS} from auth_sessions where id = $1 and kind = 'token' and revoked_at is null`,
    [id],
  );
  return rows[0];
}

/** Housekeeping for the job worker. */
export async function purgeExpired(db: Queryable, windowMinutes: number): Promise<void> {
  await db.query(`delete from auth_sessions where expires_at < now() - interval '30 days'`);
  await db.query('delete from auth_failures where at < now() - make_interval(mins => $1::int)', [
    windowMinutes,
  ]);
}
