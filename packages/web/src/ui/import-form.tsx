import { type FormEvent, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { Column } from './data-table';
import { CheckboxField, FieldHelp, FieldSet } from './form-fields';

export type OnError = 'stop' | 'skip';

/**
 * The state of a spreadsheet import page (geography, complaint registers): the chosen file, dry run (on by
 * default), what to do with bad rows, and the report — also read from a 422 `import_rejected`, which carries it.
 */
export function useImportRun<R>(
  run: (file: File, dryRun: boolean, onError: OnError) => Promise<R>,
  reportFromError: (err: unknown) => R | null,
) {
  const { t } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [onError, setOnError] = useState<OnError>('stop');
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<R | null>(null);

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
      setReport(await run(file, dryRun, onError));
    } catch (err) {
      setError(err);
      setReport(reportFromError(err));
    } finally {
      setBusy(false);
    }
  }

  const chooseFile = (f: File | null) => {
    setFile(f);
    setFileError(undefined);
  };
  return {
    fileRef,
    chooseFile,
    dryRun,
    setDryRun,
    onError,
    setOnError,
    fileError,
    busy,
    error,
    report,
    submit,
  };
}

export type ImportRun = ReturnType<typeof useImportRun>;

/** File, dry run, stop-or-skip and the submit button, the same on every import page. */
export function ImportFileForm({ run }: { run: Omit<ImportRun, 'report' | 'error'> }) {
  const { t } = useI18n();
  return (
    <form onSubmit={run.submit} noValidate>
      <div className="mb-3">
        <label htmlFor="import-file" className="form-label">
          {t('import.fileLabel')}
        </label>
        <input
          ref={run.fileRef}
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={`form-control${run.fileError ? ' is-invalid' : ''}`}
          onChange={(e) => run.chooseFile(e.target.files?.[0] ?? null)}
          aria-invalid={run.fileError ? true : undefined}
          aria-describedby={run.fileError ? 'import-file-error' : undefined}
        />
        <FieldHelp id="import-file" error={run.fileError} />
      </div>
      <CheckboxField
        id="import-dry-run"
        label={t('import.dryRun')}
        checked={run.dryRun}
        onChange={run.setDryRun}
      />
      <FieldSet id="import-on-error" legend={t('import.onError')} className="mb-3 mt-3">
        {(['stop', 'skip'] as const).map((mode) => (
          <CheckboxField
            key={mode}
            type="radio"
            name="onError"
            id={`import-on-error-${mode}`}
            label={t(`import.${mode}`)}
            checked={run.onError === mode}
            onChange={() => run.setOnError(mode)}
            className="mb-1"
          />
        ))}
      </FieldSet>
      <button type="submit" className="btn btn-primary" disabled={run.busy}>
        {run.busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
        {run.dryRun ? t('import.submitDryRun') : t('import.submit')}
      </button>
    </form>
  );
}

/** Columns of the rejected-rows table: line as a spreadsheet shows it, column, reason. */
export function useRejectionColumns<
  R extends { line: number; column: string | null; reason: string },
>(): Column<R>[] {
  const { t } = useI18n();
  return [
    { key: 'line', header: t('import.line'), render: (r) => r.line, className: 'text-end' },
    { key: 'column', header: t('import.column'), render: (r) => r.column ?? '—' },
    { key: 'reason', header: t('import.reason'), render: (r) => r.reason },
  ];
}
