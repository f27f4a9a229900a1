import { itemsOf, noContentSchema, savedFilterSchema } from '@coso/domain';
import { z } from 'zod';
import { requirePermission } from '../../../../http/auth.js';
import type { Api } from '../../../../http/types.js';
import { complaintFilterSchema } from '../list.js';
import type { SavedFilterRow } from './repo.js';
import type { SavedFilterService } from './service.js';

const FILTER_KEYS = new Set(Object.keys(complaintFilterSchema.shape));

/**
 * The query string of the case list, kept as the client sent it (so that the web app puts it back in the
 * URL as is), restricted to the list's filters (a cursor or a page size is not part of a filter), and
 * checked with the list's own schema so that a saved filter always opens.
 */
const savedQuery = z
  .record(z.string(), z.string().max(1000))
  .transform((q) => Object.fromEntries(Object.entries(q).filter(([key]) => FILTER_KEYS.has(key))))
  .superRefine((q, ctx) => {
    const parsed = complaintFilterSchema.safeParse(q);
    for (const issue of parsed.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

const createBody = z.object({ name: z.string().trim().min(1).max(100), query: savedQuery });
const idParams = z.object({ id: z.uuid() });

const present = (f: SavedFilterRow) => ({ id: f.id, name: f.name, query: f.query, createdAt: f.createdAt });

export function savedFilterRoutes(app: Api, { filters }: { filters: SavedFilterService }) {
  const tags = ['complaints'];

  app.get(
    '/api/v1/complaints/saved-filters',
    {
      schema: {
        tags,
        summary: "The caller's saved case-list filters, by name",
        response: { 200: itemsOf(savedFilterSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      return { items: (await filters.list(actor.id)).map(present) };
    },
  );

  app.post(
    '/api/v1/complaints/saved-filters',
    {
      schema: {
        tags,
        summary: 'Save a case-list filter under a name (409 conflict when the name is taken)',
        body: createBody,
        response: { 201: savedFilterSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'complaints.read');
      const saved = await filters.create(actor.id, request.body.name, request.body.query);
      return reply.status(201).send(present(saved));
    },
  );

  app.delete(
    '/api/v1/complaints/saved-filters/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of your saved filters',
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'complaints.read');
      await filters.remove(actor.id, request.params.id);
      return reply.status(204).send();
    },
  );
}
