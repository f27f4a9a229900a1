import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  className?: string;
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  /** Shown in one full-width row when there is nothing to list (and not loading). */
  empty?: string | undefined;
  caption?: string;
  /** A `data-testid` per row, for end-to-end tests that look for a row in a given state. */
  rowTestId?: (row: T) => string;
}

export function DataTable<T>({ columns, rows, rowKey, empty, caption, rowTestId }: DataTableProps<T>) {
  return (
    // A table wider than the screen scrolls inside this box; keyboard users must be able to focus it to
    // scroll it (WCAG 2.1.1), even when its rows hold no link.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable, as WCAG asks.
    <div className="table-responsive" tabIndex={0}>
      <table className="table table-hover align-middle mb-0">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} data-testid={rowTestId?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && empty && (
            <tr>
              <td colSpan={columns.length} className="text-center text-secondary py-4">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
