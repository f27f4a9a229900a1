import {
  type Locale,
  localeFromAcceptLanguage,
  type ReferenceLists,
  referenceItemSchema,
  referenceListsSchema,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authedContext, requireUser } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { allReferenceLists, findReferenceList, requireReferenceList } from './lists.js';
import type { ReferenceItem } from './repo.js';
import type { ReferenceService } from './service.js';

const saveBody = z.object({
  labelFr: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  sort: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
  sensitive: z.boolean().default(false),
  requiresMinutes: z.boolean().default(false),
  outOfScope: z.boolean().default(false),
});
// The list must be registered by a module (lists.ts): another is refused with 400.
const params = z.object({ list: z.string().max(60), code: z.string().regex(/^[a-z0-9_]{1,40}$/) });

export function localeOf(request: FastifyRequest): Locale {
  return request.auth?.user.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
}

export function presentReference(items: ReferenceItem[], locale: Locale): ReferenceLists {
  // Each list under its API name, as the forms use them (lists.ts).
  const out: ReferenceLists = Object.fromEntries(allReferenceLists().map((d) => [d.apiKey, []]));
  for (const i of items) {
    const def = findReferenceList(i.list);
    if (!def) continue;
    out[def.apiKey]!.push({
      code: i.code,
      label: locale === 'en' ? i.labelEn : i.labelFr,
      labelFr: i.labelFr,
      labelEn: i.labelEn,
      sort: i.sort,
      active: i.active,
      ...(def.flags
        ? { sensitive: i.sensitive, requiresMinutes: i.requiresMinutes, outOfScope: i.outOfScope }
        : {}),
    });
  }
  return out;
}

export function referenceRoutes(app: Api, { reference }: { reference: ReferenceService }) {
  const tags = ['reference'];
  app.get(
    '/api/v1/reference',
    {
      schema: {
        tags,
        summary: 'All reference lists for the forms (codes and labels); `all=true` includes inactive items',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: referenceListsSchema },
      },
    },
    async (request) => {
      requireUser(request);
      return presentReference(await reference.list(request.query.all === 'true'), localeOf(request));
    },
  );

  app.put(
    '/api/v1/reference/:list/:code',
    {
      schema: {
        tags,
        summary: 'Create or edit a reference item (administrators)',
        params,
        body: saveBody,
        response: { 200: referenceItemSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'reference.manage');
      const { apiKey } = requireReferenceList(request.params.list);
      const item = await reference.save(ctx, request.params.list, request.params.code, request.body);
      return presentReference([item], localeOf(request))[apiKey]![0]!;
    },
  );
}
