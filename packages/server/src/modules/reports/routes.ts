import type { Db } from '../../db/driver.js';
import { requirePermission } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { complaintIndicators, indicatorsQuerySchema } from './indicators.js';
import { periodicReport, REPORT_FORMATS, type ReportFormat } from './periodic.js';
import { periodicQuerySchema } from './periodic-content.js';
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

  for (const format of Object.keys(REPORT_FORMATS) as ReportFormat[]) {
    app.get(
      `/api/v1/reports/complaints/periodic.${format}`,
      {
        schema: {
          tags,
          summary: `Monthly (period=2026-10) or quarterly (period=2026-Q3) grievance report as ${format.toUpperCase()}, internal or public version (anonymised aggregates, small counts hidden)`,
          querystring: periodicQuerySchema,
        },
      },
      async (request, reply) => {
        const actor = requirePermission(request, 'reports.view');
        const { bytes, filename } = await periodicReport(db, actor, request.query, format);
        return reply
          .header('content-type', REPORT_FORMATS[format].contentType)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(bytes);
      },
    );
  }
}
