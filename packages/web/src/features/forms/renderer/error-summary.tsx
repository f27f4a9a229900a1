import { type FormDefinition, type FormError, formText, walkFields } from '@coso/domain';
import { forwardRef } from 'react';
import { domId, parsePath } from '../../../forms/answers';
import { useI18n } from '../../../i18n/i18n-context';

/** "Membre n° 2 · Âge" for `members[1].age`: the labels along the path, instances numbered from 1. */
export function errorLabel(
  definition: FormDefinition,
  path: string,
  locale: string,
  instance: (label: string, n: number) => string,
): string {
  const byName = new Map([...walkFields(definition.fields)].map((f) => [f.name, f]));
  return parsePath(path)
    .map((step) => {
      const base =
        step.name.endsWith('_other') && !byName.has(step.name) ? step.name.slice(0, -6) : step.name;
      const label = formText(byName.get(base)?.label, locale, definition.defaultLanguage) ?? step.name;
      return step.index === undefined ? label : instance(label, step.index + 1);
    })
    .join(' · ');
}

/**
 * The errors at the top of the form (GOV.UK's error summary pattern): focused when it appears, each error a
 * link that brings its field into view and focuses it.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { definition: FormDefinition; errors: readonly FormError[]; onGo: (path: string) => void }
>(function ErrorSummary({ definition, errors, onGo }, ref) {
  const { t, locale } = useI18n();
  return (
    <div
      ref={ref}
      className="alert alert-danger"
      role="alert"
      tabIndex={-1}
      aria-labelledby="form-error-summary"
    >
      <h2 id="form-error-summary" className="h6 fw-bold">
        {t('renderer.errorSummary', { n: errors.length })}
      </h2>
      <ul className="mb-0">
        {errors.map((e) => (
          <li key={`${e.field}|${e.code}`}>
            <a
              href={`#${domId(e.field)}`}
              className="alert-link"
              onClick={(ev) => {
                ev.preventDefault();
                onGo(e.field);
              }}
            >
              {t('renderer.errorItem', {
                label: errorLabel(definition, e.field, locale, (label, n) =>
                  t('renderer.instance', { label, n }),
                ),
                message: e.message[locale],
              })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
