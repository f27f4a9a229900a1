import { ApiError } from '../../../api/client';
import type { RegisterImportReport, RegisterRejection } from '../../../api/complaint-types';
import { importRegister } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, SuccessAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { DataTable } from '../../../ui/data-table';
import { ImportFileForm, useImportRun, useRejectionColumns } from '../../../ui/import-form';
import { PageHeader } from '../../../ui/page-header';

/** The register's columns as the server reads them (import/columns.ts), French headers; * = required. */
export const REGISTER_COLUMNS: ReadonlyArray<{ header: string; required: boolean }> = [
  { header: 'Date de réception', required: true },
  { header: 'Type', required: true },
  { header: 'Catégorie', required: true },
  { header: 'Canal', required: true },
  { header: 'Description', required: true },
  { header: "Date de l'incident", required: false },
  { header: 'Village', required: true },
  { header: 'Canton', required: false },
  { header: 'Commune', required: false },
  { header: 'Anonyme', required: false },
  { header: 'Nom', required: false },
  { header: 'Téléphone', required: false },
  { header: 'Genre', required: false },
  { header: "Tranche d'âge", required: false },
];

const csvCell = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
// UTF-8 BOM so that Excel opens the accented headers correctly.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `\uFEFF${REGISTER_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`,
)}`;

/** A 422 import_rejected carries the whole report in `details`. */
function reportFromError(err: unknown): RegisterImportReport | null {
  if (!(err instanceof ApiError) || err.code !== 'import_rejected') return null;
  const d = (err.details ?? {}) as Partial<RegisterImportReport>;
  return {
    dryRun: false,
    applied: false,
    created: d.created ?? 0,
    rejected: Array.isArray(d.rejected) ? d.rejected : [],
    ignoredColumns: Array.isArray(d.ignoredColumns) ? d.ignoredColumns : [],
    notes: Array.isArray(d.notes) ? d.notes : [],
  };
}

/** `/complaints/import`: historic paper registers from CSV or XLSX, dry run first. */
export default function ComplaintImportPage() {
  const { t, formatNumber } = useI18n();
  const run = useImportRun(importRegister, reportFromError);
  const { error, report } = run;
  const columns = useRejectionColumns<RegisterRejection>();

  return (
    <>
      <PageHeader
        title={t('cimport.title')}
        crumbs={[{ label: t('nav.complaints') }, { label: t('cimport.title') }]}
      />
      <div className="row">
        <div className="col-lg-6">
          <Card title={t('import.file')} outline="primary">
            <ImportFileForm run={run} />
          </Card>
        </div>
        <div className="col-lg-6">
          <Card title={t('import.format')}>
            <p>{t('cimport.formatHelp')}</p>
            <ul className="columns-2 small">
              {REGISTER_COLUMNS.map((c) => (
                <li key={c.header}>
                  {c.header}
                  {c.required && ' *'}
                </li>
              ))}
            </ul>
            <p className="small text-secondary">{t('cimport.valuesHelp')}</p>
            <a
              href={TEMPLATE_HREF}
              download="modele-registre-plaintes.csv"
              className="btn btn-outline-secondary"
            >
              {t('import.template')}
            </a>
          </Card>
        </div>
      </div>
      {(report || error) && (
        <Card title={t('import.result')} bodyClassName="card-body p-0">
          <div className="p-3">
            <ErrorAlert error={error} />
            {report && !error && report.dryRun && <InfoAlert>{t('import.dryRunDone')}</InfoAlert>}
            {report && !error && !report.dryRun && report.applied && (
              <SuccessAlert>{t('import.applied')}</SuccessAlert>
            )}
            {report && (
              <ul className="list-inline mb-2">
                <li className="list-inline-item badge text-bg-success fs-6 fw-normal">
                  {t(report.dryRun ? 'cimport.wouldCreate' : 'cimport.created', {
                    n: formatNumber(report.created),
                  })}
                </li>
                <li className="list-inline-item badge text-bg-danger fs-6 fw-normal">
                  {t('import.rejected', {
                    n: formatNumber(new Set(report.rejected.map((r) => r.line)).size),
                  })}
                </li>
              </ul>
            )}
            {report && report.ignoredColumns.length > 0 && (
              <p className="small mb-1">
                {t('cimport.ignored', { columns: report.ignoredColumns.join(', ') })}
              </p>
            )}
            {report?.notes.map((n) => (
              <p key={n} className="small text-secondary mb-1">
                {n}
              </p>
            ))}
          </div>
          {report && report.rejected.length > 0 && (
            <DataTable
              columns={columns}
              rows={report.rejected}
              rowKey={(r, i) => `${i}-${r.line}`}
              caption={t('import.rejectedRows')}
            />
          )}
        </Card>
      )}
    </>
  );
}
