import type { Db } from '../../../db/driver.js';
import type { Api } from '../../../http/types.js';
import { streamExport } from '../../../platform/exports/download.js';
import { complaintFilterSchema } from '../complaints/list.js';
import { summaryFilterSchema } from '../reports/summary.js';

/** The grievance module's streamed downloads (its export kinds: sources.ts); background jobs are the platform's. */
export function grmExportRoutes(app: Api, { db }: { db: Db }) {
  const tags = ['exports'];
  const listSchema = (format: string) => ({
    tags,
    summary: `The case list as ${format}, with the list's filters and scope (streamed; no identities, no descriptions)`,
    querystring: complaintFilterSchema,
  });
  // The exports family of the reporting API, and the list's own links: the same streams.
  for (const base of ['/api/v1/exports/complaints', '/api/v1/complaints/export']) {
    app.get(`${base}.csv`, { schema: listSchema('CSV') }, streamExport(db, 'complaints', 'csv'));
    app.get(`${base}.xlsx`, { schema: listSchema('XLSX') }, streamExport(db, 'complaints', 'xlsx'));
  }
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/v1/exports/analyst.${format}`,
      {
        schema: {
          tags,
          summary: `Analysts' dataset as ${format.toUpperCase()}: one row per case the caller's role may see in their jurisdictions (supervisors: published cases only; analysts: ordinary cases; sensitive cases only to those who see them), every dimension and duration in business days, codes, no identities (streamed; filters of the summary)`,
          querystring: summaryFilterSchema,
        },
      },
      streamExport(db, 'analyst', format),
    );
    app.get(
      `/api/v1/exports/analyst-events.${format}`,
      {
        schema: {
          tags,
          summary: `The events of the analysts' cases as ${format.toUpperCase()}: one row per event, no payload, no actor (streamed)`,
          querystring: summaryFilterSchema,
        },
      },
      streamExport(db, 'analyst_events', format),
    );
  }
}
