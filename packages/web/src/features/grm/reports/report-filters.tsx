import type { SummaryFilters } from '../../../api/reports';
import type { MessageKey } from '../../../i18n/fr';
import { useI18n } from '../../../i18n/i18n-context';
import { DateInput } from '../../../ui/date-input';
import { UnitPicker } from '../../geo/unit-picker';
import type { Reference } from '../complaints/use-reference';
import { useAreaCrumbs } from './use-report-query';

function monthStart(monthsBack: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - monthsBack);
  return d.toISOString().slice(0, 10);
}

/** Period presets, the dimension filters, an area search and the area breadcrumb of the report pages. */
export function ReportFilters(props: {
  value: SummaryFilters;
  onChange: (f: SummaryFilters) => void;
  reference: Reference;
}) {
  const { t } = useI18n();
  const { value, onChange, reference } = props;
  const today = new Date().toISOString().slice(0, 10);
  const set = (patch: SummaryFilters) => onChange({ ...value, ...patch });
  const presets: Array<[MessageKey, SummaryFilters]> = [
    ['reports.period.month', { from: monthStart(0), to: today }],
    ['reports.period.quarter', { from: monthStart(2), to: today }],
    ['reports.period.year', { from: `${today.slice(0, 4)}-01-01`, to: today }],
    ['reports.period.all', { from: undefined, to: undefined }],
  ];
  const select = (key: 'type' | 'category' | 'channel', list: 'types' | 'categories' | 'channels') => (
    <div className="col-sm-4 col-lg-2">
      <label className="form-label small mb-1" htmlFor={`rf-${key}`}>
        {t(`reports.filter.${key}`)}
      </label>
      <select
        id={`rf-${key}`}
        className="form-select form-select-sm"
        value={value[key] ?? ''}
        onChange={(e) => set({ [key]: e.target.value || undefined })}
      >
        <option value="">{t('reports.filter.all')}</option>
        {reference.options(list).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="report-filters card card-body mb-3 d-print-none" onSubmit={(e) => e.preventDefault()}>
      <div className="row g-2 align-items-end">
        <div className="col-sm-6 col-lg-2">
          <label className="form-label small mb-1" htmlFor="rf-from">
            {t('reports.filter.from')}
          </label>
          <DateInput
            id="rf-from"
            size="sm"
            className="form-control form-control-sm"
            value={value.from ?? ''}
            onChange={(v) => set({ from: v || undefined })}
          />
        </div>
        <div className="col-sm-6 col-lg-2">
          <label className="form-label small mb-1" htmlFor="rf-to">
            {t('reports.filter.to')}
          </label>
          <DateInput
            id="rf-to"
            size="sm"
            className="form-control form-control-sm"
            value={value.to ?? ''}
            onChange={(v) => set({ to: v || undefined })}
          />
        </div>
        {select('type', 'types')}
        {select('category', 'categories')}
        {select('channel', 'channels')}
      </div>
      <div className="d-flex flex-wrap gap-1 mt-2">
        {presets.map(([label, patch]) => (
          <button
            key={label}
            type="button"
            className="btn btn-sm btn-outline-primary"
            onClick={() => set(patch)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <AreaFilter area={value.area} onChange={(area) => set({ area })} />
    </form>
  );
}

/**
 * The area breadcrumb ("All my areas › Kara › Kozah", each step a way back up) and a search to go to an area
 * of the caller's jurisdiction; the report pages keep the chosen area in their query string.
 */
export function AreaFilter(props: {
  area: string | undefined;
  onChange: (area: string | undefined) => void;
}) {
  const { t } = useI18n();
  const { area, onChange } = props;
  const crumbs = useAreaCrumbs(area);
  return (
    <div className="d-flex flex-wrap align-items-start gap-3 mt-2">
      <nav aria-label={t('reports.filter.area')} className="small pt-1 flex-grow-1">
        <span className="me-1">{t('reports.filter.area')} :</span>
        <button
          type="button"
          className="btn btn-link btn-sm p-0 align-baseline"
          aria-current={area ? undefined : 'true'}
          onClick={() => onChange(undefined)}
        >
          {t('reports.allAreas')}
        </button>
        {area && !crumbs && <span> › …</span>}
        {crumbs?.map((a, i) => (
          <span key={a.id}>
            {' › '}
            <button
              type="button"
              className="btn btn-link btn-sm p-0 align-baseline"
              aria-current={i === crumbs.length - 1 ? 'true' : undefined}
              onClick={() => onChange(a.id)}
            >
              {a.name}
            </button>
          </span>
        ))}
      </nav>
      <UnitPicker
        id="rf-area"
        label={t('reports.filter.goToArea')}
        value={null}
        mine
        onChange={(u) => u && onChange(u.id)}
        className="report-area-picker"
      />
    </div>
  );
}
