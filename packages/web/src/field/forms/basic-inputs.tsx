import { useEffect, useState } from 'react';
import {
  formatNumberInput,
  isoToLocal,
  localToIso,
  parseDecimal,
  parseInteger,
  parseMoney,
} from '../../forms/values';
import type { InputProps } from './runner-types';
import { numberTag } from './texts';

/** Text, long text (`multiline`), date, time and date-time: native inputs, large. */
export function TextInput(p: InputProps) {
  const common = {
    id: p.id,
    className: `form-control form-control-lg${p.invalid ? ' is-invalid' : ''}`,
    readOnly: p.readOnly,
    'aria-invalid': p.invalid || undefined,
    'aria-describedby': p.describedBy,
  };
  const text = typeof p.value === 'string' ? p.value : '';
  const set = (v: string) => p.onChange(v === '' ? undefined : v);
  if (p.field.type === 'text' && p.field.appearance?.includes('multiline'))
    return <textarea {...common} rows={5} value={text} onChange={(e) => set(e.target.value)} />;
  if (p.field.type === 'datetime')
    return (
      <input
        {...common}
        type="datetime-local"
        value={isoToLocal(p.value)}
        onChange={(e) => p.onChange(localToIso(e.target.value) ?? undefined)}
      />
    );
  const type = p.field.type === 'date' ? 'date' : p.field.type === 'time' ? 'time' : 'text';
  return <input {...common} type={type} value={text} onChange={(e) => set(e.target.value)} />;
}

const PARSE = { integer: parseInteger, decimal: parseDecimal, money: parseMoney } as const;

/**
 * Integer, decimal and money (whole FCFA, grouped by thousands once typed). The text typed is kept while the
 * input has the focus; what cannot be read as a number is committed as text, so the engine's type check (the
 * server's) reports it.
 */
export function NumberInput(p: InputProps) {
  const kind = p.field.type as keyof typeof PARSE;
  const tag = numberTag(p.locale);
  const shown = formatNumberInput(p.value, kind, tag);
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shown);
  }, [shown, focused]);
  const input = (
    <input
      id={p.id}
      className={`form-control form-control-lg${p.invalid ? ' is-invalid' : ''}`}
      inputMode={kind === 'decimal' ? 'decimal' : 'numeric'}
      autoComplete="off"
      readOnly={p.readOnly}
      value={focused ? text : shown}
      aria-invalid={p.invalid || undefined}
      aria-describedby={p.describedBy}
      onFocus={() => {
        setText(shown);
        setFocused(true);
      }}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setText(e.target.value);
        p.onChange(PARSE[kind](e.target.value) ?? undefined);
      }}
    />
  );
  if (kind !== 'money') return input;
  return (
    <div className="input-group input-group-lg">
      {input}
      <span className="input-group-text">{p.t('runner.currency')}</span>
    </div>
  );
}

/** Oui / Non as two big tiles (a boolean answer). */
export function YesNoInput(p: InputProps) {
  const options = [
    { value: true, label: p.t('runner.yes') },
    { value: false, label: p.t('runner.no') },
  ];
  return (
    <div className="fr-tiles fr-tiles-row">
      {options.map((o) => (
        <label key={String(o.value)} className={`fr-tile${p.value === o.value ? ' fr-tile-on' : ''}`}>
          <input
            type="radio"
            name={p.id}
            checked={p.value === o.value}
            disabled={p.readOnly}
            aria-describedby={p.describedBy}
            onChange={() => p.onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A calculated or read-only value, shown as text. */
export function ReadOnlyValue(p: InputProps) {
  const v = p.value;
  const text =
    v === undefined || v === null || v === ''
      ? '—'
      : typeof v === 'boolean'
        ? p.t(v ? 'runner.yes' : 'runner.no')
        : typeof v === 'number'
          ? formatNumberInput(v, p.field.type === 'money' ? 'money' : 'decimal', numberTag(p.locale))
          : Array.isArray(v)
            ? v.join(', ')
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
  return (
    <output id={p.id} className="fr-readonly" aria-describedby={p.describedBy}>
      {text}
    </output>
  );
}
