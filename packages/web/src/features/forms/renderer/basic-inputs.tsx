import type { FormField, FormValue } from '@coso/domain';
import { useEffect, useState } from 'react';
import {
  formatNumberInput,
  isoToLocal,
  localToIso,
  parseDecimal,
  parseInteger,
  parseMoney,
} from '../../../forms/values';
import { useI18n } from '../../../i18n/i18n-context';
import { intlLocale } from '../../../i18n/translate';
import { DateInput } from '../../../ui/date-input';
import { useFieldTexts } from './field-shell';
import { useRender } from './render-context';

export interface InputProps {
  path: string;
  field: FormField;
  value: FormValue | undefined;
  readOnly: boolean;
  required: boolean;
}

const text = (v: FormValue | undefined) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function TextInput({ path, field, value, readOnly, required }: InputProps) {
  const { setValue } = useRender();
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  const common = {
    id,
    className: `form-control${invalid ? ' is-invalid' : ''}`,
    value: text(value),
    readOnly,
    required,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
  };
  if (field.appearance?.includes('multiline'))
    return <textarea {...common} rows={4} onChange={(e) => setValue(path, e.target.value || undefined)} />;
  return <input {...common} type="text" onChange={(e) => setValue(path, e.target.value || undefined)} />;
}

const PARSERS = { integer: parseInteger, decimal: parseDecimal, money: parseMoney } as const;

/**
 * Integer, decimal and money as text boxes (type=number would hide "12,5" and grouping): the box keeps what
 * is typed; the answer is the number when the text reads as one, else the text itself (the engine then says
 * invalid_type). Money shows its FCFA grouping once the box is left.
 */
export function NumberInput(props: InputProps & { kind: 'integer' | 'decimal' | 'money' }) {
  const { path, field, value, readOnly, required, kind } = props;
  const { setValue } = useRender();
  const { locale, t } = useI18n();
  const tag = intlLocale(locale);
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  const [draft, setDraft] = useState(() => formatNumberInput(value, kind, tag));
  const [focused, setFocused] = useState(false);

  // A value changed from elsewhere (calculation, reset, language) replaces the text, unless being typed.
  useEffect(() => {
    if (!focused) setDraft(formatNumberInput(value, kind, tag));
  }, [value, kind, tag, focused]);

  const input = (
    <input
      id={id}
      type="text"
      inputMode={kind === 'decimal' ? 'decimal' : 'numeric'}
      className={`form-control${invalid ? ' is-invalid' : ''}${kind === 'money' ? ' text-end' : ''}`}
      value={draft}
      readOnly={readOnly}
      required={required}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setDraft(e.target.value);
        setValue(path, PARSERS[kind](e.target.value) ?? undefined);
      }}
    />
  );
  if (kind !== 'money') return <div style={{ maxWidth: '16rem' }}>{input}</div>;
  return (
    <div className="input-group" style={{ maxWidth: '20rem' }}>
      {input}
      <span className="input-group-text">{t('renderer.currency')}</span>
    </div>
  );
}

export function DateField({ path, field, value, readOnly, required }: InputProps) {
  const { setValue } = useRender();
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  return (
    <div style={{ maxWidth: '16rem' }}>
      <DateInput
        id={id}
        className={`form-control${invalid ? ' is-invalid' : ''}`}
        value={text(value)}
        onChange={(v) => setValue(path, v || undefined)}
        required={required}
        disabled={readOnly}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function TimeInput({ path, field, value, readOnly, required }: InputProps) {
  const { setValue } = useRender();
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  return (
    <input
      id={id}
      type="time"
      className={`form-control${invalid ? ' is-invalid' : ''}`}
      style={{ maxWidth: '10rem' }}
      value={text(value).slice(0, 5)}
      readOnly={readOnly}
      required={required}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => setValue(path, e.target.value || undefined)}
    />
  );
}

export function DateTimeInput({ path, field, value, readOnly, required }: InputProps) {
  const { setValue } = useRender();
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  return (
    <input
      id={id}
      type="datetime-local"
      className={`form-control${invalid ? ' is-invalid' : ''}`}
      style={{ maxWidth: '16rem' }}
      value={isoToLocal(value)}
      readOnly={readOnly}
      required={required}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => setValue(path, localToIso(e.target.value) ?? undefined)}
    />
  );
}

/** A computed value: shown, never typed (the engine recomputes it on every change). */
export function CalculatedValue({ path, field, value }: Omit<InputProps, 'readOnly' | 'required'>) {
  const { t, formatNumber } = useI18n();
  const { id, describedBy } = useFieldTexts(path, field);
  const shown =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? formatNumber(value)
        : ''
      : typeof value === 'boolean'
        ? t(value ? 'common.yes' : 'common.no')
        : text(value);
  return (
    <output id={id} className="form-control-plaintext fw-semibold d-block" aria-describedby={describedBy}>
      {shown || '—'}
      <span className="visually-hidden"> ({t('renderer.calculated')})</span>
    </output>
  );
}
