import { formText } from '@coso/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import type { FormImportProblem, FormImportResult } from './forms-api';

/** The dry run's (or the refused publication's) report: the form's summary, then every problem. */
export function ImportReportCard({
  result,
  children,
}: {
  result: FormImportResult | null;
  children: ReactNode;
}) {
  const { t, locale, formatNumber } = useI18n();
  const problems = result?.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  const columns: Column<FormImportProblem>[] = [
    {
      key: 'severity',
      header: t('forms.import.severity'),
      render: (p) => (
        <span className={`badge ${p.severity === 'error' ? 'text-bg-danger' : 'text-bg-warning'}`}>
          {t(`forms.import.severity.${p.severity}`)}
        </span>
      ),
    },
    { key: 'sheet', header: t('forms.import.sheet'), render: (p) => p.sheet },
    { key: 'row', header: t('forms.import.row'), render: (p) => p.row ?? '—', className: 'text-end' },
    { key: 'column', header: t('forms.import.column'), render: (p) => p.column ?? '—' },
    { key: 'reason', header: t('forms.import.reason'), render: (p) => p.reason },
  ];
  const form = result?.form;
  return (
    <Card title={t('forms.import.result')} bodyClassName="card-body p-0">
      <div className="p-3">
        {children}
        {form && (
          <dl className="row mb-2">
            <dt className="col-sm-3">{t('forms.formTitle')}</dt>
            <dd className="col-sm-9">{formText(form.title, locale) ?? '—'}</dd>
            <dt className="col-sm-3">{t('forms.formId')}</dt>
            <dd className="col-sm-9">
              <code>{form.formId}</code>, {form.version}
            </dd>
            <dt className="col-sm-3">{t('forms.fieldCount')}</dt>
            <dd className="col-sm-9">{formatNumber(form.fieldCount)}</dd>
          </dl>
        )}
        {result && (
          <ul className="list-inline mb-0">
            <li className="list-inline-item badge text-bg-danger fs-6 fw-normal">
              {t('forms.import.errors', { n: formatNumber(errors) })}
            </li>
            <li className="list-inline-item badge text-bg-warning fs-6 fw-normal">
              {t('forms.import.warnings', { n: formatNumber(problems.length - errors) })}
            </li>
          </ul>
        )}
        {result && problems.length === 0 && <p className="mt-2 mb-0">{t('forms.import.noProblems')}</p>}
      </div>
      {problems.length > 0 && (
        <DataTable
          columns={columns}
          rows={[...problems].sort((a, b) =>
            a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
          )}
          rowKey={(p, i) => `${i}-${p.sheet}-${p.row}-${p.code}`}
          caption={t('forms.import.problems')}
        />
      )}
    </Card>
  );
}
