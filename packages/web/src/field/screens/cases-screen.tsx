import { COMPLAINT_STATUSES } from '@coso/domain';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { type CaseView, casePlace, caseView, filterCases, type Queue, type StatusFilter } from '../case-view';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { displayCode } from '../read-aloud';
import { Screen } from '../ui/layout';
import { StatusBadge } from '../ui/status-badge';
import { useGeo, useReference } from '../use-field-data';

const PAGE = 50;

function readFilter(search: string) {
  const params = new URLSearchParams(search);
  const queue: Queue = params.get('queue') === 'area' ? 'area' : 'mine';
  const status = (params.get('status') ?? '') as StatusFilter;
  return { queue, status, query: params.get('q') ?? '' };
}

/** My cases or my area's, newest first, with search and a status filter; all from the device. */
export function CasesScreen() {
  const { t } = useT();
  const { session } = useField();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = readFilter(search);
  const geo = useGeo();
  const ref = useReference();
  // A cheap phone renders a few dozen rows at a time; the search narrows the rest.
  const [limit, setLimit] = useState(PAGE);
  const live = useLive((engine) => engine.complaints(), []);
  const all = (live.data ?? []).map((c) => caseView(c, geo.index));
  const shown = filterCases(all, filter, session.user.id, geo.index);

  // The filter lives in the address, so "back" from a case returns to the same list.
  const update = (change: Partial<typeof filter>) => {
    const next = { ...filter, ...change };
    const params = new URLSearchParams({ queue: next.queue });
    if (next.status) params.set('status', next.status);
    if (next.query) params.set('q', next.query);
    navigate(`/cases?${params}`, { replace: true });
  };

  return (
    <Screen title={t('cases.title')}>
      <fieldset className="btn-group w-100 mb-3" aria-label={t('cases.title')}>
        {(['mine', 'area'] as const).map((q) => (
          <button
            key={q}
            type="button"
            className={`btn btn-lg ${filter.queue === q ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={filter.queue === q}
            onClick={() => update({ queue: q })}
          >
            {t(q === 'mine' ? 'home.mine' : 'home.area')}
          </button>
        ))}
      </fieldset>
      <label htmlFor="cases-search" className="visually-hidden">
        {t('cases.search')}
      </label>
      <input
        id="cases-search"
        type="search"
        className="form-control form-control-lg mb-2"
        placeholder={t('cases.search')}
        value={filter.query}
        onChange={(e) => update({ query: e.target.value })}
      />
      <label htmlFor="cases-status" className="visually-hidden">
        {t('cases.status')}
      </label>
      <select
        id="cases-status"
        className="form-select form-select-lg mb-3"
        value={filter.status}
        onChange={(e) => update({ status: e.target.value as StatusFilter })}
      >
        <option value="">{t('cases.allStatuses')}</option>
        <option value="open">{t('cases.openStatuses')}</option>
        {COMPLAINT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {!live.loading && (
        <p className="text-body-secondary" aria-live="polite">
          {all.length === 0
            ? t('cases.empty')
            : shown.length === 0
              ? t('cases.noMatch')
              : t('cases.count', { n: shown.length })}
        </p>
      )}
      <ul className="list-unstyled case-list">
        {shown.slice(0, limit).map((c) => (
          <CaseItem
            key={c.id}
            c={c}
            place={casePlace(c, geo.index)}
            category={ref.label('category', c.category)}
          />
        ))}
      </ul>
      {shown.length > limit && (
        <button
          type="button"
          className="btn btn-outline-secondary btn-lg w-100"
          onClick={() => setLimit(limit + PAGE)}
        >
          {t('cases.more', { n: shown.length - limit })}
        </button>
      )}
    </Screen>
  );
}

function CaseItem({ c, place, category }: { c: CaseView; place: string; category: string }) {
  const { t, formatDate } = useT();
  return (
    <li>
      <Link href={`/cases/${c.id}`} className="case-item">
        <span className="d-flex flex-wrap align-items-center gap-2">
          <strong className="font-monospace">{displayCode(c.trackingCode)}</strong>
          <StatusBadge status={c.status} />
          {c.pending && <span className="badge text-bg-warning">{t('cases.pending')}</span>}
          {c.sensitive && <span className="badge text-bg-danger">{t('cases.sensitive')}</span>}
        </span>
        <span className="d-block">{category}</span>
        <span className="d-block small text-body-secondary">
          {place} · {formatDate(c.receivedAt, true)}
        </span>
      </Link>
    </li>
  );
}
