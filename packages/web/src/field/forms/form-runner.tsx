import {
  defaultAnswers,
  type FormAnswers,
  type FormDefinition,
  type FormError,
  type FormValue,
  formPages,
  formState,
  formText,
  normalizeAnswers,
  validate,
} from '@coso/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { domId, setAt } from '../../forms/answers';
import { Question } from './question';
import { RepeatPage } from './repeat-page';
import {
  clampPage,
  firstPageWithError,
  fitRepeatCounts,
  managedRepeats,
  pagePaths,
  runnerPages,
} from './runner-model';
import type { RunnerMedia } from './runner-types';
import { formsTranslator } from './texts';
import './form-runner.css';

export interface FormRunnerProps {
  definition: FormDefinition;
  /** A draft's answers; absent: the form's defaults. */
  initialAnswers?: FormAnswers;
  initialPage?: number;
  locale: string;
  /** Called at every page change (and instance added or removed): the field app saves the draft then. */
  onSave?: (answers: FormAnswers, pageIndex: number) => void;
  /** Called after every answer (the field app also saves the draft a moment after the typing stops). */
  onChange?: (answers: FormAnswers, pageIndex: number) => void;
  /** Called with the normalized answers once they pass the same validation as the server's. */
  onSubmit: (answers: FormAnswers) => void | Promise<void>;
  media: RunnerMedia;
  /** Problems reported elsewhere (the server's refusal), shown on their questions until answered again. */
  externalErrors?: readonly { field: string; message: string }[];
  now?: () => Date;
}

const message = (e: FormError, locale: string) => (locale === 'en' ? e.message.en : e.message.fr);

/**
 * The phone's form runner (the field app; the desktop admin's "preview as phone"): one page at a time
 * (ODK Collect's pagination), skip logic and calculations live, errors shown when the user taps Next, the
 * answers checked on Send by the same validation the server runs. Pure: everything it keeps goes through
 * `onSave`, `onSubmit` and the media adapter; its styles are scoped under `.form-runner`.
 */
export function FormRunner(props: FormRunnerProps) {
  const { definition: def, locale, media } = props;
  const t = useMemo(() => formsTranslator(locale), [locale]);
  const clock = useRef(props.now ?? (() => new Date()));
  const [answers, setAnswers] = useState<FormAnswers>(
    () => props.initialAnswers ?? defaultAnswers(def, { now: clock.current() }),
  );
  const [pageIndex, setPageIndex] = useState(props.initialPage ?? 0);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [external, setExternal] = useState(props.externalErrors ?? []);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const state = useMemo(
    () => formState(def, answers, { now: clock.current(), locale }),
    [def, answers, locale],
  );
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported when the answers change only
  useEffect(() => {
    if (first.current) first.current = false;
    else onChange.current?.(answers, pageIndex);
  }, [answers]);

  // Repeats whose count the form fixes get exactly that many instances.
  useEffect(() => {
    const fitted = fitRepeatCounts(answers, state.fields.values(), (name) =>
      defaultAnswers(def, { now: clock.current(), repeat: name }),
    );
    if (fitted !== answers) setAnswers(fitted);
  }, [def, answers, state]);

  const pages = useMemo(
    () =>
      runnerPages(
        def,
        formPages(def, state),
        managedRepeats(def, answers, (path) => state.fields.get(path)?.relevant ?? false),
      ),
    [def, answers, state],
  );
  // A submission the server refused reopens on the first page it complained about.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const at = firstPageWithError(
      pages,
      external.map((e) => e.field),
    );
    if (at !== undefined) setPageIndex(at);
  }, [pages, external]);
  const index = clampPage(pageIndex, pages.length);
  const page = pages[index];
  const last = index === pages.length - 1;

  const errors = useMemo(() => {
    const byPath = new Map<string, string>();
    for (const e of external) byPath.set(e.field, e.message);
    for (const e of state.errors)
      if (revealed.has(e.field) && !byPath.has(e.field)) byPath.set(e.field, message(e, locale));
    return byPath;
  }, [state.errors, revealed, external, locale]);

  // A new page announces itself: focus on its heading, as a page load would (not on the first render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [index]);

  function setAnswer(path: string, value: FormValue | undefined) {
    setAnswers((a) => setAt(a, path, value));
    setExternal((list) => list.filter((e) => e.field !== path));
    setNotice(null);
  }

  function go(next: number, current = answers) {
    moved.current = true;
    setNotice(null);
    setPageIndex(next);
    props.onSave?.(current, next);
  }

  function reveal(paths: Iterable<string>) {
    setRevealed((r) => new Set([...r, ...paths]));
  }

  function focusFirstError(paths: readonly string[]) {
    requestAnimationFrame(() => {
      const el = document.getElementById(domId(paths[0] ?? ''));
      (el?.closest('fieldset')?.querySelector('input') ?? el)?.focus();
    });
  }

  function next() {
    if (!page) return;
    const here = new Set(pagePaths(page));
    const wrong = state.errors.filter((e) => here.has(e.field)).map((e) => e.field);
    if (wrong.length) {
      reveal(wrong);
      setNotice(t('runner.fixPage'));
      focusFirstError(wrong);
      return;
    }
    go(index + 1);
  }

  async function submit() {
    if (submitting) return;
    const normalized = normalizeAnswers(def, answers, { state });
    const wrong = validate(def, normalized, { now: clock.current() });
    if (wrong.length) {
      reveal(wrong.map((e) => e.field));
      const at = firstPageWithError(
        pages,
        wrong.map((e) => e.field),
      );
      if (at !== undefined && at !== index) go(at);
      setNotice(at === undefined ? wrong.map((e) => message(e, locale)).join(' ') : t('runner.fixBefore'));
      return;
    }
    setSubmitting(true);
    try {
      await props.onSubmit(normalized);
    } finally {
      setSubmitting(false);
    }
  }

  const formTitle = formText(def.title, locale, def.defaultLanguage) ?? def.formId;
  const pageTitle =
    page?.kind === 'questions' && page.title ? formText(page.title, locale, def.defaultLanguage) : undefined;

  return (
    <div className="form-runner" lang={locale}>
      <div className="fr-progress">
        <span>{t('runner.progress', { n: index + 1, total: Math.max(pages.length, 1) })}</span>
        <progress max={Math.max(pages.length, 1)} value={index + 1} aria-hidden="true" />
      </div>
      <h2 ref={heading} tabIndex={-1} className="fr-page-title" data-page={page?.key}>
        {pageTitle ?? formTitle}
      </h2>
      {notice && (
        <div className="fr-notice" role="alert">
          {notice}
        </div>
      )}
      {!page && <p>{t('runner.empty')}</p>}
      {page?.kind === 'questions' &&
        page.fields.map(({ path }) => {
          const st = state.fields.get(path);
          return st ? (
            <Question
              key={path}
              path={path}
              state={st}
              answers={answers}
              setAnswer={setAnswer}
              error={errors.get(path)}
              locale={locale}
              defaultLanguage={def.defaultLanguage}
              t={t}
              media={media}
              valueAt={(p) => state.fields.get(p)?.value}
            />
          ) : null;
        })}
      {page?.kind === 'repeat' && (
        <RepeatPage
          definition={def}
          path={page.path}
          field={page.field}
          answers={answers}
          error={errors.get(page.path)}
          locale={locale}
          t={t}
          onChange={(next) => {
            setAnswers(next);
            props.onSave?.(next, index);
          }}
          fresh={() => defaultAnswers(def, { now: clock.current(), repeat: page.field.name })}
        />
      )}
      <div className="fr-nav">
        <button
          type="button"
          className="btn btn-outline-secondary btn-lg"
          disabled={index === 0}
          onClick={() => go(index - 1)}
        >
          {t('runner.previous')}
        </button>
        {last || !page ? (
          <button type="button" className="btn btn-success btn-lg" disabled={submitting} onClick={submit}>
            {submitting ? t('runner.submitting') : t('runner.submit')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-lg" onClick={next}>
            {t('runner.next')}
          </button>
        )}
      </div>
    </div>
  );
}
