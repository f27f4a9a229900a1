import { type Actor, togoDate } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { loadExportLabels } from '../complaints/export/columns.js';
import { buildReportContent, type PeriodicQuery, periodRange } from './periodic-content.js';
import { renderReportPdf, renderReportXlsx } from './periodic-render.js';
import { complaintSummary } from './summary.js';

export const REPORT_FORMATS = {
  pdf: { contentType: 'application/pdf', render: renderReportPdf },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: renderReportXlsx,
  },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** The monthly or quarterly report of the caller's scope (or one area of it), as PDF or XLSX bytes. */
export async function periodicReport(
  db: Queryable,
  actor: Actor,
  q: PeriodicQuery,
  format: ReportFormat,
  today = togoDate(),
): Promise<{ bytes: Buffer; filename: string }> {
  const { from, to } = periodRange(q.period);
  const summary = await complaintSummary(
    db,
    actor,
    { from, to, ...(q.area ? { area: q.area } : {}) },
    today,
    { hideSensitive: q.version === 'public' },
  );
  const area = q.area ? await findUnit(db, q.area) : undefined;
  const areaName =
    area?.name ??
    (
      await db.query<{ name: string }>(
        'select name from geo_units where id = any($1::uuid[]) order by name',
        [actor.jurisdictions.map((j) => j.unitId)],
      )
    )
      .map((u) => u.name)
      .join(', ');
  const content = buildReportContent(summary, q, await loadExportLabels(db), areaName);
  const bytes = await REPORT_FORMATS[format].render(content);
  return {
    bytes,
    filename: `rapport-plaintes-${q.period}-${q.version === 'public' ? 'public' : 'interne'}.${format}`,
  };
}
