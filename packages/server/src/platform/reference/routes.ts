import { type Locale, localeFromAcceptLanguage } from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authedContext, requireUser } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { REFERENCE_LISTS, type ReferenceItem } from './repo.js';
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
const params = z.object({ list: z.enum(REFERENCE_LISTS), code: z.string().regex(/^[a-z0-9_]{1,40}$/) });

// API names of the lists, as the forms use them.
const LIST_KEYS = {
  type: 'types',
  category: 'categories',
  channel: 'channels',
  age_group: 'ageGroups',
  gender: 'genders',
  vulnerability: 'vulnerabilityGroups',
} as const;

export function localeOf(request: FastifyRequest): Locale {
  return request.auth?.user.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
}

export function presentReference(items: ReferenceItem[], locale: Locale) {
  const out = Object.fromEntries(Object.values(LIST_KEYS).map((k) => [k, [] as unknown[]]));
  for (const i of items) {
    out[LIST_KEYS[i.list]]!.push({
      code: i.code,
      label: locale === 'en' ? i.labelEn : i.labelFr,
      labelFr: i.labelFr,
      labelEn: i.labelEn,
      sort: i.sort,
      active: i.active,
      ...(i.list === 'category'
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
      },
    },
    async (request) => {
      requireUser(request);
      return presentReference(await reference.list(request.query.all === 'true'), localeOf(request));
    },
  );

  app.put(
    '/api/v1/reference/:list/:code',
    { schema: { tags, summary: 'Create or edit a reference item (administrators)', params, body: saveBody } },
    async (request) => {
      const ctx = authedContext(request, 'reference.manage');
      const item = await reference.save(ctx, request.params.list, request.params.code, request.body);
      return presentReference([item], localeOf(request))[LIST_KEYS[item.list]]![0];
    },
  );
}
