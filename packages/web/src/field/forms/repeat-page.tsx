import { type FormAnswers, type FormDefinition, type FormField, formText } from '@coso/domain';
import { instanceCount, removeInstance } from '../../forms/answers';
import { appendInstance } from './runner-model';
import type { FormsT } from './texts';

/**
 * The page after a repeat's instances (ODK Collect's "add another?"): how many were entered, one button per
 * instance to remove it, and one to add another (the runner then shows the new instance's first question).
 */
export function RepeatPage(p: {
  definition: FormDefinition;
  path: string;
  field: FormField;
  answers: FormAnswers;
  error: string | undefined;
  locale: string;
  t: FormsT;
  onChange: (answers: FormAnswers) => void;
  fresh: () => FormAnswers;
}) {
  const label = formText(p.field.label, p.locale, p.definition.defaultLanguage) ?? p.field.name;
  const count = instanceCount(p.answers, p.path);
  const errorId = `${p.path.replace(/[^A-Za-z0-9_-]/g, '-')}-repeat-error`;
  return (
    <section
      className="fr-question fr-repeat"
      aria-describedby={p.error ? errorId : undefined}
      data-path={p.path}
    >
      <p className="fr-label">{label}</p>
      <p className="fr-hint">{p.t('runner.repeatCount', { n: count })}</p>
      <ul className="list-unstyled">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: instances are known by their position only
          <li key={i} className="fr-repeat-item">
            <span>{p.t('runner.repeatItem', { label, n: i + 1 })}</span>
            <button
              type="button"
              className="btn btn-outline-danger"
              aria-label={p.t('runner.repeatRemove', { label, n: i + 1 })}
              onClick={() => p.onChange(removeInstance(p.answers, p.path, i))}
            >
              {p.t('runner.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-primary btn-lg w-100 fr-big"
        onClick={() => p.onChange(appendInstance(p.answers, p.path, p.fresh()))}
      >
        {p.t('runner.repeatAdd', { label })}
      </button>
      {p.error && (
        <div id={errorId} className="fr-error" role="alert">
          {p.error}
        </div>
      )}
    </section>
  );
}
