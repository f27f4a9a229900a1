import { type DeviceForm, formsDevice, formText, randomUuid } from '@coso/domain';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Dialog } from '../ui/dialog';
import { Screen } from '../ui/layout';
import { createDraftStore, type DraftSummary } from './draft-store';
import {
  draftFromRefused,
  forgetSent,
  type SentForm,
  sentForms,
  sentState,
  serverErrors,
} from './submissions';
import { formsTranslator } from './texts';

/** `/forms`: the published forms on the phone, my drafts, and what I sent (waiting, refused, sent). */
export function FormsScreen() {
  const { locale, formatDate, t: ft } = useT();
  const t = useMemo(() => formsTranslator(locale), [locale]);
  const { engine, store } = useField();
  const [, navigate] = useLocation();
  const drafts = useMemo(() => createDraftStore(store), [store]);
  const forms = useLive((e) => formsDevice(e).publishedForms(), []).data;
  // Drafts and the log live in meta: re-read after every engine change and after our own deletions.
  const [version, setVersion] = useState(0);
  const draftList = useLive(() => drafts.list(), [drafts, version]).data ?? [];
  const sent = useLive(
    async () => ({ log: await sentForms(store), outbox: await store.outbox() }),
    [store, version],
  ).data;
  const [deleting, setDeleting] = useState<DraftSummary | null>(null);
  const title = (text: Record<string, string>, fallback: string) => formText(text, locale) ?? fallback;

  async function start(form: DeviceForm) {
    const id = randomUuid();
    const now = new Date().toISOString();
    await drafts.save({
      id,
      formVersionId: form.id,
      formId: form.formId,
      title: form.title,
      answers: {},
      page: 0,
      startedAt: now,
      updatedAt: now,
      files: {},
      fresh: true,
    });
    navigate(`/forms/fill/${id}`);
  }

  async function reopen(s: SentForm) {
    const found = sent?.outbox.find((e) => e.mutation.id === s.mutationId);
    if (!found) return;
    await drafts.save(await draftFromRefused(s, found, store, new Date()));
    await engine.discard(s.mutationId);
    await forgetSent(store, s.id);
    navigate(`/forms/fill/${s.id}`);
  }

  return (
    <Screen title={t('forms.title')}>
      <section className="mb-4" aria-labelledby="forms-available">
        <h2 id="forms-available" className="h5">
          {t('forms.available')}
        </h2>
        {forms && forms.length === 0 && <p className="text-body-secondary">{t('forms.none')}</p>}
        <ul className="list-unstyled">
          {forms?.map((f) => (
            <li key={f.id} className="mb-2">
              <button
                type="button"
                className="btn btn-outline-primary btn-lg w-100 text-start"
                onClick={() => start(f)}
              >
                {t('forms.fill', { title: title(f.title, f.formId) })}
                <small className="d-block text-body-secondary">
                  {t('forms.version', { version: f.version })}
                </small>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="mb-4" aria-labelledby="forms-drafts">
        <h2 id="forms-drafts" className="h5">
          {t('forms.drafts')}
        </h2>
        {draftList.length === 0 && <p className="text-body-secondary">{t('forms.noDrafts')}</p>}
        <ul className="list-unstyled" data-testid="form-drafts">
          {draftList.map((d) => (
            <li key={d.id} className="outbox-item">
              <Link href={`/forms/fill/${d.id}`} className="btn btn-primary btn-lg w-100 text-start mb-2">
                {t('forms.resume', { title: title(d.title, d.formId) })}
                <small className="d-block">
                  {t('forms.draftSaved', { when: formatDate(d.updatedAt), page: d.page + 1 })}
                </small>
              </Link>
              <button
                type="button"
                className="btn btn-outline-danger btn-lg w-100"
                onClick={() => setDeleting(d)}
              >
                {t('forms.deleteDraft', { title: title(d.title, d.formId) })}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="mb-4" aria-labelledby="forms-sent">
        <h2 id="forms-sent" className="h5">
          {t('forms.submissions')}
        </h2>
        {sent && sent.log.length === 0 && <p className="text-body-secondary">{t('forms.noSubmissions')}</p>}
        <ul className="list-unstyled" data-testid="form-submissions">
          {sent?.log.map((s) => {
            const { state, entry } = sentState(s, sent.outbox);
            const reasons = entry && state === 'refused' ? serverErrors(entry) : [];
            return (
              <li key={s.id} className={`outbox-item ${state === 'refused' ? 'outbox-failed' : ''}`}>
                <strong>{title(s.title, s.formId)}</strong>
                <div className="small text-body-secondary">{formatDate(s.queuedAt)}</div>
                <div className={`fw-semibold ${state === 'refused' ? 'text-danger' : ''}`} data-state={state}>
                  {t(`forms.state.${state}`)}
                </div>
                {state === 'refused' && entry && (
                  <>
                    <p className="mb-1">{entry.result?.message}</p>
                    {reasons.length > 0 && (
                      <ul>
                        {reasons.map((r) => (
                          <li key={r.field}>
                            {r.field} : {r.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    <p className="small">{t('forms.refusedHelp')}</p>
                    <button type="button" className="btn btn-danger btn-lg w-100" onClick={() => reopen(s)}>
                      {t('forms.reopen', { title: title(s.title, s.formId) })}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {deleting && (
        <Dialog
          title={t('forms.deleteDraft', { title: title(deleting.title, deleting.formId) })}
          onClose={() => setDeleting(null)}
          actions={
            <>
              <button
                type="button"
                className="btn btn-danger btn-lg"
                onClick={async () => {
                  await drafts.remove(deleting.id);
                  setDeleting(null);
                  setVersion((v) => v + 1);
                }}
              >
                {t('forms.deleteDraft', { title: title(deleting.title, deleting.formId) })}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary btn-lg"
                onClick={() => setDeleting(null)}
              >
                {ft('common.cancel')}
              </button>
            </>
          }
        >
          <p>{t('forms.deleteConfirm')}</p>
        </Dialog>
      )}
    </Screen>
  );
}
