import type { Readable } from 'node:stream';
import { csvTable, type TableSpec, xlsxTable } from '../../../../platform/exports/table-stream.js';
import { EXPORT_HEADERS, type ExportedCase, type ExportLabels, exportCells } from './columns.js';

export { prefetched } from '../../../../platform/exports/table-stream.js';
export { complaintExportPages, EXPORT_PAGE_SIZE } from './rows.js';

/** The case list as a table: French headers and labels, the received date as a real date cell. */
export function complaintTable(labels: ExportLabels): TableSpec<ExportedCase> {
  return {
    sheet: 'Plaintes',
    headers: EXPORT_HEADERS,
    cells: (c) => exportCells(c, labels),
    widths: { 2: 17 },
    numFmts: { 2: 'dd/mm/yyyy hh:mm' },
  };
}

export function csvStream(pages: AsyncIterable<ExportedCase[]>, labels: ExportLabels): Readable {
  return csvTable(complaintTable(labels), pages);
}

export function xlsxStream(pages: AsyncIterable<ExportedCase[]>, labels: ExportLabels): Readable {
  return xlsxTable(complaintTable(labels), pages);
}
