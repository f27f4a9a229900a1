import {
  areaMapDataSchema,
  complaintSummarySchema,
  indicatorsSchema,
  itemsOf,
  reportRunSchema,
} from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../db/driver.js';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import { byAreaQuerySchema, complaintsByArea } from './by-area.js';
import { complaintIndicators, indicatorsQuerySchema } from './indicators.js';
import { periodicReport, REPORT_FORMATS, type ReportFormat } from './periodic.js';
import { periodicQuerySchema } from './periodic-content.js';
import { listReportRuns, reportRunFile } from './runs.js';
import { complaintSummary, summaryFilterSchema } from './summary.js';

export function reportRoutes(app: Api, { db, dataDir }: { db: Db; dataDir: string }) {
  const tags = ['reports'];

  app.get(
    '/api/v1/reports/complaints/summary',
    {
      schema: {
        tags,
        summary:
          'Grievance summary for the dashboard and reports: totals, breakdowns, deadline compliance, durations in business days, satisfaction, monthly trend (scoped; sensitive cases as one total unless entitled)',
        querystring: summaryFilterSchema,
        response: { 200: complaintSummarySchema },
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
        response: { 200: indicatorsSchema },
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

  app.get(
    '/api/v1/reports/complaints/by-area',
    {
      schema: {
        tags,
        summary:
          'Map data: cases per area unit of one level (total, open, overdue) with a centroid; aggregates only, the public version hides small counts',
        querystring: byAreaQuerySchema,
        response: { 200: areaMapDataSchema },
      },
    },
    async (request) => complaintsByArea(db, requirePermission(request, 'reports.view'), request.query),
  );

  app.get(
    '/api/v1/reports/runs',
    {
      schema: {
        tags,
        summary:
          'Periodic reports generated on schedule (national, monthly and quarterly): public versions for every reporting role, internal ones for national staff',
        response: { 200: itemsOf(reportRunSchema) },
      },
    },
    async (request) => listReportRuns(db, requirePermission(request, 'reports.view')),
  );

  app.get(
    '/api/v1/reports/runs/:id/file',
    {
      schema: { tags, summary: 'Download a generated periodic report', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'reports.view');
      const file = await reportRunFile(db, dataDir, actor, request.params.id, request.ip);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
}
