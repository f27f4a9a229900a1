import { getIndicators, type Indicator } from '../../api/reports';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { Sparkline } from './charts';
import './reports.css';

const MONTHS = 12;

/** `/reports/indicators`: the grievance indicators, their definitions, current values and trends. */
export default function IndicatorsPage() {
  const { t, locale, formatNumber } = useI18n();
  const { data, error, loading } = useAsync(() => getIndicators(undefined, MONTHS), []);
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
      <p>{t('indicators.intro', { n: MONTHS })}</p>
      <ErrorAlert error={error} />
      {loading && <Loading />}
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
          <div className="table-responsive">
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
    </>
  );
}
