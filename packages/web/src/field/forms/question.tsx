import { type FieldInstanceState, type FormAnswers, type FormValue, formText } from '@coso/domain';
import type { ComponentType } from 'react';
import { domId, getAt } from '../../forms/answers';
import { NumberInput, ReadOnlyValue, TextInput, YesNoInput } from './basic-inputs';
import { SelectMultipleInput, SelectOneInput } from './choice-inputs';
import { AudioInput, FileInput, ImageInput } from './media-inputs';
import { GeopointInput, SignatureInput } from './place-sign-inputs';
import { fillLabel } from './runner-model';
import type { InputProps, RunnerMedia } from './runner-types';
import type { FormsT } from './texts';

const INPUTS: Partial<Record<string, ComponentType<InputProps>>> = {
  text: TextInput,
  date: TextInput,
  time: TextInput,
  datetime: TextInput,
  integer: NumberInput,
  decimal: NumberInput,
  money: NumberInput,
  yes_no: YesNoInput,
  select_one: SelectOneInput,
  select_multiple: SelectMultipleInput,
  geopoint: GeopointInput,
  image: ImageInput,
  audio: AudioInput,
  file: FileInput,
  signature: SignatureInput,
  calculate: ReadOnlyValue,
};
/**
 * Inputs made of several controls, or of buttons that keep their own names ("Capturer ma position"): a
 * fieldset whose legend is the question.
 */
const GROUPED = new Set(['select_one', 'select_multiple', 'yes_no', 'geopoint', 'audio', 'signature']);

export interface QuestionProps {
  path: string;
  state: FieldInstanceState;
  answers: FormAnswers;
  setAnswer: (path: string, value: FormValue | undefined) => void;
  error: string | undefined;
  locale: string;
  defaultLanguage: string | undefined;
  t: FormsT;
  media: RunnerMedia;
  /** A field's current value by path (for `${name}` in labels). */
  valueAt: (path: string) => unknown;
}

const shown = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : Array.isArray(v)
      ? v.join(' ')
      : typeof v === 'object'
        ? ''
        : String(v);

/** One question: its label (or legend), hint, input and error, tied together for screen readers. */
export function Question(p: QuestionProps) {
  const { field } = p.state;
  const id = domId(p.path);
  const label = fillLabel(
    formText(field.label, p.locale, p.defaultLanguage) ?? field.name,
    p.path,
    p.valueAt,
    shown,
  );
  const rawHint = formText(field.hint, p.locale, p.defaultLanguage);
  const hint = rawHint && fillLabel(rawHint, p.path, p.valueAt, shown);
  const describedBy = [hint && `${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const labelText = (
    <>
      {label}
      {p.state.required && <span className="fr-required"> ({p.t('runner.required')})</span>}
    </>
  );
  const hintEl = hint && (
    <div id={`${id}-hint`} className="fr-hint">
      {hint}
    </div>
  );
  const errorEl = p.error && (
    <div id={`${id}-error`} className="fr-error" role="alert">
      {p.error}
    </div>
  );

  if (field.type === 'note')
    return (
      <div className="fr-question fr-note">
        <p className="fr-label">{label}</p>
        {hintEl}
      </div>
    );

  const otherPath = `${p.path}_other`;
  const otherValue = getAt(p.answers, otherPath);
  const Input =
    p.state.readOnly && !GROUPED.has(field.type) ? ReadOnlyValue : (INPUTS[field.type] ?? TextInput);
  const input = (
    <Input
      id={id}
      path={p.path}
      field={field}
      label={label}
      value={p.state.value ?? undefined}
      onChange={(v) => p.setAnswer(p.path, v)}
      readOnly={p.state.readOnly}
      invalid={Boolean(p.error)}
      describedBy={describedBy}
      choices={p.state.choices ?? []}
      {...(field.orOther
        ? {
            other: {
              value: typeof otherValue === 'string' ? otherValue : '',
              onChange: (text: string) => p.setAnswer(otherPath, text === '' ? undefined : text),
            },
          }
        : {})}
      locale={p.locale}
      t={p.t}
      media={p.media}
    />
  );

  const grouped =
    GROUPED.has(field.type) && !(field.type === 'select_one' && field.appearance?.includes('minimal'));
  if (grouped)
    return (
      <fieldset className="fr-question" aria-describedby={describedBy} data-path={p.path}>
        <legend className="fr-label">{labelText}</legend>
        {hintEl}
        {input}
        {errorEl}
      </fieldset>
    );
  return (
    <div className="fr-question" data-path={p.path}>
      <label htmlFor={id} className="fr-label">
        {labelText}
      </label>
      {hintEl}
      {input}
      {errorEl}
    </div>
  );
}
