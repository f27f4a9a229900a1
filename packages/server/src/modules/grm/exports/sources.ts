import type { ExportSource, ExportKind as KindOf } from '../../../platform/exports/kinds.js';
import type { Pages, TableSpec } from '../../../platform/exports/table-stream.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { loadExportLabels } from '../complaints/export/columns.js';
import { complaintExportPages, complaintTable } from '../complaints/export/stream.js';
import { type ComplaintFilter, complaintFilterSchema } from '../complaints/list.js';
import { type SummaryQuery, summaryFilterSchema } from '../reports/summary.js';
import { ANALYST_EVENTS_TABLE, ANALYST_TABLE, analystEventPages, analystPages } from './analyst.js';

/**
 * What the grievance module exports, by whom, with which filters (registered as the platform's export kinds:
 * platform/exports/kinds.ts). None of them carries a complainant's identity.
 */

const kind = <F>(k: KindOf<F>) => k;

export const EXPORT_KINDS = {
  /** The case list with its filters and scope (GET /complaints), French labels. */
  complaints: kind<ComplaintFilter>({
    name: 'complaints',
    permission: 'complaints.read',
    filters: complaintFilterSchema,
    entity: 'complaint_export',
    file: 'plaintes',
    async open(db, actor, filters, today) {
      // What ComplaintService.list does with the area (an unknown one lists nothing), on this connection
      // and date; the rows are the list's, in its order (complaints/export/rows.ts).
      const areaPath = filters.area ? ((await findUnit(db, filters.area))?.path ?? '/none/') : undefined;
      return source(
        complaintTable(await loadExportLabels(db)),
        complaintExportPages(db, actor, { ...filters, areaPath, today }),
      );
    },
  }),
  /**
   * One row per case, every dimension and duration, codes (docs/reports.md has the dictionary); which cases
   * per role is datasetScope's (dataset-scope.ts), applied in the query itself.
   */
  analyst: kind<SummaryQuery>({
    name: 'analyst',
    permission: 'reports.view',
    filters: summaryFilterSchema,
    entity: 'analyst_export',
    file: 'plaintes-jeu-de-donnees',
    open: async (db, actor, filters, today) => source(ANALYST_TABLE, analystPages(db, actor, filters, today)),
  }),
  /** One row per event of the same cases, without payload nor actor. */
  analyst_events: kind<SummaryQuery>({
    name: 'analyst_events',
    permission: 'reports.view',
    filters: summaryFilterSchema,
    entity: 'analyst_events_export',
    file: 'plaintes-evenements',
    open: async (db, actor, filters, today) =>
      source(ANALYST_EVENTS_TABLE, analystEventPages(db, actor, filters, today)),
  }),
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

function source<Row>(table: TableSpec<Row>, pages: Pages<Row>): ExportSource {
  return { table, pages } as unknown as ExportSource;
}

/** The module's export kinds, as the composition root registers them. */
export const grmExportKinds: readonly KindOf[] = Object.values(EXPORT_KINDS);
