import { formText } from '@coso/domain';
import { Link } from 'wouter';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { type FormListItem, formsApi } from './forms-api';

/** `/admin/forms`: every published form, its versions (latest first) and who published the latest. */
export default function FormsListPage() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const state = useAsync(() => formsApi.list(), []);

  const columns: Column<FormListItem>[] = [
    { key: 'formId', header: t('forms.formId'), render: (f) => <code>{f.formId}</code> },
    {
      key: 'title',
      header: t('forms.formTitle'),
      render: (f) => {
        const latest = f.versions[0];
        const title = formText(f.title, locale) ?? f.formId;
        return latest ? <Link href={`/admin/forms/${latest.id}`}>{title}</Link> : title;
      },
    },
    {
      key: 'versions',
      header: t('forms.versions'),
      render: (f) => (
        <ul className="list-inline mb-0">
          {f.versions.map((v, i) => (
            <li key={v.id} className="list-inline-item">
              <Link
                href={`/admin/forms/${v.id}`}
                className={`badge ${i === 0 ? 'text-bg-primary' : 'text-bg-secondary'} text-decoration-none`}
                aria-label={t('forms.openVersion', {
                  title: formText(v.title, locale) ?? f.formId,
                  version: v.version,
                })}
              >
                {v.version}
              </Link>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'fields',
      header: t('forms.fieldCount'),
      render: (f) => formatNumber(f.versions[0]?.fieldCount ?? 0),
      className: 'text-end',
    },
    {
      key: 'by',
      header: t('forms.publishedBy'),
      render: (f) => f.versions[0]?.createdBy?.displayName ?? '—',
    },
    {
      key: 'at',
      header: t('forms.publishedAt'),
      render: (f) => formatDate(f.versions[0]?.createdAt),
      className: 'text-nowrap',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('forms.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('forms.title') }]}
        actions={
          <Link href="/admin/forms/import" className="btn btn-primary">
            <Icon name="upload" className="me-1" />
            {t('forms.import')}
          </Link>
        }
      />
      <Card title={t('forms.list')} bodyClassName="card-body p-0">
        <p className="px-3 pt-3 small text-body-secondary">{t('forms.help')}</p>
        <ErrorAlert error={state.error} className="mx-3 mb-3" />
        <DataTable
          columns={columns}
          rows={state.data ?? []}
          rowKey={(f) => f.formId}
          caption={t('forms.list')}
          empty={state.loading ? undefined : t('forms.empty')}
        />
      </Card>
    </>
  );
}
