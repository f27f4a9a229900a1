import { type KeyboardEvent, useRef, useState } from 'react';
import { listGeoUnits } from '../../api/geo';
import type { GeoRef } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { FieldHelp } from '../../ui/form-fields';
import { useAsync } from '../../ui/use-async';
import { useDebounced } from '../../ui/use-debounced';
import { useGeoLevels } from '../geo/use-geo-levels';

interface JurisdictionPickerProps {
  id: string;
  label: string;
  value: GeoRef[];
  onChange: (value: GeoRef[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * Chooses one or more geographic units at any level: removable chips for the chosen ones and a search
 * box whose results can be picked with the mouse or the keyboard (↓ ↑ Enter Escape).
 */
export function JurisdictionPicker({ id, label, value, onChange, error, hint }: JurisdictionPickerProps) {
  const { t } = useI18n();
  const { refLabel } = useGeoLevels();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const resultsId = `${id}-results`;

  const search = useAsync(
    () =>
      query.length < 2 ? Promise.resolve([]) : listGeoUnits({ q: query, limit: 10 }).then((p) => p.items),
    [query],
  );
  const chosen = new Set(value.map((v) => v.id));
  const results = (search.data ?? []).filter((u) => !chosen.has(u.id));
  const showResults = text.trim().length >= 2 && query === text.trim();

  function add(unit: GeoRef) {
    onChange([...value, { id: unit.id, code: unit.code, name: unit.name, level: unit.level }]);
    setText('');
    inputRef.current?.focus();
  }

  function remove(unit: GeoRef) {
    onChange(value.filter((v) => v.id !== unit.id));
    inputRef.current?.focus();
  }

  function focusResult(index: number) {
    const buttons = listRef.current?.querySelectorAll('button');
    if (!buttons || buttons.length === 0) return;
    const i = Math.max(0, Math.min(index, buttons.length - 1));
    buttons[i]?.focus();
  }

  function onInputKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      // Never submit the surrounding form from the search box; Enter picks the first match.
      e.preventDefault();
      const first = results[0];
      if (showResults && first) add(first);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusResult(0);
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  }

  function onResultKey(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusResult(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else focusResult(index - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setText('');
      inputRef.current?.focus();
    }
  }

  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {value.length > 0 && (
        <ul className="list-unstyled d-flex flex-wrap gap-1 mb-2" aria-label={t('picker.chosen')}>
          {value.map((v) => (
            <li key={v.id} className="chip">
              <span>{refLabel(v)}</span>
              <button
                type="button"
                className="btn-close"
                aria-label={t('picker.remove', { name: refLabel(v) })}
                onClick={() => remove(v)}
              />
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={id}
        type="search"
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onInputKey}
        placeholder={t('picker.placeholder')}
        autoComplete="off"
        aria-controls={resultsId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-help`, hint ? `${id}-hint` : '', error ? `${id}-error` : '']
          .filter(Boolean)
          .join(' ')}
      />
      <div id={`${id}-help`} className="visually-hidden">
        {t('picker.keyboardHelp')}
      </div>
      <FieldHelp id={id} hint={hint} error={error} />
      <div id={resultsId} aria-live="polite">
        {showResults && search.error ? <ErrorAlert error={search.error} className="mt-2 mb-0" /> : null}
        {showResults && !search.loading && !search.error && (
          <ul ref={listRef} className="list-group picker-results mt-1" aria-label={t('picker.results')}>
            {results.length === 0 && (
              <li className="list-group-item text-secondary">{t('common.noResults')}</li>
            )}
            {results.map((u, index) => (
              <li key={u.id} className="list-group-item p-0">
                <button
                  type="button"
                  className="list-group-item-action btn text-start w-100 border-0 rounded-0 px-3 py-2"
                  onClick={() => add(u)}
                  onKeyDown={(e) => onResultKey(e, index)}
                >
                  {refLabel(u)} <span className="text-secondary small">· {u.code}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
