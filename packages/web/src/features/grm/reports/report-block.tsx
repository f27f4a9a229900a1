import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { Card } from '../../../ui/card';
import { downloadText, tableCsv } from './table-csv';

export interface BlockRow {
  /** React key when labels may repeat (two communes of the same name). */
  key?: string;
  label: string;
  cells: Array<string | number | null>;
  /** Drill-down (e.g. narrow the dashboard to this area). */
  onOpen?: () => void;
}

/** One dashboard block: a chart, its data table (shown on demand, always printed) and a CSV download. */
export function ReportBlock(props: {
  title: string;
  chart: ReactNode;
  header: string[];
  rows: BlockRow[];
  filename: string;
  /** The table is shown from the start (the map's), rather than on demand. */
  tableShown?: boolean;
}) {
  const { t } = useI18n();
  const [table, setTable] = useState(props.tableShown ?? false);
  const csv = () =>
    downloadText(
      `${props.filename}.csv`,
      tableCsv(
        props.header,
        props.rows.map((r) => [r.label, ...r.cells]),
      ),
    );
  return (
    <Card
      title={props.title}
      className="report-block"
      tools={
        <div className="report-tools d-flex gap-1 d-print-none">
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            onClick={() => setTable((v) => !v)}
          >
            {table ? t('reports.hideTable') : t('reports.showTable')}
          </button>
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={csv}>
            {t('reports.csv')}
          </button>
        </div>
      }
    >
      {props.rows.length === 0 ? (
        <p className="text-body-secondary mb-0">{t('reports.noData')}</p>
      ) : (
        props.chart
      )}
      {/* A wide table scrolls in its own box on a phone, focusable then for keyboard users (WCAG 2.1.1). */}
      <div className="table-responsive" tabIndex={table ? 0 : undefined}>
        <table className={`table table-sm mt-3 mb-0 ${table ? '' : 'd-none d-print-table'}`}>
          <thead>
            <tr>
              {props.header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.key ?? r.label}>
                <th scope="row" className="fw-normal">
                  {r.onOpen ? (
                    <button type="button" className="btn btn-link p-0 align-baseline" onClick={r.onOpen}>
                      {r.label}
                    </button>
                  ) : (
                    r.label
                  )}
                </th>
                {r.cells.map((c, j) => (
                  <td key={props.header[j + 1]}>{c ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
