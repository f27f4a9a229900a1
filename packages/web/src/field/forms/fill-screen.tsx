import { type DeviceForm, type FormAnswers, formsDevice, formText } from '@coso/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useField } from '../engine-context';
import { useT } from '../i18n/i18n';
import { Screen } from '../ui/layout';
import { createDraftStore, type FormDraft } from './draft-store';
import { FormRunner } from './form-runner';
import { useLocalMedia } from './local-media';
import { logSent } from './submissions';
import { formsTranslator } from './texts';

/** Saves typed answers this long after the last keystroke (page changes save at once). */
const TYPING_SAVE_MS = 800;

type Loaded = { draft: FormDraft; form: DeviceForm } | 'missing-draft' | 'missing-form';

/**
 * `/forms/fill/:draftId`: a draft filled with the runner, saved to the phone at every page change (and shortly
 * after typing), so a reload reopens it where it was; Send checks it on the phone with the server's rules and
 * queues `form.submit` (sent at the next sync, photos first).
 */
export function FormFillScreen({ draftId }: { draftId: string }) {
  const { locale } = useT();
  const t = useMemo(() => formsTranslator(locale), [locale]);
  const { engine, store } = useField();
  const [, navigate] = useLocation();
  const drafts = useMemo(() => createDraftStore(store), [store]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { media, files, restore } = useLocalMedia();
  const latest = useRef<{ answers: FormAnswers; page: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const flush = useRef<() => void>(() => {});

  // Typed answers not saved yet are saved when the user leaves the screen or the app goes to the background.
  useEffect(() => {
    const hidden = () => document.visibilityState === 'hidden' && flush.current();
    document.addEventListener('visibilitychange', hidden);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      flush.current();
    };
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const draft = await drafts.get(draftId);
      if (!draft) return live && setLoaded('missing-draft');
      const form = await formsDevice(engine).formVersion(draft.formVersionId);
      if (!form) return live && setLoaded('missing-form');
      restore(draft.files);
      if (live) setLoaded({ draft, form });
    })();
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [drafts, engine, draftId, restore]);

  if (loaded === null)
    return (
      <Screen title={t('forms.title')} back="/forms" tabs={false}>
        <p role="status">…</p>
      </Screen>
    );
  if (typeof loaded === 'string')
    return (
      <Screen title={t('forms.title')} back="/forms">
        <div className="alert alert-warning" role="alert">
          {t(loaded === 'missing-draft' ? 'forms.missingDraft' : 'forms.missingForm')}
        </div>
      </Screen>
    );

  const { draft, form } = loaded;
  flush.current = () => {
    if (latest.current) void save(latest.current.answers, latest.current.page);
  };
  async function save(answers: FormAnswers, page: number) {
    clearTimeout(timer.current);
    latest.current = null;
    try {
      await drafts.save({ ...draft, fresh: false, answers, page, files: files() });
      setProblem(null);
    } catch (err) {
      setProblem(t('forms.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  async function submit(answers: FormAnswers) {
    await save(answers, draft.page);
    try {
      await queue(answers);
    } catch (err) {
      setProblem(t('forms.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  async function queue(answers: FormAnswers) {
    const { id, mutationId } = await formsDevice(engine).submitForm({
      formVersionId: form.id,
      answers,
      startedAt: new Date(draft.startedAt).toISOString(),
      completedAt: new Date().toISOString(),
      files: new Map(Object.entries(files())),
    });
    await logSent(store, {
      id,
      mutationId,
      formVersionId: form.id,
      formId: form.formId,
      title: form.title,
      queuedAt: new Date().toISOString(),
    });
    await drafts.remove(draft.id);
    navigate('/forms?sent=1', { replace: true });
  }

  return (
    <Screen
      title={formText(form.title, locale, form.definition.defaultLanguage) ?? form.formId}
      back="/forms"
      tabs={false}
    >
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
      {(draft.serverMessage || draft.serverErrors?.length) && (
        <div className="alert alert-warning">
          <p className="mb-1 fw-semibold">{t('forms.serverErrors')}</p>
          {draft.serverMessage && <p className="mb-0">{draft.serverMessage}</p>}
        </div>
      )}
      <FormRunner
        key={draft.id}
        definition={form.definition}
        {...(draft.fresh ? {} : { initialAnswers: draft.answers })}
        initialPage={draft.page}
        locale={locale}
        media={media}
        {...(draft.serverErrors ? { externalErrors: draft.serverErrors } : {})}
        onSave={(answers, page) => void save(answers, page)}
        onChange={(answers, page) => {
          latest.current = { answers, page };
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            if (latest.current) void save(latest.current.answers, latest.current.page);
          }, TYPING_SAVE_MS);
        }}
        onSubmit={submit}
      />
    </Screen>
  );
}
