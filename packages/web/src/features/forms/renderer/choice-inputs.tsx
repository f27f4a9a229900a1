import { type FormChoice, formText } from '@coso/domain';
import { useI18n } from '../../../i18n/i18n-context';
import type { InputProps } from './basic-inputs';
import { useFieldTexts } from './field-shell';
import { useRender } from './render-context';

/** XLSForm's or_other: the choice `other`, whose text is kept under `<name>_other`. */
export const OTHER = 'other';

function useChoiceLabel() {
  const { definition, locale } = useRender();
  return (c: FormChoice) => formText(c.label, locale, definition.defaultLanguage) ?? c.name;
}

function OtherText({ path, show, readOnly }: { path: string; show: boolean; readOnly: boolean }) {
  const { t } = useI18n();
  const { setValue, errors } = useRender();
  const otherPath = `${path}_other`;
  const { id } = useFieldTexts(otherPath, { type: 'text', name: otherPath });
  if (!show) return null;
  const error = errors.get(otherPath);
  return (
    <div className="ms-4 mt-1" data-path={otherPath}>
      <label htmlFor={id} className="form-label small mb-1">
        {t('renderer.otherText')}
      </label>
      <OtherInput id={id} path={otherPath} readOnly={readOnly} error={error} onChange={setValue} />
    </div>
  );
}

function OtherInput(props: {
  id: string;
  path: string;
  readOnly: boolean;
  error: string | undefined;
  onChange: (path: string, value: string | undefined) => void;
}) {
  const { state } = useRender();
  const value = state.view(props.path, { type: 'text', name: props.path }).value;
  return (
    <>
      <input
        id={props.id}
        type="text"
        className={`form-control form-control-sm${props.error ? ' is-invalid' : ''}`}
        style={{ maxWidth: '24rem' }}
        value={typeof value === 'string' ? value : ''}
        readOnly={props.readOnly}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(props.path, e.target.value || undefined)}
      />
      {props.error && (
        <div id={`${props.id}-error`} className="invalid-feedback d-block">
          {props.error}
        </div>
      )}
    </>
  );
}

function withOther(choices: readonly FormChoice[], orOther: boolean | undefined, otherLabel: string) {
  if (!orOther || choices.some((c) => c.name === OTHER)) return choices;
  return [...choices, { name: OTHER, label: { default: otherLabel } }];
}

/** select_one: radios, or a <select> with the `minimal` appearance. */
export function SelectOneInput(props: InputProps & { choices: readonly FormChoice[] }) {
  const { path, field, value, readOnly } = props;
  const { t } = useI18n();
  const { setValue } = useRender();
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  const labelOf = useChoiceLabel();
  const choices = withOther(props.choices, field.orOther, t('renderer.other'));
  const current = typeof value === 'string' ? value : '';
  const other = <OtherText path={path} show={current === OTHER && !!field.orOther} readOnly={readOnly} />;

  if (field.appearance?.includes('minimal')) {
    return (
      <>
        <select
          id={id}
          className={`form-select${invalid ? ' is-invalid' : ''}`}
          style={{ maxWidth: '24rem' }}
          value={current}
          disabled={readOnly}
          required={props.required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => setValue(path, e.target.value || undefined)}
        >
          <option value="">{t('renderer.choose')}</option>
          {choices.map((c) => (
            <option key={c.name} value={c.name}>
              {labelOf(c)}
            </option>
          ))}
        </select>
        {other}
      </>
    );
  }
  return (
    <>
      {choices.map((c) => (
        <div key={c.name} className="form-check">
          <input
            id={`${id}--${c.name}`}
            type="radio"
            name={id}
            className={`form-check-input${invalid ? ' is-invalid' : ''}`}
            checked={current === c.name}
            disabled={readOnly}
            onChange={() => setValue(path, c.name)}
          />
          <label htmlFor={`${id}--${c.name}`} className="form-check-label">
            {labelOf(c)}
          </label>
        </div>
      ))}
      {other}
    </>
  );
}

/** select_multiple: one checkbox per choice; the answer lists the checked names in the list's order. */
export function SelectMultipleInput(props: InputProps & { choices: readonly FormChoice[] }) {
  const { path, field, value, readOnly } = props;
  const { t } = useI18n();
  const { setValue } = useRender();
  const { id, invalid } = useFieldTexts(path, field);
  const labelOf = useChoiceLabel();
  const choices = withOther(props.choices, field.orOther, t('renderer.other'));
  const selected = new Set(Array.isArray(value) ? (value as string[]) : []);
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    // Keep names no longer offered (a choice filter changed) so the engine can say they are invalid.
    const ordered = [
      ...choices.map((c) => c.name).filter((n) => next.has(n)),
      ...[...next].filter((n) => !choices.some((c) => c.name === n)),
    ];
    setValue(path, ordered.length ? ordered : undefined);
  };
  return (
    <>
      {choices.map((c) => (
        <div key={c.name} className="form-check">
          <input
            id={`${id}--${c.name}`}
            type="checkbox"
            className={`form-check-input${invalid ? ' is-invalid' : ''}`}
            checked={selected.has(c.name)}
            disabled={readOnly}
            onChange={(e) => toggle(c.name, e.target.checked)}
          />
          <label htmlFor={`${id}--${c.name}`} className="form-check-label">
            {labelOf(c)}
          </label>
        </div>
      ))}
      <OtherText path={path} show={selected.has(OTHER) && !!field.orOther} readOnly={readOnly} />
    </>
  );
}

export function YesNoInput({ path, field, value, readOnly }: InputProps) {
  const { t } = useI18n();
  const { setValue } = useRender();
  const { id, invalid } = useFieldTexts(path, field);
  return (
    <div>
      {([true, false] as const).map((v) => (
        <div key={String(v)} className="form-check form-check-inline">
          <input
            id={`${id}--${v}`}
            type="radio"
            name={id}
            className={`form-check-input${invalid ? ' is-invalid' : ''}`}
            checked={value === v}
            disabled={readOnly}
            onChange={() => setValue(path, v)}
          />
          <label htmlFor={`${id}--${v}`} className="form-check-label">
            {t(v ? 'common.yes' : 'common.no')}
          </label>
        </div>
      ))}
    </div>
  );
}
