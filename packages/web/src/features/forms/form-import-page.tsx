import { formText } from '@coso/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { CheckboxField, FieldHelp, FieldSet, TextAreaField } from '../../ui/form-fields';
import { PageHeader } from '../../ui/page-header';
import { type FormImportResult, formsApi, type ImportSource } from './forms-api';
import { ImportReportCard } from './import-report';
import { koboContent, reportFromError } from './import-source';

type SourceKind = 'xlsx' | 'kobo';

/**
 * `/admin/forms/import`: an XLSForm (.xlsx) or a KoboToolbox asset's JSON; "Vérifier" runs a dry run that
 * lists every problem, "Publier" stays disabled until the last check of this very source found no error.
 */
export default function FormImportPage() {
  const { t, locale } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<SourceKind>('xlsx');
  const [file, setFile] = useState<File | null>(null);
  const [kobo, setKobo] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{ result: FormImportResult; dryRun: boolean } | null>(null);
  // The source the last dry run checked: publishing anything else needs a new check.
  const [checked, setChecked] = useState<File | string | null>(null);

  const current = kind === 'xlsx' ? file : kobo;
  const errors = report?.result.problems.filter((p) => p.severity === 'error').length ?? 0;
  const canPublish = report?.dryRun === true && errors === 0 && checked !== null && checked === current;

  function source(): ImportSource | null {
    if (kind === 'xlsx') {
      if (file) return { file };
      setInputError(t('forms.import.fileRequired'));
      fileRef.current?.focus();
      return null;
    }
    if (!kobo.trim()) {
      setInputError(t('forms.import.koboRequired'));
      return null;
    }
    try {
      return { kobo: koboContent(kobo) };
    } catch (err) {
      setInputError(t('forms.import.koboInvalid', { reason: err instanceof Error ? err.message : '' }));
      return null;
    }
  }

  async function run(dryRun: boolean) {
    setError(null);
    setInputError(undefined);
    const src = source();
    if (!src) return;
    setBusy(true);
    try {
      const result = await formsApi.importForm(src, dryRun);
      setReport({ result, dryRun });
      setChecked(dryRun ? current : null);
    } catch (err) {
      setError(err);
      const result = reportFromError(err);
      setReport(result ? { result, dryRun } : null);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  }

  const check = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  const published = report && !report.dryRun && report.result.form?.id ? report.result.form : null;

  return (
    <>
      <PageHeader
        title={t('forms.import.title')}
        crumbs={[{ label: t('forms.title'), href: '/admin/forms' }, { label: t('forms.import.title') }]}
      />
      <Card title={t('forms.import.source')} outline="primary">
        <p className="small text-body-secondary">{t('forms.import.steps')}</p>
        <form onSubmit={check} noValidate>
          <FieldSet id="form-source" legend={t('forms.import.source')}>
            {(['xlsx', 'kobo'] as const).map((k) => (
              <CheckboxField
                key={k}
                type="radio"
                name="form-source"
                id={`form-source-${k}`}
                label={t(k === 'xlsx' ? 'forms.import.sourceXlsx' : 'forms.import.sourceKobo')}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setInputError(undefined);
                }}
                className="mb-1"
              />
            ))}
          </FieldSet>
          {kind === 'xlsx' ? (
            <div className="mb-3">
              <label htmlFor="form-file" className="form-label">
                {t('forms.import.file')}
              </label>
              <input
                ref={fileRef}
                id="form-file"
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className={`form-control${inputError ? ' is-invalid' : ''}`}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setInputError(undefined);
                }}
                aria-invalid={inputError ? true : undefined}
                aria-describedby={inputError ? 'form-file-error' : undefined}
              />
              <FieldHelp id="form-file" error={inputError} />
            </div>
          ) : (
            <TextAreaField
              id="form-kobo"
              label={t('forms.import.kobo')}
              hint={t('forms.import.koboHint')}
              value={kobo}
              onChange={(v) => {
                setKobo(v);
                setInputError(undefined);
              }}
              rows={8}
              error={inputError}
            />
          )}
          <div className="d-flex flex-wrap gap-2 align-items-center">
            <button type="submit" className="btn btn-outline-primary" disabled={busy}>
              {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
              {t('forms.import.check')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !canPublish}
              aria-describedby="form-publish-help"
              onClick={() => void run(false)}
            >
              {t('forms.import.publish')}
            </button>
            <span id="form-publish-help" className="small text-body-secondary">
              {report?.dryRun && errors > 0 && t('forms.import.publishBlocked')}
              {report?.dryRun && errors === 0 && checked !== current && t('forms.import.recheck')}
            </span>
          </div>
        </form>
      </Card>
      {(report || error) && (
        <ImportReportCard result={report?.result ?? null}>
          <ErrorAlert error={error} />
          {report?.dryRun && !error && <InfoAlert>{t('forms.import.dryRunDone')}</InfoAlert>}
          {published && (
            <SuccessAlert>
              {t('forms.import.published')}{' '}
              <Link href={`/admin/forms/${published.id}`}>
                {t('forms.import.openPublished')} ({formText(published.title, locale) ?? published.formId})
              </Link>
            </SuccessAlert>
          )}
        </ImportReportCard>
      )}
    </>
  );
}
