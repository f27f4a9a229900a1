import type { Readable } from 'node:stream';
import type { AuthUser } from '../../../context.js';
import { csvTable, type TableSpec, xlsxTable } from '../../exports/table-stream.js';
import type { ComplaintCursor, ComplaintFilter } from '../list.js';
import type { ComplaintRow } from '../repo.js';
import type { ComplaintService } from '../service.js';
import { EXPORT_HEADERS, type ExportLabels, exportCells } from './columns.js';

export { prefetched } from '../../exports/table-stream.js';

export const EXPORT_PAGE_SIZE = 500;

type Pages = AsyncGenerator<ComplaintRow[], void, undefined>;

/**
 * The caller's list, page after page on the list's own keyset (received_at, id): the same scope and filters
 * as GET /complaints, and only one page in memory at a time however long the list is.
 */
export async function* complaintPages(
  complaints: Pick<ComplaintService, 'list'>,
  actor: AuthUser,
  filter: ComplaintFilter,
): Pages {
  let after: ComplaintCursor | undefined;
  for (;;) {
    const rows = await complaints.list(actor, filter, after, EXPORT_PAGE_SIZE);
    if (rows.length) yield rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.cursorAt, id: last.id };
  }
}

/** The case list as a table: French headers and labels, the received date as a real date cell. */
export function complaintTable(labels: ExportLabels): TableSpec<ComplaintRow> {
  return {
    sheet: 'Plaintes',
    headers: EXPORT_HEADERS,
    cells: (c) => exportCells(c, labels),
    widths: { 2: 17 },
    numFmts: { 2: 'dd/mm/yyyy hh:mm' },
  };
}

export function csvStream(pages: AsyncIterable<ComplaintRow[]>, labels: ExportLabels): Readable {
  return csvTable(complaintTable(labels), pages);
}

export function xlsxStream(pages: AsyncIterable<ComplaintRow[]>, labels: ExportLabels): Readable {
  return xlsxTable(complaintTable(labels), pages);
}
