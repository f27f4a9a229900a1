import { randomUUID } from 'node:crypto';
import { hasPermission, type LoginInput, type TokenRequest } from '@coso/domain';
import type { Config } from '../../config.js';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { appendAudit } from '../audit/repo.js';
import { findCredentials, findUserById, touchLastLogin, type UserRecord } from '../users/repo.js';
import { burnVerification, verifyPassword } from './passwords.js';
import * as repo from './repo.js';
import { hashSecret, newSecret } from './secrets.js';
import { createLoginThrottle, loginKeyOf } from './throttle.js';

export const TOKEN_PREFIX = 'coso_';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export function toAuthUser(u: UserRecord): AuthUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    locale: u.locale,
    roles: u.roles,
    jurisdictions: u.jurisdictions,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({ db, config }: { db: Db; config: Config }) {
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
  const throttle = createLoginThrottle({ db, config });

  /** Checks the credentials; on success returns the user, on failure records it and throws 401. */
  async function checkCredentials(input: LoginInput, client: ClientInfo): Promise<UserRecord> {
    const loginKey = loginKeyOf(input.login);
    await throttle.beforeAttempt(loginKey, client.ip);
    const creds = await findCredentials(db, input.login);
    const ok = creds
      ? await verifyPassword(creds.passwordHash, input.password)
      : await burnVerification(input.password);
    const user = ok && creds?.active ? await findUserById(db, creds.id) : undefined;
    if (!user) {
      await throttle.recordFailure(loginKey, client.ip);
      await appendAudit(db, {
        actorId: null,
        entity: 'user',
        entityId: creds?.id ?? null,
        action: 'login_failed',
        changes: { login: input.login.slice(0, 100) },
        ip: client.ip,
      });
      throw new AppError('invalid_credentials');
    }
    return user;
  }

  async function openSession(
    user: UserRecord,
    client: ClientInfo,
    kind: repo.SessionKind,
    deviceName: string | null,
  ): Promise<{ secret: string; session: repo.SessionRow }> {
    const secret = newSecret(kind === 'token' ? TOKEN_PREFIX : '');
    const session: repo.SessionRow = {
      id: randomUUID(),
      kind,
      userId: user.id,
      csrfToken: kind === 'session' ? newSecret() : null,
      deviceName,
      createdAt: new Date(),
      lastUsedAt: new Date(),
      expiresAt: kind === 'session' ? hours(config.sessionTtlHours) : hours(config.tokenTtlDays * 24),
    };
    await db.transaction(async (tx) => {
      await repo.insertSession(tx, { ...session, secretHash: hashSecret(secret), ...client });
      const loginKeys = [user.username, ...(user.email ? [user.email] : [])].map(loginKeyOf);
      await throttle.afterSuccess(tx, loginKeys, client.ip);
      await touchLastLogin(tx, user.id);
      await appendAudit(tx, {
        actorId: user.id,
        entity: kind === 'session' ? 'session' : 'token',
        entityId: session.id,
        action: kind === 'session' ? 'login' : 'token_issued',
        changes: deviceName ? { deviceName } : null,
        ip: client.ip,
      });
    });
    return { secret, session };
  }

  return {
    /** Login throttles, for administrators (see throttle.ts). */
    throttles: {
      list: () => throttle.list(),
      clear: (ctx: RequestContext, target: { login?: string | undefined; ip?: string | undefined }) =>
        throttle.clear(ctx, target),
    },

    async login(input: LoginInput, client: ClientInfo) {
      const user = await checkCredentials(input, client);
      const { secret, session } = await openSession(user, client, 'session', null);
      return { secret, session, user: toAuthUser(user) };
    },

    async issueToken(input: TokenRequest, client: ClientInfo) {
      const user = await checkCredentials(input, client);
      const { secret, session } = await openSession(user, client, 'token', input.deviceName ?? null);
      return { token: secret, id: session.id, expiresAt: session.expiresAt };
    },

    /** Resolves a cookie or bearer secret to its live session and user, or null. */
    async authenticate(secret: string, kind: repo.SessionKind) {
      const session = await repo.findLiveSession(db, hashSecret(secret), kind);
      if (!session) return null;
      const user = await findUserById(db, session.userId);
      if (!user?.active) return null;
      await repo.touchSession(db, session.id, kind === 'session' ? config.sessionTtlHours : null);
      return { session, user: toAuthUser(user) };
    },

    /** True when `secret` belongs to a deactivated account (see repo.isSecretOfDisabledUser). */
    isDisabledAccount(secret: string): Promise<boolean> {
      return repo.isSecretOfDisabledUser(db, hashSecret(secret));
    },

    async logout(sessionId: string, ctx: RequestContext) {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, sessionId);
        await appendAudit(tx, {
          actorId: ctx.actor?.id ?? null,
          entity: 'session',
          entityId: sessionId,
          action: 'logout',
          ip: ctx.ip,
        });
      });
    },

    /** The caller's own tokens, or another user's for an administrator. */
    async listTokens(actor: AuthUser, userId = actor.id) {
      if (userId !== actor.id && !hasPermission(actor, 'tokens.manage_all')) throw new AppError('forbidden');
      return repo.listTokens(db, userId);
    },

    async revokeToken(tokenId: string, ctx: RequestContext & { actor: AuthUser }) {
      const token = await repo.findToken(db, tokenId);
      const mayManage = token?.userId === ctx.actor.id || hasPermission(ctx.actor, 'tokens.manage_all');
      if (!token || !mayManage) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, token.id);
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'token',
          entityId: token.id,
          action: 'token_revoked',
          changes: { userId: token.userId, deviceName: token.deviceName },
          ip: ctx.ip,
        });
      });
    },
  };
}
