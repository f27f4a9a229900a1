import { type FormField, formText } from '@coso/domain';
import type { ReactNode } from 'react';
import { domId } from '../../../forms/answers';
import { fillReferences } from '../../../forms/label-text';
import { useRender } from './render-context';

/** The texts and ids every input of a field shares: label, hint, error, and what aria-describedby lists. */
export function useFieldTexts(path: string, field: FormField) {
  const { definition, locale, errors, state } = useRender();
  const id = domId(path);
  const fill = (text: string | undefined) => text && fillReferences(text, path, state.shown);
  const label = fill(formText(field.label, locale, definition.defaultLanguage)) ?? field.name;
  const hint = fill(formText(field.hint, locale, definition.defaultLanguage));
  const error = errors.get(path);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, label, hint, error, describedBy, invalid: error ? true : undefined };
}

function Help({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="form-text mt-0 mb-1">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </>
  );
}

function Required() {
  return (
    <span className="text-danger ms-1" aria-hidden="true">
      *
    </span>
  );
}

/**
 * One input with its visible label: the hint sits between label and input (read before typing), the error
 * under the input. `data-path` lets the error summary find the field's first focusable control.
 */
export function LabelledField(props: {
  path: string;
  field: FormField;
  required: boolean;
  children: ReactNode;
}) {
  const { id, label, hint, error } = useFieldTexts(props.path, props.field);
  return (
    <div className="mb-3 form-field" data-path={props.path}>
      <label htmlFor={id} className="form-label fw-semibold mb-1">
        {label}
      </label>
      {props.required && <Required />}
      <Help id={id} hint={hint} />
      {props.children}
      <Help id={id} error={error} />
    </div>
  );
}

/** Radios, checkboxes and multi-input fields: a fieldset whose legend is the question. */
export function FieldsetField(props: {
  path: string;
  field: FormField;
  required: boolean;
  children: ReactNode;
}) {
  const { id, label, hint, error, describedBy } = useFieldTexts(props.path, props.field);
  return (
    <fieldset className="mb-3 form-field" data-path={props.path} id={id} aria-describedby={describedBy}>
      <legend className="form-label fs-6 fw-semibold mb-1">
        {label}
        {props.required && <Required />}
      </legend>
      <Help id={id} hint={hint} />
      {props.children}
      <Help id={id} error={error} />
    </fieldset>
  );
}
