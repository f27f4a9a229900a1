import type { Db } from '../../db/driver.js';
import { requirePermission } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { complaintIndicators, indicatorsQuerySchema } from './indicators.js';
import { complaintSummary, summaryFilterSchema } from './summary.js';

export function reportRoutes(app: Api, { db }: { db: Db }) {
  const tags = ['reports'];

  app.get(
    '/api/v1/reports/complaints/summary',
    {
      schema: {
        tags,
        summary:
          'Grievance summary for the dashboard and reports: totals, breakdowns, deadline compliance, durations in business days, satisfaction, monthly trend (scoped; sensitive cases as one total unless entitled)',
        querystring: summaryFilterSchema,
      },
    },
    async (request) => complaintSummary(db, requirePermission(request, 'reports.view'), request.query),
  );

  app.get(
    '/api/v1/reports/complaints/indicators',
    {
      schema: {
        tags,
        summary: 'Grievance indicators with their definitions, current value and monthly trend (computed)',
        querystring: indicatorsQuerySchema,
      },
    },
    async (request) => complaintIndicators(db, requirePermission(request, 'reports.view'), request.query),
  );
}
