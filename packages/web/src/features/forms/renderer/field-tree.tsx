import { type FormField, formText } from '@coso/domain';
import { childPath, domId, instancePath } from '../../../forms/answers';
import { useI18n } from '../../../i18n/i18n-context';
import { FieldInput } from './field-input';
import { useRender } from './render-context';

/** The whole form at once: groups as fieldsets with legends, repeats with their instances, add and remove. */
export function FieldTree({ fields, prefix = '' }: { fields: readonly FormField[]; prefix?: string }) {
  return (
    <>
      {fields.map((field) => {
        const path = childPath(prefix, field.name);
        if (field.type === 'group')
          return <GroupBlock key={field.name} path={path} field={field} prefix={prefix} />;
        if (field.type === 'repeat') return <RepeatBlock key={field.name} path={path} field={field} />;
        return <FieldInput key={field.name} path={path} field={field} />;
      })}
    </>
  );
}

function GroupBlock({ path, field, prefix }: { path: string; field: FormField; prefix: string }) {
  const { state, definition, locale } = useRender();
  if (!state.view(path, field).relevant) return null;
  const label = formText(field.label, locale, definition.defaultLanguage);
  // Groups are transparent in the answers: children keep the group's own prefix.
  const children = <FieldTree fields={field.children ?? []} prefix={prefix} />;
  if (!label) return children;
  return (
    <fieldset className="border rounded px-3 pt-2 mb-3" data-path={path}>
      <legend className="float-none w-auto px-2 fs-6 fw-bold mb-0">{label}</legend>
      {children}
    </fieldset>
  );
}

/** A repeat: each instance a fieldset; "add" and "remove" unless repeat_count fixes the number. */
export function RepeatBlock({
  path,
  field,
  nested = true,
}: {
  path: string;
  field: FormField;
  nested?: boolean;
}) {
  const { t } = useI18n();
  const { state, definition, locale, errors, addInstance, removeInstance } = useRender();
  const view = state.view(path, field);
  if (!view.relevant) return null;
  const label = formText(field.label, locale, definition.defaultLanguage) ?? field.name;
  const fixed = state.fixedCount(path);
  const count = state.instances(path);
  const error = errors.get(path);
  const id = domId(path);
  return (
    <fieldset
      className="border rounded px-3 pt-2 pb-3 mb-3"
      data-path={path}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="float-none w-auto px-2 fs-6 fw-bold mb-0">{label}</legend>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block mb-2">
          {error}
        </div>
      )}
      {count.length === 0 && <p className="text-body-secondary small">{t('renderer.noInstance')}</p>}
      {count.map((index, n) => {
        const name = t('renderer.instance', { label, n: n + 1 });
        return (
          <fieldset key={index} className="border-start border-3 ps-3 mb-3">
            <legend className="fs-6 fw-semibold text-body-secondary mb-2">{name}</legend>
            {nested && <FieldTree fields={field.children ?? []} prefix={instancePath(path, index)} />}
            {fixed === undefined && (
              <button
                type="button"
                className="btn btn-sm btn-outline-danger"
                onClick={() => removeInstance(path, index)}
              >
                {t('renderer.removeInstance', { label, n: n + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {fixed === undefined && (
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => addInstance(path)}>
          {t('renderer.addInstance', { label })}
        </button>
      )}
    </fieldset>
  );
}
