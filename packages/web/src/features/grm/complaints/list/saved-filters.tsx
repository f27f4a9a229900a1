import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../../api/client';
import type { ComplaintFilterQuery } from '../../../../api/complaint-types';
import { createSavedFilter, deleteSavedFilter, listSavedFilters } from '../../../../api/complaints';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert, SuccessAlert } from '../../../../ui/alerts';
import { Card } from '../../../../ui/card';
import { ConfirmButton } from '../../../../ui/confirm-dialog';
import { SelectField, TextField } from '../../../../ui/form-fields';
import { useAsync } from '../../../../ui/use-async';

interface SavedFiltersProps {
  filters: ComplaintFilterQuery;
  onApply: (query: ComplaintFilterQuery) => void;
}

/** The user's named filters: apply one, delete one, or save the current filters under a name. */
export function SavedFilters({ filters, onApply }: SavedFiltersProps) {
  const { t } = useI18n();
  const saved = useAsync(() => listSavedFilters().then((r) => r.items), []);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = saved.data ?? [];
  const current = items.find((f) => f.id === chosen);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (!name.trim()) {
      setNameError(t('validation.required'));
      return;
    }
    setNameError(undefined);
    setBusy(true);
    try {
      const created = await createSavedFilter(name.trim(), filters);
      saved.setData([...items, created].sort((a, b) => a.name.localeCompare(b.name)));
      setChosen(created.id);
      setDone(t('saved.saved', { name: created.name }));
      setName('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setNameError(t('validation.name_taken'));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('saved.title')} headingLevel={2}>
      <ErrorAlert error={saved.error ?? error} />
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {items.length === 0 && !saved.loading && <p className="text-secondary small">{t('saved.none')}</p>}
      {items.length > 0 && (
        <div className="mb-3">
          <SelectField
            id="saved-filter"
            label={t('saved.choose')}
            value={chosen}
            onChange={setChosen}
            options={[{ value: '', label: '—' }, ...items.map((f) => ({ value: f.id, label: f.name }))]}
            className="mb-2"
          />
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-sm btn-outline-primary"
              disabled={!current}
              onClick={() => current && onApply(current.query)}
            >
              {t('saved.apply')}
            </button>
            <ConfirmButton
              label={t('saved.delete')}
              title={t('saved.deleteTitle', { name: current?.name ?? '' })}
              message={t('saved.deleteText')}
              confirmLabel={t('common.delete')}
              className="btn btn-sm btn-outline-danger"
              disabled={!current}
              onConfirm={async () => {
                if (!current) return;
                await deleteSavedFilter(current.id);
                saved.setData(items.filter((f) => f.id !== current.id));
                setChosen('');
              }}
            />
          </div>
        </div>
      )}
      <form onSubmit={save} noValidate>
        <TextField
          id="saved-filter-name"
          label={t('saved.name')}
          value={name}
          onChange={setName}
          error={nameError}
          autoComplete="off"
          className="mb-2"
        />
        <button type="submit" className="btn btn-sm btn-primary" disabled={busy}>
          {t('saved.save')}
        </button>
      </form>
    </Card>
  );
}
