import { COMPLAINT_STATUSES, type ComplaintStatus } from '@coso/domain';
import { type FormEvent, useEffect, useState } from 'react';
import type { ComplaintFilterQuery } from '../../../../api/complaint-types';
import { getGeoUnit } from '../../../../api/geo';
import { useI18n } from '../../../../i18n/i18n-context';
import { CheckboxField, SelectField, TextField } from '../../../../ui/form-fields';
import type { PlacedUnit } from '../../../geo/unit-context';
import { UnitPicker } from '../../../geo/unit-picker';
import { useReference } from '../use-reference';
import {
  ADVANCED_KEYS,
  DEFAULT_DUE_WITHIN,
  type DueChoice,
  dueChoiceOf,
  type FilterKey,
  statusesOf,
  withDueChoice,
} from './filter-query';

interface FiltersProps {
  filters: ComplaintFilterQuery;
  onChange: (filters: ComplaintFilterQuery) => void;
}

/** Every filter of the case list; each change goes to the URL at once (the list reloads from it). */
export function ComplaintFilters({ filters, onChange }: FiltersProps) {
  const { t } = useI18n();
  const reference = useReference();
  const [text, setText] = useState(filters.q ?? '');
  const [more, setMore] = useState(() => ADVANCED_KEYS.some((k) => filters[k]));
  const [area, setArea] = useState<PlacedUnit | null>(null);
  const statuses = statusesOf(filters);
  const all = { value: '', label: t('common.all') };

  const set = (key: FilterKey, value: string | undefined) => {
    const next = { ...filters };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };

  // The search box follows the URL (saved filter applied, back button).
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  // The URL holds the area's id only: its name is read back for the chip.
  useEffect(() => {
    if (!filters.area) return setArea(null);
    if (area?.id === filters.area) return;
    let current = true;
    getGeoUnit(filters.area).then(
      (u) => {
        if (current) setArea({ ...u, context: u.ancestors[u.ancestors.length - 1]?.name ?? '' });
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [filters.area, area?.id]);

  function toggleStatus(status: ComplaintStatus, on: boolean) {
    const next = on ? [...statuses, status] : statuses.filter((s) => s !== status);
    set('status', COMPLAINT_STATUSES.filter((s) => next.includes(s)).join(','));
  }

  function submitSearch(e: FormEvent) {
    e.preventDefault();
    set('q', text.trim());
  }

  const select = (key: FilterKey, label: string, list: Parameters<typeof reference.options>[0]) => (
    <div className="col-sm-6 col-lg-3">
      <SelectField
        id={`filter-${key}`}
        label={label}
        value={filters[key] ?? ''}
        onChange={(v) => set(key, v)}
        options={[all, ...reference.options(list)]}
        className="mb-2"
      />
    </div>
  );
  const queue = filters.queue;

  return (
    <search className="d-block p-3 border-bottom">
      <form className="row g-2 align-items-end" onSubmit={submitSearch}>
        <div className="col-lg-4">
          <TextField
            id="filter-q"
            type="search"
            label={t('list.search')}
            value={text}
            onChange={setText}
            onBlur={() => text.trim() !== (filters.q ?? '') && set('q', text.trim())}
            placeholder={t('list.searchPlaceholder')}
            className=""
          />
        </div>
        <div className="col-sm-4 col-lg-2">
          <TextField
            id="filter-from"
            type="date"
            label={t('list.from')}
            value={filters.from ?? ''}
            onChange={(v) => set('from', v)}
            className=""
          />
        </div>
        <div className="col-sm-4 col-lg-2">
          <TextField
            id="filter-to"
            type="date"
            label={t('list.to')}
            value={filters.to ?? ''}
            onChange={(v) => set('to', v)}
            className=""
          />
        </div>
        <div className="col-sm-4 col-lg-2">
          <SelectField
            id="filter-sort"
            label={t('list.sort')}
            value={filters.sort ?? 'received_desc'}
            onChange={(v) => set('sort', v === 'received_desc' ? undefined : v)}
            options={[
              { value: 'received_desc', label: t('sort.received_desc') },
              { value: 'received_asc', label: t('sort.received_asc') },
              { value: 'due_asc', label: t('sort.due_asc') },
            ]}
            className=""
          />
        </div>
        <div className="col-lg-2 d-flex gap-2">
          <button type="submit" className="btn btn-outline-primary flex-grow-1">
            {t('common.search')}
          </button>
        </div>
      </form>
      <div className="row g-2 mt-1">
        <fieldset className="col-lg-9">
          <legend className="form-label fs-6 mb-1">{t('list.status')}</legend>
          <div className="d-flex flex-wrap column-gap-3">
            {COMPLAINT_STATUSES.map((s) => (
              <CheckboxField
                key={s}
                id={`filter-status-${s}`}
                label={t(`status.${s}`)}
                checked={statuses.includes(s)}
                onChange={(on) => toggleStatus(s, on)}
                className="mb-1"
              />
            ))}
          </div>
        </fieldset>
        <div className="col-sm-6 col-lg-3">
          {/* The deadline filter a focal point's day starts with: overdue, or due within a few business days. */}
          <SelectField
            id="filter-due"
            label={t('list.due')}
            value={dueChoiceOf(filters)}
            onChange={(v) => onChange(withDueChoice(filters, v as DueChoice))}
            options={[
              all,
              { value: 'overdue', label: t('list.due.overdue') },
              { value: 'soon', label: t('list.due.soon', { n: filters.dueWithin ?? DEFAULT_DUE_WITHIN }) },
            ]}
            className="mb-1"
          />
        </div>
      </div>
      <div className="d-flex flex-wrap gap-2 mt-2">
        <button
          type="button"
          className="btn btn-link px-0"
          aria-expanded={more}
          aria-controls="more-filters"
          onClick={() => setMore((m) => !m)}
        >
          {more ? t('list.fewerFilters') : t('list.moreFilters')}
        </button>
        <button
          type="button"
          className="btn btn-link px-0 ms-auto"
          onClick={() => onChange(queue ? { queue } : {})}
        >
          {t('list.resetFilters')}
        </button>
      </div>
      {more && (
        <div id="more-filters" className="row g-2 mt-1">
          {select('type', t('complaint.type'), 'types')}
          {select('category', t('complaint.category'), 'categories')}
          {select('channel', t('complaint.channel'), 'channels')}
          {select('gender', t('complaint.gender'), 'genders')}
          {select('ageGroup', t('complaint.ageGroup'), 'ageGroups')}
          {select('vulnerability', t('list.vulnerability'), 'vulnerabilityGroups')}
          {queue !== 'mine' && queue !== 'unassigned' && (
            <div className="col-sm-6 col-lg-3">
              <SelectField
                id="filter-assignee"
                label={t('list.assignee')}
                value={filters.assignee ?? ''}
                onChange={(v) => set('assignee', v)}
                options={[
                  all,
                  { value: 'me', label: t('assignee.me') },
                  { value: 'none', label: t('assignee.none') },
                ]}
                className="mb-2"
              />
            </div>
          )}
          {queue !== 'escalated' && (
            <div className="col-sm-6 col-lg-3">
              <SelectField
                id="filter-escalated"
                label={t('list.escalated')}
                value={filters.escalated ?? ''}
                onChange={(v) => set('escalated', v)}
                options={[
                  all,
                  { value: 'true', label: t('common.yes') },
                  { value: 'false', label: t('common.no') },
                ]}
                className="mb-2"
              />
            </div>
          )}
          <div className="col-lg-6">
            <UnitPicker
              id="filter-area"
              label={t('list.area')}
              value={area}
              onChange={(u) => {
                setArea(u);
                set('area', u?.id);
              }}
              className="mb-2"
            />
          </div>
        </div>
      )}
    </search>
  );
}
