import {
  createUserSchema,
  noContentSchema,
  pageOf,
  ROLES,
  resetPasswordSchema,
  updateUserSchema,
  userSchema,
} from '@coso/domain';
import { z } from 'zod';
import { authedContext, requirePermission } from '../../http/auth.js';
import { decodeCursor, page } from '../../http/cursor.js';
import type { Api } from '../../http/types.js';
import { presentUser } from './presenter.js';
import type { UserService } from './service.js';

const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const idParams = z.object({ id: z.uuid() });

export function userRoutes(app: Api, { users }: { users: UserService }) {
  const tags = ['users'];

  app.get(
    '/api/v1/users',
    {
      schema: { tags, summary: 'List users', querystring: listQuery, response: { 200: pageOf(userSchema) } },
    },
    async (request) => {
      requirePermission(request, 'users.manage');
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, z.object({ username: z.string() }));
      const rows = await users.list({ ...filter, after, limit: limit + 1 });
      const result = page(rows, limit, (u) => ({ username: u.username }));
      return { items: result.items.map(presentUser), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema } } },
    async (request) => {
      requirePermission(request, 'users.manage');
      return presentUser(await users.get(request.params.id));
    },
  );

  app.post(
    '/api/v1/users',
    { schema: { tags, summary: 'Create a user', body: createUserSchema, response: { 201: userSchema } } },
    async (request, reply) => {
      const ctx = authedContext(request, 'users.manage');
      return reply.status(201).send(presentUser(await users.create(ctx, request.body)));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit a user; `active: false` deactivates and ends their sessions at once',
        params: idParams,
        body: updateUserSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'users.manage');
      return presentUser(await users.update(ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags,
        summary: "Reset a user's password",
        params: idParams,
        body: resetPasswordSchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'users.manage');
      await users.resetPassword(ctx, request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );
}
