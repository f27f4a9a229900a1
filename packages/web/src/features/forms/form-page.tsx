import { formText, walkFields } from '@coso/domain';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, Loading } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { DefinitionTree } from './definition-tree';
import { formsApi } from './forms-api';
import { FormRenderer } from './renderer/form-renderer';

// The phone runner (and its CSS) loads only when asked for.
const PhonePreview = lazy(() => import('./phone-preview'));

type Preview = 'desktop' | 'phone';
const PREVIEWS: readonly Preview[] = ['desktop', 'phone'];

/** `/admin/forms/:id`: one published version — its definition, a desktop or phone preview, the XLSForm. */
export default function FormPage({ id }: { id: string }) {
  const { t, locale, formatDate } = useI18n();
  const state = useAsync(() => formsApi.get(id), [id]);
  const [preview, setPreview] = useState<Preview>('desktop');
  const form = state.data;
  const title = form ? (formText(form.title, locale, form.definition.defaultLanguage) ?? form.formId) : '';
  const languages = form
    ? [...new Set([...walkFields(form.definition.fields)].flatMap((f) => Object.keys(f.label ?? {})))]
    : [];

  return (
    <>
      <PageHeader
        title={title || t('forms.title')}
        crumbs={[{ label: t('forms.title'), href: '/admin/forms' }, { label: title || '…' }]}
        actions={
          form && (
            <a href={formsApi.xlsformUrl(form.id)} download className="btn btn-outline-primary">
              <Icon name="download" className="me-1" />
              {t('forms.detail.download')}
            </a>
          )
        }
      />
      <ErrorAlert error={state.error} />
      {state.loading && <Loading />}
      {form && (
        <>
          <Card title={t('forms.detail.definition')} bodyClassName="card-body p-0">
            <div className="p-3 small">
              <div>
                {t('forms.detail.summary', {
                  formId: form.formId,
                  version: form.version,
                  n: form.fieldCount,
                })}
              </div>
              <div className="text-body-secondary">
                {form.createdBy?.displayName ?? '—'} · {formatDate(form.createdAt)}
                {languages.length > 0 &&
                  ` · ${t('forms.detail.languages', { languages: languages.join(', ') })}`}
              </div>
            </div>
            <DefinitionTree definition={form.definition} />
          </Card>
          <Card title={t('forms.detail.preview')}>
            <div className="nav nav-tabs mb-3" role="tablist" aria-label={t('forms.detail.preview')}>
              {PREVIEWS.map((p) => (
                <button
                  key={p}
                  id={`preview-tab-${p}`}
                  type="button"
                  role="tab"
                  className={`nav-link${preview === p ? ' active' : ''}`}
                  aria-selected={preview === p}
                  aria-controls={`preview-panel-${p}`}
                  tabIndex={preview === p ? 0 : -1}
                  onClick={() => setPreview(p)}
                  onKeyDown={(e) => {
                    // WAI-ARIA tabs: the arrows move between tabs, Tab leaves the tab list.
                    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                    const next = PREVIEWS[(PREVIEWS.indexOf(p) + 1) % PREVIEWS.length] ?? p;
                    setPreview(next);
                    document.getElementById(`preview-tab-${next}`)?.focus();
                  }}
                >
                  {t(p === 'desktop' ? 'forms.detail.previewDesktop' : 'forms.detail.previewPhone')}
                </button>
              ))}
            </div>
            <div id={`preview-panel-${preview}`} role="tabpanel" aria-labelledby={`preview-tab-${preview}`}>
              <InfoAlert>{t('forms.detail.previewNote')}</InfoAlert>
              {preview === 'desktop' ? (
                <FormRenderer key={form.id} definition={form.definition} />
              ) : (
                <Suspense fallback={<Loading />}>
                  <PhonePreview definition={form.definition} />
                </Suspense>
              )}
            </div>
          </Card>
        </>
      )}
    </>
  );
}
