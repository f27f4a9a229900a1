import {
  defaultAnswers,
  type FormAnswers,
  type FormDefinition,
  type FormError,
  type FormField,
  type FormValue,
  formPages,
  formText,
  validate,
} from '@coso/domain';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import * as paths from '../../../forms/answers';
import { useI18n } from '../../../i18n/i18n-context';
import { SuccessAlert } from '../../../ui/alerts';
import { computeState, fitRepeatCounts, renderState } from './engine';
import { ErrorSummary } from './error-summary';
import { FieldTree } from './field-tree';
import { previewMedia } from './media-inputs';
import { PagedView } from './paged-view';
import { desktopPages, firstPageOfInstance, pageOfPath } from './pagination';
import { type MediaAdapter, RenderContext, type RenderContextValue } from './render-context';

export type Layout = 'whole' | 'paged';

/** Enter in a text box moves nothing and submits nothing (a form filled from paper is typed fast). */
function blockEnter(e: KeyboardEvent<HTMLFormElement>) {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target instanceof HTMLInputElement && !['button', 'submit'].includes(target.type))
    e.preventDefault();
}

/**
 * The desktop renderer of a form definition (Bootstrap 5, keyboard first): the whole form or page by page,
 * live relevance and calculations from the domain engine, "Vérifier" running the same `validate` as the
 * server. It stores nothing itself: `onChange` hands the answers to whoever does.
 */
export function FormRenderer(props: {
  definition: FormDefinition;
  initialAnswers?: FormAnswers;
  media?: MediaAdapter;
  onChange?: (answers: FormAnswers) => void;
}) {
  const { definition } = props;
  const { t, locale, formatNumber } = useI18n();
  const now = useMemo(() => new Date(), []);
  const media = useMemo(() => props.media ?? previewMedia(), [props.media]);
  const [answers, setAnswers] = useState<FormAnswers>(
    () => props.initialAnswers ?? defaultAnswers(definition, { now }),
  );
  const [layout, setLayout] = useState<Layout>('whole');
  const [page, setPage] = useState(0);
  // Errors are shown once asked for: everywhere after "Vérifier", on a page after "Suivant" refused it.
  const [reveal, setReveal] = useState<'all' | ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [goInstance, setGoInstance] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLFormElement>(null);

  const state = useMemo(
    () => computeState(definition, answers, now, locale),
    [definition, answers, now, locale],
  );
  const pages = useMemo(() => desktopPages(formPages(definition, state), state), [definition, state]);
  const allErrors: FormError[] = useMemo(
    () => (reveal === 'all' ? validate(definition, answers, { now }) : state.errors),
    [reveal, definition, answers, now, state],
  );
  const shown = reveal === 'all' ? allErrors : allErrors.filter((e) => reveal.has(e.field));
  const errorMap = useMemo(() => new Map(shown.map((e) => [e.field, e.message[locale]])), [shown, locale]);

  const update = (next: FormAnswers) => {
    setAnswers(next);
    props.onChange?.(next);
  };

  // repeat_count decides the number of instances: keep the answers in step with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `update` is recreated each render; state drives this.
  useEffect(() => {
    const fitted = fitRepeatCounts(state, answers);
    if (fitted !== answers) update(fitted);
  }, [state, answers]);

  // After "add", open the new instance's first page; after an error link, focus that field.
  useEffect(() => {
    if (!goInstance) return;
    const i = firstPageOfInstance(pages, goInstance);
    if (i >= 0) setPage(i);
    setGoInstance(null);
  }, [goInstance, pages]);
  useEffect(() => {
    if (!focusPath) return;
    const box = rootRef.current?.querySelector(`[data-path="${CSS.escape(focusPath)}"]`);
    const target = box?.querySelector<HTMLElement>(
      'input:not([type=hidden]), select, textarea, canvas, button',
    );
    (target ?? (box as HTMLElement | null))?.focus();
    box?.scrollIntoView?.({ block: 'center' });
    setFocusPath(null);
  }, [focusPath]);

  // How a label's `${name}` shows an answer: numbers grouped, yes/no and choices in words.
  const show = (value: FormValue, field: FormField): string => {
    const label = (name: string) => {
      const c = field.list ? definition.choices[field.list]?.find((x) => x.name === name) : undefined;
      return (c && formText(c.label, locale, definition.defaultLanguage)) ?? name;
    };
    if (value === null || value === undefined) return '';
    // A sum over empty answers is NaN, as in ODK: show nothing rather than "NaN".
    if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : '';
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (typeof value === 'string') return field.list ? label(value) : value;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? label(v) : '')).join(', ');
    return `${value.lat}, ${value.lon}`;
  };

  const ctx: RenderContextValue = {
    definition,
    locale,
    state: renderState(state, answers, show),
    errors: errorMap,
    media,
    setValue: (path: string, value: FormValue | undefined) => update(paths.setAt(answers, path, value)),
    addInstance: (path: string) => {
      const index = paths.instanceCount(answers, path);
      const repeatName = path.slice(path.lastIndexOf('.') + 1);
      let next = paths.addInstance(answers, path);
      const defaults = defaultAnswers(definition, { now, repeat: repeatName });
      for (const [name, value] of Object.entries(defaults))
        next = paths.setAt(next, `${paths.instancePath(path, index)}.${name}`, value);
      update(next);
      if (layout === 'paged') setGoInstance(paths.instancePath(path, index));
    },
    removeInstance: (path: string, index: number) => update(paths.removeInstance(answers, path, index)),
  };

  function check() {
    setReveal('all');
    setChecked(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function go(path: string) {
    if (layout === 'paged') {
      const i = pageOfPath(pages, path);
      if (i >= 0) setPage(i);
    }
    setFocusPath(path);
  }

  const pageErrors = (i: number) => {
    const p = pages[i];
    if (!p) return [];
    const own = new Set(p.fields.flatMap((f) => [f.path, `${f.path}_other`]));
    if (p.repeat) own.add(p.repeat.path);
    return state.errors.filter((e) => own.has(e.field));
  };

  function next() {
    const errors = pageErrors(page);
    if (errors.length) {
      setReveal((r) => (r === 'all' ? r : new Set([...r, ...errors.map((e) => e.field)])));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setPage((p) => Math.min(p + 1, pages.length - 1));
  }

  const safePage = Math.min(page, Math.max(0, pages.length - 1));
  const summaryErrors =
    reveal === 'all' || layout === 'whole' ? shown : shown.filter((e) => pageErrors(safePage).includes(e));

  return (
    <RenderContext.Provider value={ctx}>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        {/* biome-ignore lint/a11y/useSemanticElements: Bootstrap's button group; a fieldset would not lay out inline. */}
        <div className="btn-group" role="group" aria-label={t('renderer.layout')}>
          {(['whole', 'paged'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className={`btn btn-sm ${layout === l ? 'btn-secondary' : 'btn-outline-secondary'}`}
              aria-pressed={layout === l}
              onClick={() => setLayout(l)}
            >
              {t(`renderer.${l}`)}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-sm btn-primary ms-auto" onClick={check}>
          {t('renderer.check')}
        </button>
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          onClick={() => {
            update(defaultAnswers(definition, { now }));
            setReveal(new Set());
            setChecked(false);
            setPage(0);
          }}
        >
          {t('renderer.clear')}
        </button>
      </div>
      {summaryErrors.length > 0 && (
        <ErrorSummary ref={summaryRef} definition={definition} errors={summaryErrors} onGo={go} />
      )}
      {checked && reveal === 'all' && allErrors.length === 0 && (
        <SuccessAlert>{t('renderer.valid')}</SuccessAlert>
      )}
      <form ref={rootRef} noValidate onSubmit={(e) => e.preventDefault()} onKeyDown={blockEnter}>
        {layout === 'whole' ? (
          <FieldTree fields={definition.fields} />
        ) : (
          <PagedView
            pages={pages}
            page={safePage}
            onPrevious={() => setPage(Math.max(0, safePage - 1))}
            onNext={next}
          />
        )}
      </form>
    </RenderContext.Provider>
  );
}
