import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLines, type SheetCell } from '../../lib/sheet-writer.js';

/**
 * Any export as a stream of CSV or XLSX: a header line, then pages of rows pulled one at a time, so memory
 * stays at about one page whatever the row count (bench/reports/export.mjs measures it).
 */

export type ExportCell = string | number | Date | null;

export interface TableSpec<Row> {
  sheet: string;
  headers: readonly string[];
  cells(row: Row): ExportCell[];
  /** Spreadsheet column widths (default 20). */
  widths?: Record<number, number>;
  /** Spreadsheet number formats by column index (e.g. dates). */
  numFmts?: Record<number, string>;
}

export type Pages<Row> = AsyncIterable<Row[]>;

/** Togo is UTC+0 all year: the UTC wall clock is the local one. */
export function formatDateTime(d: Date): string {
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

const csvValue = (v: ExportCell): SheetCell => (v instanceof Date ? formatDateTime(v) : v);

/**
 * CSV in UTF-8 with a BOM (Excel then keeps the accents), text cells guarded against formula injection
 * (csvLines, lib/sheet-writer.ts). The response pulls the generator, so a slow client
 * slows the queries down; a high-water mark of one chunk (Readable.from's default, made explicit because
 * memory depends on it) keeps at most one page read ahead.
 */
export function csvTable<Row>(spec: TableSpec<Row>, pages: Pages<Row>): Readable {
  async function* chunks() {
    yield `\uFEFF${csvLines([spec.headers])}`;
    for await (const rows of pages) yield csvLines(rows.map((r) => spec.cells(r).map(csvValue)));
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
 * pushes rather than being pulled, so after each page we wait while the output is backed up; that bounds
 * memory to about a page of zipped rows.
 */
export function xlsxTable<Row>(spec: TableSpec<Row>, pages: Pages<Row>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.sheet);
  sheet.columns = spec.headers.map((header, i) => {
    const numFmt = spec.numFmts?.[i];
    return { header, width: spec.widths?.[i] ?? 20, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of pages) {
        if (out.destroyed) return;
        for (const r of rows) sheet.addRow(spec.cells(r)).commit();
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

export const EXPORT_FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', stream: csvTable },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stream: xlsxTable,
  },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * Reads the first page now, so that a failing query still gets a proper JSON error before any byte of the
 * file is sent; the rest is read while streaming.
 */
export async function prefetched<Row>(pages: AsyncGenerator<Row[], void, undefined>): Promise<Pages<Row>> {
  const first = await pages.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* pages;
  })();
}

/** Counts the rows as they go by; `onDone` runs once the last page was read (not when cut off). */
export async function* counted<Row>(
  pages: Pages<Row>,
  onPage: (n: number) => void,
  onDone?: () => Promise<void>,
): AsyncGenerator<Row[], void, undefined> {
  for await (const rows of pages) {
    onPage(rows.length);
    yield rows;
  }
  await onDone?.();
}
