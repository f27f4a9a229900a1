import {
  accessTokenSchema,
  changePasswordSchema,
  issuedTokenSchema,
  itemsOf,
  loginResultSchema,
  loginSchema,
  meSchema,
  noContentSchema,
  tokenRequestSchema,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { authedContext, requireUser, SESSION_COOKIE } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import type { UserService } from '../users/service.js';
import { presentMe, presentToken } from './presenter.js';
import type { AuthService, ClientInfo } from './service.js';
import { throttleRoutes } from './throttle-routes.js';

const client = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
});

const meUpdateSchema = z.object({
  locale: z.enum(['fr', 'en']).optional(),
  displayName: z.string().trim().min(1).max(120).optional(),
});

export function authRoutes(app: Api, deps: { auth: AuthService; users: UserService; config: Config }) {
  const { auth, users, config } = deps;
  const tags = ['auth'];
  const csrfOf = (request: FastifyRequest) =>
    request.auth?.via === 'cookie' ? request.auth.session.csrfToken : null;
  throttleRoutes(app, { auth });

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with username or email (browser session cookie)',
        body: loginSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (request, reply) => {
      const { secret, session, user } = await auth.login(request.body, client(request));
      reply.setCookie(SESSION_COOKIE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      return { user: presentMe(user, session.csrfToken), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags, summary: 'End the current session', response: { 204: noContentSchema } } },
    async (request, reply) => {
      if (request.auth) await auth.logout(request.auth.session.id, authedContext(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/token',
    {
      schema: {
        tags,
        summary: 'Issue a bearer token for a field device or an API client',
        body: tokenRequestSchema,
        response: { 201: issuedTokenSchema },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, id } = await auth.issueToken(request.body, client(request));
      return reply.status(201).send({ id, token, expiresAt });
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: "List live tokens (own, or a user's for admins)",
        querystring: z.object({ userId: z.uuid().optional() }),
        response: { 200: itemsOf(accessTokenSchema) },
      },
    },
    async (request) => {
      const tokens = await auth.listTokens(requireUser(request), request.query.userId);
      return { items: tokens.map(presentToken) };
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a token',
        params: z.object({ id: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await auth.revokeToken(request.params.id, authedContext(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'The logged-in user', response: { 200: meSchema } } },
    async (request) => presentMe(requireUser(request), csrfOf(request)),
  );

  app.patch(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Change my language or display name',
        body: meUpdateSchema,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request);
      const user = await users.updateProfile(ctx, request.body);
      return presentMe(user, csrfOf(request));
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: changePasswordSchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await users.changeOwnPassword(authedContext(request), request.body, request.auth?.session.id ?? null);
      return reply.status(204).send();
    },
  );
}
