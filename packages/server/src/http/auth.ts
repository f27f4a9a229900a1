import { hasPermission, type Permission, UPLOADS_PATH } from '@coso/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthUser, RequestContext } from '../context.js';
import type { SessionRow } from '../platform/auth/repo.js';
import { sameSecret } from '../platform/auth/secrets.js';
import type { AuthService } from '../platform/auth/service.js';
import { AppError } from './app-error.js';

export const SESSION_COOKIE = 'coso_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// These authenticate by password, not by the cookie, so a stale cookie must not block them.
const PASSWORD_ROUTES = new Set(['/api/v1/auth/login', '/api/v1/auth/token']);
// The field app's sync calls: a deactivated account is told so (403 account_disabled) and the device wipes
// itself, where other routes just answer "log in again".
const DEVICE_PATHS = ['/api/v1/sync/', UPLOADS_PATH];

export interface RequestAuth {
  user: AuthUser;
  session: SessionRow;
  via: 'cookie' | 'bearer';
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

/**
 * Resolves the caller from `Authorization: Bearer` (devices, API clients) or the session cookie (browser).
 * Cookie-authenticated writes must carry the session's CSRF token in `X-CSRF-Token`; bearer calls need none,
 * since a browser never attaches a bearer token on its own.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const disabledDevice = (secret: string) =>
      DEVICE_PATHS.some((p) => request.url.startsWith(p)) ? auth.isDisabledAccount(secret) : false;
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      const secret = header.slice(7).trim();
      const found = await auth.authenticate(secret, 'token');
      if (!found) throw new AppError((await disabledDevice(secret)) ? 'account_disabled' : 'session_expired');
      request.auth = { ...found, via: 'bearer' };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie || PASSWORD_ROUTES.has(request.url.split('?')[0]!)) return;
    const found = await auth.authenticate(cookie, 'session');
    if (!found && (await disabledDevice(cookie))) throw new AppError('account_disabled');
    if (!found) return; // An expired cookie is the same as none; routes that need a user say 401.
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (
        typeof sent !== 'string' ||
        !found.session.csrfToken ||
        !sameSecret(sent, found.session.csrfToken)
      ) {
        throw new AppError('csrf_invalid');
      }
    }
    request.auth = { ...found, via: 'cookie' };
  });
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth.user;
}

export function requirePermission(request: FastifyRequest, permission: Permission): AuthUser {
  const user = requireUser(request);
  if (!hasPermission(user, permission)) throw new AppError('forbidden');
  return user;
}

/** The context a service needs to attribute a write. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.auth?.user ?? null, ip: request.ip };
}

export function authedContext(request: FastifyRequest, permission?: Permission) {
  const actor = permission ? requirePermission(request, permission) : requireUser(request);
  return { actor, ip: request.ip };
}
