import { getIndicators, type Indicator } from '../../../api/reports';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { Sparkline } from './charts';
import { AreaFilter } from './report-filters';
import { INDICATOR_MONTHS, indicatorExtra, parseIndicatorMonths } from './report-query';
import { useReportQuery } from './use-report-query';
import './reports.css';

/**
 * `/reports/indicators`: the grievance indicators, their definitions, current values and trends, for an area
 * and a period kept in the query string (`?area=…&months=6`) so that a view can be bookmarked and shared.
 */
export default function IndicatorsPage() {
  const { t, locale, formatNumber } = useI18n();
  const { filters, extra, setExtra } = useReportQuery('/reports/indicators', ['months']);
  const area = filters.area;
  const months = parseIndicatorMonths(extra.months);
  // Only the area and the period apply here: the dashboard's other filters are not carried.
  const go = (nextArea: string | undefined, nextMonths: number) =>
    setExtra(nextArea ? { area: nextArea } : {}, indicatorExtra(nextMonths));
  const { data, error, loading } = useAsync(() => getIndicators(area, months), [area, months]);
  const show = (i: Indicator, v: number | null) => {
    if (v === null) return '—';
    if (i.unit === 'percent') return `${formatNumber(v)} %`;
    if (i.unit === 'days') return t('reports.days', { n: formatNumber(v) });
    if (i.unit === 'score') return `${formatNumber(v)} / 5`;
    return formatNumber(v);
  };
  return (
    <>
      <PageHeader title={t('indicators.title')} crumbs={[{ label: t('indicators.title') }]} />
      <p>{t('indicators.intro', { n: months })}</p>
      <form className="report-filters card card-body mb-3 d-print-none" onSubmit={(e) => e.preventDefault()}>
        <div className="row g-2 align-items-end">
          <div className="col-sm-6 col-lg-3">
            <label className="form-label small mb-1" htmlFor="ind-months">
              {t('indicators.period')}
            </label>
            <select
              id="ind-months"
              className="form-select form-select-sm"
              value={months}
              onChange={(e) => go(area, Number(e.target.value))}
            >
              {INDICATOR_MONTHS.map((n) => (
                <option key={n} value={n}>
                  {t('indicators.lastMonths', { n })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <AreaFilter area={area} onChange={(next) => go(next, months)} />
      </form>
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      <div aria-busy={loading}>
        {data?.items.map((i) => (
          <Card key={i.code} title={i.name[locale]} className="report-block">
            <p className="small mb-2">
              <strong>{t('indicators.definition')} : </strong>
              {i.definition[locale]}
            </p>
            <div className="d-flex align-items-center gap-3 mb-2">
              <span className="fs-4 fw-bold" data-testid={`indicator-${i.code}`}>
                {show(i, i.value)}
              </span>
              <Sparkline
                values={i.trend.map((m) => m.value)}
                label={t('indicators.trendOf', { name: i.name[locale] })}
              />
            </div>
            {/* Focusable, so keyboard users can scroll a table wider than the screen (WCAG 2.1.1). */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable, as WCAG asks. */}
            <div className="table-responsive" tabIndex={0}>
              <table className="table table-sm mb-0 small">
                <caption className="visually-hidden">
                  {t('indicators.trendOf', { name: i.name[locale] })}
                </caption>
                <thead>
                  <tr>
                    <th scope="row">{t('indicators.months')}</th>
                    {i.trend.map((m) => (
                      <th key={m.month} scope="col">
                        {m.month.slice(2)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('indicators.value')}</th>
                    {i.trend.map((m) => (
                      <td key={m.month}>{show(i, m.value)}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
