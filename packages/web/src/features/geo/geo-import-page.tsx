import { ApiError } from '../../api/client';
import { importGeo } from '../../api/geo';
import type { ImportRejection, ImportResult } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { DataTable } from '../../ui/data-table';
import { ImportFileForm, useImportRun, useRejectionColumns } from '../../ui/import-form';
import { PageHeader } from '../../ui/page-header';

/** The columns the server reads, in order; the template is just this header line. */
export const IMPORT_COLUMNS = [
  'Région',
  'Préfecture',
  'Commune',
  'Canton',
  'Village',
  'Frontalier',
  'Rural',
  'Latitude',
  'Longitude',
  'Code',
] as const;

// UTF-8 BOM so that Excel opens the accented headers correctly.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${IMPORT_COLUMNS.join(',')}\r\n`)}`;

/** A 422 import_rejected carries the same counts in `details`. */
function resultFromError(err: unknown): ImportResult | null {
  if (!(err instanceof ApiError) || err.code !== 'import_rejected') return null;
  const d = (err.details ?? {}) as Partial<ImportResult>;
  return {
    dryRun: false,
    applied: false,
    created: d.created ?? 0,
    updated: d.updated ?? 0,
    unchanged: d.unchanged,
    rejected: Array.isArray(d.rejected) ? d.rejected : [],
  };
}

export default function GeoImportPage() {
  const { t, formatNumber } = useI18n();
  const run = useImportRun(importGeo, resultFromError);
  const { error, report: result } = run;
  const columns = useRejectionColumns<ImportRejection>();

  return (
    <>
      <PageHeader
        title={t('import.title')}
        crumbs={[{ label: t('nav.geo'), href: '/geo' }, { label: t('import.title') }]}
      />
      <div className="row">
        <div className="col-lg-6">
          <Card title={t('import.file')} outline="primary">
            <ImportFileForm run={run} />
          </Card>
        </div>
        <div className="col-lg-6">
          <Card title={t('import.format')}>
            <p>{t('import.formatHelp')}</p>
            <p>
              <code>{IMPORT_COLUMNS.join(', ')}</code>
            </p>
            <p className="small text-secondary">{t('import.flagsHelp')}</p>
            <a
              href={TEMPLATE_HREF}
              download="modele-import-geographie.csv"
              className="btn btn-outline-secondary"
            >
              {t('import.template')}
            </a>
          </Card>
        </div>
      </div>
      {(result || error) && (
        <Card title={t('import.result')} bodyClassName="card-body p-0">
          <div className="p-3">
            <ErrorAlert error={error} />
            {result && !error && result.dryRun && <InfoAlert>{t('import.dryRunDone')}</InfoAlert>}
            {result && !error && !result.dryRun && result.applied && (
              <SuccessAlert>{t('import.applied')}</SuccessAlert>
            )}
            {result && !error && !result.dryRun && !result.applied && (
              <InfoAlert>{t('import.notApplied')}</InfoAlert>
            )}
            {result && (
              <ul className="list-inline mb-0">
                <li className="list-inline-item badge text-bg-success fs-6 fw-normal">
                  {t('import.created', { n: formatNumber(result.created) })}
                </li>
                <li className="list-inline-item badge text-bg-primary fs-6 fw-normal">
                  {t('import.updated', { n: formatNumber(result.updated) })}
                </li>
                {result.unchanged !== undefined && (
                  <li className="list-inline-item badge text-bg-secondary fs-6 fw-normal">
                    {t('import.unchanged', { n: formatNumber(result.unchanged) })}
                  </li>
                )}
                <li className="list-inline-item badge text-bg-danger fs-6 fw-normal">
                  {t('import.rejected', { n: formatNumber(result.rejected.length) })}
                </li>
              </ul>
            )}
          </div>
          {result && result.rejected.length > 0 && (
            <DataTable
              columns={columns}
              rows={result.rejected}
              rowKey={(r, i) => `${i}-${r.line}`}
              caption={t('import.rejectedRows')}
            />
          )}
        </Card>
      )}
    </>
  );
}
