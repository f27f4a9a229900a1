import { formText } from '@coso/domain';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { FieldInput } from './field-input';
import { RepeatBlock } from './field-tree';
import type { DesktopPage } from './pagination';
import { useRender } from './render-context';

/** One page at a time, Précédent / Suivant; the page heading takes the focus when the page changes. */
export function PagedView(props: {
  pages: readonly DesktopPage[];
  page: number;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const { definition, locale } = useRender();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const current = props.pages[props.page];

  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus follows the page shown.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [current?.key]);

  if (!current) return <p className="text-body-secondary">{t('renderer.noPage')}</p>;
  const title = formText(current.title, locale, definition.defaultLanguage);
  return (
    <section aria-labelledby="form-page-heading">
      <h2 id="form-page-heading" ref={heading} tabIndex={-1} className="h6 text-body-secondary mb-3">
        {t('renderer.pageOf', { n: props.page + 1, total: props.pages.length })}
        {title && <span className="d-block fs-5 text-body fw-semibold mt-1">{title}</span>}
      </h2>
      {current.repeat ? (
        <RepeatBlock path={current.repeat.path} field={current.repeat.field} nested={false} />
      ) : (
        current.fields.map((f) => <FieldInput key={f.path} path={f.path} field={f.field} />)
      )}
      <div className="d-flex gap-2 border-top pt-3 mt-3">
        <button
          type="button"
          className="btn btn-outline-secondary"
          disabled={props.page === 0}
          onClick={props.onPrevious}
        >
          {t('renderer.previous')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={props.page >= props.pages.length - 1}
          onClick={props.onNext}
        >
          {t('renderer.next')}
        </button>
      </div>
    </section>
  );
}
