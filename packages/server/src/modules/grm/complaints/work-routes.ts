import { localeFromAcceptLanguage } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../db/driver.js';
import { authedContext, requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { DeadlineService } from '../deadlines/service.js';
import { applyBulk, bulkActionBody } from './bulk.js';
import { HOME_ITEMS, homeCounts } from './home.js';
import type { ComplaintService } from './service.js';

const homeCountsResponse = z.object({
  today: z.iso.date(),
  /** The caller's lists hold published summaries only (a supervisor): nothing waits on them. */
  publishedOnly: z.boolean(),
  items: z.array(
    z.object({
      key: z.enum(HOME_ITEMS),
      count: z.number().int(),
      /** The list filter the count was taken with: GET /api/v1/complaints?<query> lists exactly `count` cases. */
      query: z.record(z.string(), z.string()),
    }),
  ),
});

const bulkResponse = z.object({
  items: z.array(
    z.union([
      z.object({ id: z.uuid(), ok: z.literal(true), status: z.string(), version: z.number().int() }),
      z.object({
        id: z.uuid(),
        ok: z.literal(false),
        code: z.string(),
        message: z.string(),
        details: z.unknown().optional(),
      }),
    ]),
  ),
  done: z.number().int(),
  failed: z.number().int(),
});

/** The grievance team's daily work: what waits on me now (home counts) and actions on several cases. */
export function complaintWorkRoutes(
  app: Api,
  { db, complaints, deadlines }: { db: Db; complaints: ComplaintService; deadlines: DeadlineService },
) {
  const tags = ['complaints'];

  app.get(
    '/api/v1/complaints/home-counts',
    {
      schema: {
        tags,
        summary:
          'What needs the caller now (overdue, due within 2 business days, unassigned, awaiting the answer, mine): ' +
          'counts with the list filter each one stands for',
        response: { 200: homeCountsResponse },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      return homeCounts(db, actor, deadlines.today());
    },
  );

  app.post(
    '/api/v1/complaints/bulk-actions',
    {
      schema: {
        tags,
        summary:
          'Acknowledge or reassign several cases, each through the single-case action; a result per case',
        body: bulkActionBody,
        response: { 200: bulkResponse },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'complaints.read');
      const locale = localeFromAcceptLanguage(request.headers['accept-language']);
      const { ids, action } = request.body;
      return applyBulk(complaints, ctx, ids, action, locale, request.log);
    },
  );
}
