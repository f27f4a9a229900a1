import { useEffect, useState } from 'react';
import { getGeoUnit } from '../../../api/geo';
import { useI18n } from '../../../i18n/i18n-context';
import { SelectField, TextField } from '../../../ui/form-fields';
import { type PlacedUnit, withContext } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { changeFilters } from './list-query';
import type { SubprojectQuery } from './mis-api';
import { useMisReference } from './use-mis-reference';

/** The list's filters: area (within the caller's jurisdiction), step, component, sector, type, text. */
export function SubprojectFilters({
  filters,
  onChange,
}: {
  filters: SubprojectQuery;
  onChange: (f: SubprojectQuery) => void;
}) {
  const { t } = useI18n();
  const { ref, options } = useMisReference();
  const [area, setArea] = useState<PlacedUnit | null>(null);
  const [text, setText] = useState(filters.q ?? '');

  // A bookmarked list names its area by id: read it once to show its name.
  useEffect(() => {
    if (!filters.within) setArea(null);
    else if (area?.id !== filters.within)
      getGeoUnit(filters.within)
        .then((u) => withContext([u]))
        .then(
          ([u]) => setArea(u ?? null),
          () => setArea(null),
        );
  }, [filters.within, area?.id]);
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  const set = (patch: Partial<SubprojectQuery>) =>
    onChange(changeFilters(filters, patch, (type) => ref?.types.find((x) => x.code === type)?.sector));
  const all = { value: '', label: t('common.all') };

  return (
    <form
      className="row g-3 p-3 border-bottom"
      onSubmit={(e) => {
        e.preventDefault();
        set({ q: text.trim() });
      }}
    >
      <div className="col-md-4">
        <UnitPicker
          id="f-within"
          label={t('mis.filter.area')}
          value={area}
          onChange={(u) => {
            setArea(u);
            set({ within: u?.id ?? '' });
          }}
          mine
          className=""
        />
      </div>
      <div className="col-md-4">
        <SelectField
          id="f-status"
          label={t('mis.filter.status')}
          value={filters.status ?? ''}
          className=""
          onChange={(v) => set({ status: v })}
          options={[all, ...options('steps')]}
        />
      </div>
      <div className="col-md-4">
        <SelectField
          id="f-component"
          label={t('mis.filter.component')}
          value={filters.component ?? ''}
          className=""
          onChange={(v) => set({ component: v })}
          options={[all, ...options('components')]}
        />
      </div>
      <div className="col-md-4">
        <SelectField
          id="f-sector"
          label={t('mis.filter.sector')}
          value={filters.sector ?? ''}
          className=""
          onChange={(v) => set({ sector: v })}
          options={[all, ...options('sectors')]}
        />
      </div>
      <div className="col-md-4">
        <SelectField
          id="f-type"
          label={t('mis.filter.type')}
          value={filters.type ?? ''}
          className=""
          onChange={(v) => set({ type: v })}
          options={[all, ...options('types', (x) => !filters.sector || x.sector === filters.sector)]}
        />
      </div>
      <div className="col-md-4">
        <TextField
          id="f-q"
          type="search"
          label={t('mis.filter.q')}
          value={text}
          className=""
          onChange={setText}
          onBlur={() => text.trim() !== (filters.q ?? '') && set({ q: text.trim() })}
        />
      </div>
      <div className="col-12 d-flex gap-2">
        <button type="submit" className="btn btn-sm btn-primary">
          {t('common.search')}
        </button>
        {Object.keys(filters).length > 0 && (
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => onChange({})}>
            {t('common.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
