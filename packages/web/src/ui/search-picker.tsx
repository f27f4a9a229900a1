import { type FocusEvent, type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './alerts';
import { FieldHelp } from './form-fields';
import { useAsync } from './use-async';
import { useDebounced } from './use-debounced';

export interface SearchPickerProps<T> {
  id: string;
  label: string;
  /** Called with the typed text; with '' when `suggestEmpty` and the box is focused while empty. */
  search: (query: string) => Promise<T[]>;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** The current choice(s), shown above the box (chips with a remove button). */
  chosen?: ReactNode;
  /** Offer results before anything is typed (a facilitator's own villages). */
  suggestEmpty?: boolean;
  exclude?: ReadonlySet<string>;
  placeholder?: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
}

/**
 * A search box whose results are picked with the mouse or the keyboard (↓ ↑ Enter Escape); Enter never
 * submits the surrounding form. The parent keeps the chosen value(s).
 */
export function SearchPicker<T>(props: SearchPickerProps<T>) {
  const { t } = useI18n();
  const { id, label, error, hint } = props;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const query = useDebounced(text.trim(), 250);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const resultsId = `${id}-results`;
  const typed = text.trim();
  const wanted = typed.length >= 2 || (props.suggestEmpty === true && typed === '');
  const active = open && wanted && query === typed;

  const search = useAsync(() => (active ? props.search(query) : Promise.resolve([] as T[])), [query, active]);
  const results = (search.data ?? []).filter((r) => !props.exclude?.has(props.itemKey(r)));

  function pick(item: T) {
    props.onPick(item);
    setText('');
    setOpen(false);
    inputRef.current?.focus();
  }

  function focusResult(index: number) {
    const buttons = listRef.current?.querySelectorAll('button');
    if (!buttons || buttons.length === 0) return;
    buttons[Math.max(0, Math.min(index, buttons.length - 1))]?.focus();
  }

  function onInputKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const first = results[0];
      if (active && !search.loading && first) pick(first);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      focusResult(0);
    } else if (e.key === 'Escape' && (text || open)) {
      e.preventDefault();
      setText('');
      setOpen(false);
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
      setOpen(false);
      inputRef.current?.focus();
    }
  }

  // Results close when the focus leaves the whole widget, not when it moves from the box to a result.
  function onBlur(e: FocusEvent<HTMLElement>) {
    if (!containerRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
  }

  return (
    <div ref={containerRef} className={props.className ?? 'mb-3'}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {props.required && (
        <span className="text-danger ms-1" aria-hidden="true">
          *
        </span>
      )}
      {props.chosen}
      <input
        ref={inputRef}
        id={id}
        type="search"
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={onBlur}
        onKeyDown={onInputKey}
        placeholder={props.placeholder ?? t('picker.placeholder')}
        autoComplete="off"
        aria-controls={resultsId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-help`, hint ? `${id}-hint` : '', error ? `${id}-error` : '']
          .filter(Boolean)
          .join(' ')}
      />
      <div id={`${id}-help`} className="visually-hidden">
        {t('picker.keyboardHelpOne')}
      </div>
      <FieldHelp id={id} hint={hint} error={error} />
      <div id={resultsId} aria-live="polite">
        {active && search.error ? <ErrorAlert error={search.error} className="mt-2 mb-0" /> : null}
        {active && !search.loading && !search.error && (
          <ul ref={listRef} className="list-group picker-results mt-1" aria-label={t('picker.searchResults')}>
            {results.length === 0 && (
              <li className="list-group-item text-secondary">{t('common.noResults')}</li>
            )}
            {results.map((item, index) => (
              <li key={props.itemKey(item)} className="list-group-item p-0">
                <button
                  type="button"
                  className="list-group-item-action btn text-start w-100 border-0 rounded-0 px-3 py-2"
                  // Keeps the focus in the box while clicking (Safari does not focus buttons on click).
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(item)}
                  onKeyDown={(e) => onResultKey(e, index)}
                  onBlur={onBlur}
                >
                  {props.renderItem(item)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A removable chip for a chosen item. */
export function Chip({
  label,
  removeLabel,
  onRemove,
}: {
  label: ReactNode;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <li className="chip">
      <span>{label}</span>
      <button type="button" className="btn-close" aria-label={removeLabel} onClick={onRemove} />
    </li>
  );
}

export function ChipList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="list-unstyled d-flex flex-wrap gap-1 mb-2" aria-label={label}>
      {children}
    </ul>
  );
}
