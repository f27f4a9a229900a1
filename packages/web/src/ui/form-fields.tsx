import type { ReactNode } from 'react';
import { DateInput } from './date-input';

/** Shared props: every field has a visible <label for>, an optional hint and an error under it. */
interface FieldBase {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldHelp({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
      {hint && (
        <div id={`${id}-hint`} className="form-text">
          {hint}
        </div>
      )}
    </>
  );
}

interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search' | 'date' | 'datetime-local';
  autoComplete?: string;
  placeholder?: string;
  inputMode?: 'decimal' | 'numeric' | 'text' | 'email' | 'tel' | 'search';
  step?: string;
  autoFocus?: boolean;
  onBlur?: () => void;
  /** Id of a <datalist> of suggestions. */
  list?: string;
  /** Upper bound of a date or number field. */
  max?: string;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  const { id, label, error, hint, value, onChange, type = 'text', className = 'mb-3' } = props;
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {props.required && <RequiredMark />}
      {type === 'date' ? (
        <DateInput
          id={id}
          className={`form-control${error ? ' is-invalid' : ''}`}
          value={value}
          onChange={onChange}
          required={props.required}
          disabled={props.disabled}
          onBlur={props.onBlur}
          max={props.max}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      ) : (
        <input
          id={id}
          name={id}
          type={type}
          className={`form-control${error ? ' is-invalid' : ''}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={props.required}
          disabled={props.disabled}
          autoComplete={props.autoComplete}
          placeholder={props.placeholder}
          inputMode={props.inputMode}
          step={props.step}
          onBlur={props.onBlur}
          list={props.list}
          max={props.max}
          maxLength={props.maxLength}
          // biome-ignore lint/a11y/noAutofocus: only the login form asks for it, where typing is the first act.
          autoFocus={props.autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      )}
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

interface TextAreaFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, error, hint, value, onChange, className = 'mb-3' } = props;
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {props.required && <RequiredMark />}
      <textarea
        id={id}
        name={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        rows={props.rows ?? 3}
        onChange={(e) => onChange(e.target.value)}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  autoFocus?: boolean;
  /** Shown right after the label (a warning badge about the chosen value). */
  labelExtra?: ReactNode;
}

export function SelectField(props: SelectFieldProps) {
  const { id, label, error, hint, value, onChange, options, className = 'mb-3' } = props;
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {props.required && <RequiredMark />}
      {props.labelExtra}
      <select
        id={id}
        name={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={props.required}
        disabled={props.disabled}
        // biome-ignore lint/a11y/noAutofocus: the first field of a data-entry page (complaint intake) only.
        autoFocus={props.autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

interface CheckboxFieldProps extends Omit<FieldBase, 'required'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
  type?: 'checkbox' | 'radio';
  name?: string;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, error, hint, checked, onChange, type = 'checkbox', className = 'mb-2' } = props;
  return (
    <div className={`form-check ${className}`}>
      <input
        id={id}
        name={props.name ?? id}
        type={type}
        className={`form-check-input${error ? ' is-invalid' : ''}`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        disabled={props.disabled}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id} className="form-check-label">
        {label}
      </label>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

/** A group of related controls (roles, radio options) with a visible legend. */
export function FieldSet(props: {
  legend: string;
  id: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      className={props.className ?? 'mb-3'}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend className="form-label fs-6 mb-1">{props.legend}</legend>
      {props.children}
      <FieldHelp id={props.id} hint={props.hint} error={props.error} />
    </fieldset>
  );
}

/** Outside the <label> so the field's accessible name stays exactly the label text. */
function RequiredMark() {
  return (
    <span className="text-danger ms-1" aria-hidden="true">
      *
    </span>
  );
}
