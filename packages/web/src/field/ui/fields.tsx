import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { FieldIssues, FieldMessage } from '../validation';
import { Icon, type IconName } from './icons';

/** The translated message of a field path, or of anything below it ("complainant.vulnerabilities.0"). */
export function useIssueText(issues: FieldIssues): (path: string) => string | undefined {
  const { t } = useT();
  return (path) => {
    const key = issues[path] ? path : Object.keys(issues).find((k) => k.startsWith(`${path}.`));
    const found: FieldMessage | undefined = key ? issues[key] : undefined;
    return found ? t(found.key, found.params) : undefined;
  };
}

export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <div id={id} className="field-error" role="alert">
      <Icon name="alert" size={18} /> {text}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  icon?: IconName;
  note?: string;
}

/**
 * Big radio buttons (or checkboxes with `multiple`), one per line: thumb-sized, with an icon and a label.
 * Native inputs inside labels, so screen readers and the keyboard get the usual behaviour.
 */
export function ChoiceList(props: {
  name: string;
  legend: string;
  choices: readonly Choice[];
  value: string | readonly string[];
  onChange: (value: string, checked: boolean) => void;
  multiple?: boolean;
  error?: string;
  hideLegend?: boolean;
}) {
  const { name, choices, value, multiple, error } = props;
  const selected = (v: string) => (Array.isArray(value) ? value.includes(v) : value === v);
  return (
    <fieldset className="choice-list" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className={props.hideLegend ? 'visually-hidden' : 'field-label'}>{props.legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className={`choice ${selected(c.value) ? 'choice-selected' : ''}`}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={c.value}
            checked={selected(c.value)}
            onChange={(e) => props.onChange(c.value, e.target.checked)}
          />
          {c.icon && <Icon name={c.icon} />}
          <span className="choice-text">
            {c.label}
            {c.note && <small className="d-block text-body-secondary">{c.note}</small>}
          </span>
          {selected(c.value) && <Icon name="check" className="choice-check" />}
        </label>
      ))}
      <FieldError id={`${name}-error`} text={error} />
    </fieldset>
  );
}

type InputProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'tel' | 'email' | 'number' | 'date' | 'search' | 'password';
  inputMode?: 'text' | 'tel' | 'email' | 'numeric' | 'decimal' | 'search';
  autoComplete?: string;
  onBlur?: () => void;
  max?: string;
  required?: boolean;
  /** Id of a <datalist> of suggestions. */
  list?: string;
};

export function TextField(p: InputProps) {
  const described = [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(' ');
  return (
    <div className="mb-3">
      <label htmlFor={p.id} className="field-label">
        {p.label}
      </label>
      <input
        id={p.id}
        className={`form-control form-control-lg ${p.error ? 'is-invalid' : ''}`}
        type={p.type ?? 'text'}
        inputMode={p.inputMode}
        autoComplete={p.autoComplete ?? 'off'}
        value={p.value}
        max={p.max}
        list={p.list}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
      />
      {p.hint && (
        <div id={`${p.id}-hint`} className="form-text">
          {p.hint}
        </div>
      )}
      <FieldError id={`${p.id}-error`} text={p.error} />
    </div>
  );
}

export function TextArea(p: Omit<InputProps, 'type' | 'inputMode'> & { rows?: number; counter?: ReactNode }) {
  const described = [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(' ');
  return (
    <div className="mb-3">
      <label htmlFor={p.id} className="field-label">
        {p.label}
      </label>
      <textarea
        id={p.id}
        className={`form-control form-control-lg ${p.error ? 'is-invalid' : ''}`}
        rows={p.rows ?? 6}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.hint && (
        <div id={`${p.id}-hint`} className="form-text">
          {p.hint}
        </div>
      )}
      {p.counter}
      <FieldError id={`${p.id}-error`} text={p.error} />
    </div>
  );
}

/** A big checkbox line (the whole line is the touch target). */
export function Toggle(p: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
}) {
  return (
    <div className="mb-3">
      <label htmlFor={p.id} className={`choice ${p.checked ? 'choice-selected' : ''}`}>
        <input
          id={p.id}
          type="checkbox"
          checked={p.checked}
          aria-describedby={p.error ? `${p.id}-error` : p.hint ? `${p.id}-hint` : undefined}
          onChange={(e) => p.onChange(e.target.checked)}
        />
        <span className="choice-text">
          {p.label}
          {p.hint && (
            <small id={`${p.id}-hint`} className="d-block text-body-secondary">
              {p.hint}
            </small>
          )}
        </span>
      </label>
      <FieldError id={`${p.id}-error`} text={p.error} />
    </div>
  );
}
