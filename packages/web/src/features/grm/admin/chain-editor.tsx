import { type FormEvent, useState } from 'react';
import type { GeoLevel } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, SuccessAlert } from '../../../ui/alerts';
import { apiFieldErrors } from '../../../ui/errors';
import { CheckboxField, FieldSet } from '../../../ui/form-fields';

export const TOP_LEVEL = 'country';

interface ChainEditorProps {
  id: string;
  /** Administrative levels, top-down (rank ascending). */
  levels: GeoLevel[];
  value: string[];
  onSave: (levels: string[]) => Promise<void>;
  saveLabel: string;
}

/**
 * The levels a case climbs, as checkboxes from the lowest level to the national one (always last and always
 * kept): unchecking a level makes escalation skip it.
 */
export function ChainEditor({ id, levels, value, onSave, saveLabel }: ChainEditorProps) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set([...value, TOP_LEVEL]));
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const bottomUp = [...levels].sort((a, b) => b.rank - a.rank);
  const name = (l: GeoLevel) => (locale === 'fr' ? l.labelFr : l.labelEn);
  const chain = bottomUp.filter((l) => chosen.has(l.code));

  function toggle(code: string, on: boolean) {
    setSaved(false);
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    if (chain.length < 2) {
      setFieldError(t('validation.at_least_two_levels'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await onSave(chain.map((l) => l.code));
      setSaved(true);
    } catch (err) {
      setError(err);
      setFieldError(apiFieldErrors(err, locale).levels);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      {saved && <SuccessAlert>{t('grm.chains.saved')}</SuccessAlert>}
      <FieldSet
        id={`${id}-levels`}
        legend={t('grm.chains.levels')}
        error={fieldError}
        hint={t('grm.chains.countryAlways')}
      >
        <div className="d-flex flex-wrap column-gap-4">
          {bottomUp.map((l) => (
            <CheckboxField
              key={l.code}
              id={`${id}-level-${l.code}`}
              label={name(l)}
              checked={chosen.has(l.code)}
              disabled={l.code === TOP_LEVEL}
              onChange={(on) => toggle(l.code, on)}
              className="mb-1"
            />
          ))}
        </div>
      </FieldSet>
      <p className="small">
        <span className="text-secondary">{t('grm.chains.order')} </span>
        {chain.map(name).join(' → ')}
      </p>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {saveLabel}
      </button>
    </form>
  );
}
