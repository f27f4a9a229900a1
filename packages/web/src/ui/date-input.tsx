import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { intlLocale } from '../i18n/translate';
import { datePattern, formatIsoDate, parseTypedDate } from './date-format';
import { Icon } from './icons';

interface DateInputProps {
  id: string;
  /** An ISO date (YYYY-MM-DD) or ''. */
  value: string;
  onChange: (value: string) => void;
  className?: string;
  /** 'sm' for the small filter bars. */
  size?: 'sm';
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  onBlur?: (() => void) | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}

/**
 * A date typed in the app's language (07/12/2026 in French, 12/07/2026 in English) whatever the browser's
 * locale — Chromium draws <input type="date"> in the browser's locale and ignores `lang` — with the
 * browser's calendar one click away. Like the native input it reports an ISO date or '' (text that is not a
 * date yet), so filters never send half a date; once the box is left with such text, it says the format.
 */
export function DateInput(props: DateInputProps) {
  const { locale, t } = useI18n();
  const { value, onChange } = props;
  const pattern = useMemo(() => datePattern(intlLocale(locale)), [locale]);
  const [draft, setDraft] = useState(() => formatIsoDate(value, pattern) ?? '');
  const [left, setLeft] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (a reset, a saved filter, another language) replaces what the box shows; text
  // being typed (not a date yet, so reported as '') stays.
  useEffect(() => {
    setDraft((shown) => {
      const typed = parseTypedDate(shown, pattern);
      if (typed === value || (value === '' && typed === undefined)) return shown;
      return formatIsoDate(value, pattern) ?? '';
    });
  }, [value, pattern]);

  const placeholder = pattern.order.map((part) => t(`date.${part}`)).join(pattern.separator);
  const notADate = left && draft.trim() !== '' && !parseTypedDate(draft, pattern);
  const formatId = `${props.id}-format`;
  const describedBy = [notADate ? formatId : '', props['aria-describedby'] ?? ''].join(' ').trim();
  const canPick = typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

  return (
    <div className="date-input">
      <div className={`input-group${props.size ? ` input-group-${props.size}` : ''}`}>
        <input
          id={props.id}
          name={props.id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          lang={locale}
          className={`${props.className ?? 'form-control'}${notADate ? ' is-invalid' : ''}`}
          value={draft}
          placeholder={placeholder}
          onChange={(e) => {
            setDraft(e.target.value);
            setLeft(false);
            const iso = parseTypedDate(e.target.value, pattern) ?? '';
            if (iso !== value) onChange(iso);
          }}
          onBlur={() => {
            const iso = parseTypedDate(draft, pattern);
            if (iso) setDraft(formatIsoDate(iso, pattern) ?? draft);
            setLeft(true);
            props.onBlur?.();
          }}
          required={props.required}
          disabled={props.disabled}
          aria-invalid={props['aria-invalid'] || notADate || undefined}
          aria-describedby={describedBy || undefined}
        />
        {canPick && (
          <button
            type="button"
            className="btn btn-outline-secondary"
            title={t('date.openCalendar')}
            disabled={props.disabled}
            onClick={() => picker.current?.showPicker()}
          >
            <Icon name="calendar" size={16} />
            <span className="visually-hidden">{t('date.openCalendar')}</span>
          </button>
        )}
      </div>
      {notADate && (
        <div id={formatId} className="invalid-feedback d-block">
          {t('date.invalid', { pattern: placeholder })}
        </div>
      )}
      {/* The browser's calendar only: its text, in the browser's locale, is never shown. */}
      {canPick && (
        <input
          ref={picker}
          type="date"
          className="date-input-picker"
          tabIndex={-1}
          aria-hidden="true"
          value={parseTypedDate(draft, pattern) ?? ''}
          min={props.min}
          max={props.max}
          onChange={(e) => {
            setDraft(formatIsoDate(e.target.value, pattern) ?? '');
            setLeft(false);
            onChange(e.target.value);
          }}
        />
      )}
    </div>
  );
}
