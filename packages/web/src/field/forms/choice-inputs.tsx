import { formText } from '@coso/domain';
import type { InputProps } from './runner-types';

/** XLSForm's name of the "other" choice a select with `or_other` adds. */
export const OTHER = 'other';

function useChoices(p: InputProps) {
  const list = p.choices.map((c) => ({ name: c.name, label: formText(c.label, p.locale) ?? c.name }));
  if (p.field.orOther && !list.some((c) => c.name === OTHER))
    list.push({ name: OTHER, label: p.t('runner.other') });
  return list;
}

function OtherText(p: InputProps & { shown: boolean }) {
  if (!p.shown || !p.other) return null;
  const other = p.other;
  return (
    <div className="mt-2">
      <label htmlFor={`${p.id}-other`} className="form-label fw-semibold">
        {p.t('runner.otherText')}
      </label>
      <input
        id={`${p.id}-other`}
        className="form-control form-control-lg"
        value={other.value}
        readOnly={p.readOnly}
        onChange={(e) => other.onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * select_one: one big tile per choice (the whole tile is the target); appearance `minimal`: a drop-down.
 * The tiles sit in a fieldset whose legend is the question (the runner renders it).
 */
export function SelectOneInput(p: InputProps) {
  const choices = useChoices(p);
  const value = typeof p.value === 'string' ? p.value : '';
  if (p.field.appearance?.includes('minimal')) {
    return (
      <>
        <select
          id={p.id}
          className={`form-select form-select-lg${p.invalid ? ' is-invalid' : ''}`}
          value={value}
          disabled={p.readOnly}
          aria-invalid={p.invalid || undefined}
          aria-describedby={p.describedBy}
          onChange={(e) => p.onChange(e.target.value || undefined)}
        >
          <option value="">{p.t('runner.choose')}</option>
          {choices.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </select>
        <OtherText {...p} shown={value === OTHER} />
      </>
    );
  }
  return (
    <>
      <div className="fr-tiles">
        {choices.map((c) => (
          <label key={c.name} className={`fr-tile${value === c.name ? ' fr-tile-on' : ''}`}>
            <input
              type="radio"
              name={p.id}
              value={c.name}
              checked={value === c.name}
              disabled={p.readOnly}
              onChange={() => p.onChange(c.name)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <OtherText {...p} shown={value === OTHER} />
    </>
  );
}

/** select_multiple: a checkbox tile per choice; the answer is the list of choice names, in list order. */
export function SelectMultipleInput(p: InputProps) {
  const choices = useChoices(p);
  const selected = Array.isArray(p.value) ? (p.value as string[]) : [];
  const toggle = (name: string, on: boolean) => {
    const next = choices.map((c) => c.name).filter((n) => (n === name ? on : selected.includes(n)));
    p.onChange(next.length ? next : undefined);
  };
  return (
    <>
      <div className="fr-tiles">
        {choices.map((c) => (
          <label key={c.name} className={`fr-tile${selected.includes(c.name) ? ' fr-tile-on' : ''}`}>
            <input
              type="checkbox"
              value={c.name}
              checked={selected.includes(c.name)}
              disabled={p.readOnly}
              onChange={(e) => toggle(c.name, e.target.checked)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <OtherText {...p} shown={selected.includes(OTHER)} />
    </>
  );
}
