import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../../context.js';
import type { ComplaintCursor, ComplaintFilter } from '../list.js';
import type { ComplaintRow } from '../repo.js';
import type { ComplaintService } from '../service.js';
import { EXPORT_HEADERS, type ExportLabels, exportCells, formatDateTime } from './columns.js';

export const EXPORT_PAGE_SIZE = 500;

type Pages = AsyncGenerator<ComplaintRow[], void, undefined>;

/**
 * The caller's list, page after page on the list's own keyset (received_at, id): the same scope and filters
 * as GET /complaints, and only one page in memory at a time however long the list is.
 */
export async function* complaintPages(
  complaints: ComplaintService,
  actor: AuthUser,
  filter: ComplaintFilter,
): Pages {
  let after: ComplaintCursor | undefined;
  for (;;) {
    const rows = await complaints.list(actor, filter, after, EXPORT_PAGE_SIZE);
    if (rows.length) yield rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.nextDueDate ?? last.receivedAt.toISOString(), id: last.id }; // due_asc: the due date
  }
}

/**
 * Reads the first page now, so that a failing query still gets a proper JSON error before any byte of the
 * file is sent; the rest is read while streaming.
 */
export async function prefetched(pages: Pages): Promise<Pages> {
  const first = await pages.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* pages;
  })();
}

/**
 * CSV in UTF-8 with a BOM (Excel then keeps the accents). The response pulls the generator, so a slow client
 * slows the queries down; a high-water mark of one chunk (Readable.from's default, made explicit because
 * memory depends on it) keeps at most one page read ahead.
 */
export function csvStream(pages: Pages, labels: ExportLabels): Readable {
  async function* chunks() {
    yield `\uFEFF${stringify([EXPORT_HEADERS])}`;
    for await (const rows of pages) {
      yield stringify(
        rows.map((c) =>
          exportCells(c, labels).map((v) => (v instanceof Date ? formatDateTime(v) : String(v))),
        ),
      );
    }
  }
  return Readable.from(chunks(), { highWaterMark: 1 });
}

const drained = (stream: Writable) =>
  new Promise<void>((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
  });

/**
 * XLSX through exceljs' streaming writer: rows are committed (serialised and zipped) as they come. The writer
 * pushes rather than being pulled, so after each page we wait while the response is backed up; that bounds
 * memory to about a page of zipped rows.
 */
export function xlsxStream(pages: Pages, labels: ExportLabels): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Plaintes');
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({
    header,
    width: i === 2 ? 17 : 20,
    ...(i === 2 ? { style: { numFmt: 'dd/mm/yyyy hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of pages) {
        if (out.destroyed) return;
        for (const c of rows) sheet.addRow(exportCells(c, labels)).commit();
        if (out.writableNeedDrain) await drained(out);
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      // Headers are already sent: all that can be done is to cut the download, which the client sees.
      out.destroy(err as Error);
    }
  })();
  return out;
}
