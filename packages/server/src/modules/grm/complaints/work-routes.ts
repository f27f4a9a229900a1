import { bulkResponseSchema, homeCountsSchema, localeFromAcceptLanguage } from '@coso/domain';
import type { Db } from '../../../db/driver.js';
import { authedContext, requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { DeadlineService } from '../deadlines/service.js';
import { applyBulk, bulkActionBody } from './bulk.js';
import { homeCounts } from './home.js';
import type { ComplaintService } from './service.js';

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
        response: { 200: homeCountsSchema },
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
        response: { 200: bulkResponseSchema },
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
