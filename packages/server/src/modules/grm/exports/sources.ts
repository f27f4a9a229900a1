import { type Actor, hasPermission, type Permission, togoDate } from '@coso/domain';
import type { z } from 'zod';
import type { AuthUser } from '../../../context.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Pages, TableSpec } from '../../../platform/exports/table-stream.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { loadExportLabels } from '../complaints/export/columns.js';
import { complaintExportPages, complaintTable } from '../complaints/export/stream.js';
import { type ComplaintFilter, complaintFilterSchema } from '../complaints/list.js';
import { type SummaryQuery, summaryFilterSchema } from '../reports/summary.js';
import { ANALYST_EVENTS_TABLE, ANALYST_TABLE, analystEventPages, analystPages } from './analyst.js';

/**
 * What can be exported, by whom, with which filters: the same definitions serve the streamed downloads and
 * the background jobs. None of them carries a complainant's identity.
 */

export interface ExportSource {
  table: TableSpec<never>;
  pages: Pages<never>;
}

interface Kind<F> {
  permission: Permission;
  filters: z.ZodType<F, unknown>;
  /** Audit log entity of the export. */
  entity: string;
  /** File name before the date and the extension. */
  file: string;
  open(db: Queryable, actor: AuthUser, filters: F, today: string): Promise<ExportSource>;
}

const kind = <F>(k: Kind<F>) => k;

export const EXPORT_KINDS = {
  /** The case list with its filters and scope (GET /complaints), French labels. */
  complaints: kind<ComplaintFilter>({
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
    permission: 'reports.view',
    filters: summaryFilterSchema,
    entity: 'analyst_export',
    file: 'plaintes-jeu-de-donnees',
    open: async (db, actor, filters, today) => source(ANALYST_TABLE, analystPages(db, actor, filters, today)),
  }),
  /** One row per event of the same cases, without payload nor actor. */
  analyst_events: kind<SummaryQuery>({
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

export function checkExportPermission(actor: Actor, kind: ExportKind) {
  if (!hasPermission(actor, EXPORT_KINDS[kind].permission)) throw new AppError('forbidden');
}

/** Opens an export whose filters were already validated (the routes' query schemas). */
export function openExport(
  db: Queryable,
  actor: AuthUser,
  kind: ExportKind,
  filters: unknown,
  today = togoDate(),
): Promise<ExportSource> {
  checkExportPermission(actor, kind);
  return (EXPORT_KINDS[kind] as Kind<unknown>).open(db, actor, filters, today);
}

/** Validates filters given as a query string would give them (background jobs store them so). */
export function parseExportFilters(kind: ExportKind, raw: Record<string, string>): unknown {
  return (EXPORT_KINDS[kind].filters as z.ZodType<unknown, unknown>).parse(raw);
}

export const exportFileName = (kind: ExportKind, format: string, today: string) =>
  `${EXPORT_KINDS[kind].file}-${today}.${format}`;
