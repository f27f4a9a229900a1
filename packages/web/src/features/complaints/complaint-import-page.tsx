import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { RegisterImportReport, RegisterRejection } from '../../api/complaint-types';
import { importRegister } from '../../api/complaints';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { CheckboxField, FieldHelp, FieldSet } from '../../ui/form-fields';
import { PageHeader } from '../../ui/page-header';

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
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [onError, setOnError] = useState<'stop' | 'skip'>('stop');
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<RegisterImportReport | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setReport(null);
    if (!file) {
      setFileError(t('import.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setBusy(true);
    try {
      setReport(await importRegister(file, dryRun, onError));
    } catch (err) {
      setError(err);
      setReport(reportFromError(err));
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<RegisterRejection>[] = [
    { key: 'line', header: t('import.line'), render: (r) => r.line, className: 'text-end' },
    { key: 'column', header: t('import.column'), render: (r) => r.column ?? '—' },
    { key: 'reason', header: t('import.reason'), render: (r) => r.reason },
  ];

  return (
    <>
      <PageHeader
        title={t('cimport.title')}
        crumbs={[{ label: t('nav.complaints') }, { label: t('cimport.title') }]}
      />
      <div className="row">
        <div className="col-lg-6">
          <Card title={t('import.file')} outline="primary">
            <form onSubmit={submit} noValidate>
              <div className="mb-3">
                <label htmlFor="import-file" className="form-label">
                  {t('import.fileLabel')}
                </label>
                <input
                  ref={fileRef}
                  id="import-file"
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className={`form-control${fileError ? ' is-invalid' : ''}`}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setFileError(undefined);
                  }}
                  aria-invalid={fileError ? true : undefined}
                  aria-describedby={fileError ? 'import-file-error' : undefined}
                />
                <FieldHelp id="import-file" error={fileError} />
              </div>
              <CheckboxField
                id="import-dry-run"
                label={t('import.dryRun')}
                checked={dryRun}
                onChange={setDryRun}
              />
              <FieldSet id="import-on-error" legend={t('import.onError')} className="mb-3 mt-3">
                {(['stop', 'skip'] as const).map((mode) => (
                  <CheckboxField
                    key={mode}
                    type="radio"
                    name="onError"
                    id={`import-on-error-${mode}`}
                    label={t(`import.${mode}`)}
                    checked={onError === mode}
                    onChange={() => setOnError(mode)}
                    className="mb-1"
                  />
                ))}
              </FieldSet>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
                {dryRun ? t('import.submitDryRun') : t('import.submit')}
              </button>
            </form>
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
