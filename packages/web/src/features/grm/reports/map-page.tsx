import { useLocation } from 'wouter';
import {
  type AreaCounts,
  getByArea,
  MAP_LEVELS,
  type MapLevel,
  mapSettingsOf,
  type ReportVersion,
} from '../../../api/reports';
import type { MessageKey } from '../../../i18n/fr';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, InfoAlert, Loading } from '../../../ui/alerts';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { useMeta } from '../../../ui/use-meta';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { useReference } from '../complaints/use-reference';
import { AreaMap, MapLegend, type MapMeasure } from './area-map';
import { legendValues } from './map-geometry';
import { ReportBlock } from './report-block';
import { ReportFilters } from './report-filters';
import { reportQueryString, withQuery } from './report-query';
import { SourceNote } from './source-note';
import { useReportQuery } from './use-report-query';
import './reports.css';

const MEASURES: MapMeasure[] = ['total', 'open', 'overdue'];
const pick = <T extends string>(v: string, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/** `/reports/map`: cases per commune or canton (or region, prefecture) as proportional circles. */
export default function MapPage() {
  const { t, formatNumber } = useI18n();
  const reference = useReference();
  const { levelLabel } = useGeoLevels();
  const [, navigate] = useLocation();
  const settings = mapSettingsOf(useMeta());
  const { filters, extra, setFilters, setExtra } = useReportQuery('/reports/map', [
    'level',
    'measure',
    'version',
    'base',
  ]);
  const level = pick<MapLevel>(extra.level ?? '', MAP_LEVELS, 'commune');
  const measure = pick<MapMeasure>(extra.measure ?? '', MEASURES, 'total');
  const version = pick<ReportVersion>(extra.version ?? '', ['internal', 'public'], 'internal');
  // Tiles only when a base map is configured, and not when the user chose the light mode.
  const tiles = settings.tileUrl !== null && extra.base !== 'none';
  const set = (key: string, value: string) => setExtra(filters, { ...extra, [key]: value });
  const qs = reportQueryString(filters);
  const { data, error, loading } = useAsync(
    () => getByArea({ ...filters, level, version }),
    [qs, level, version],
  );

  const measureLabel = (m: MapMeasure) => t(`map.measure.${m}` as MessageKey);
  const blockTitle = t('map.blockTitle', {
    measure: measureLabel(measure),
    level: levelLabel(level).toLocaleLowerCase(),
  });
  const dashboardHref = (i: AreaCounts) =>
    withQuery('/reports', reportQueryString({ ...filters, area: i.id }));
  const max = Math.max(0, ...(data?.items ?? []).map((i) => i[measure] ?? 0));
  const unplaced = (data?.items ?? []).filter((i) => i.latitude === null).length;
  const count = (v: number | null, suppressed: boolean) =>
    suppressed ? t('map.hidden', { n: data?.smallCountThreshold ?? 5 }) : v;

  const select = (key: string, label: MessageKey, value: string, options: Array<[string, string]>) => (
    <div className="col-sm-6 col-lg-3">
      <label className="form-label small mb-1" htmlFor={`map-${key}`}>
        {t(label)}
      </label>
      <select
        id={`map-${key}`}
        className="form-select form-select-sm"
        value={value}
        onChange={(e) => set(key, e.target.value)}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('map.title')}
        crumbs={[
          { label: t('reports.dashboard'), href: withQuery('/reports', qs) },
          { label: t('map.title') },
        ]}
        actions={
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary d-print-none"
            onClick={() => window.print()}
          >
            {t('reports.print')}
          </button>
        }
      />
      <ReportFilters value={filters} onChange={setFilters} reference={reference} />
      <div className="card card-body mb-3 d-print-none">
        <div className="row g-2 align-items-end">
          {select(
            'level',
            'map.level',
            level,
            MAP_LEVELS.map((l) => [l, levelLabel(l)]),
          )}
          {select(
            'measure',
            'map.measure',
            measure,
            MEASURES.map((m) => [m, measureLabel(m)]),
          )}
          {select('version', 'reports.periodic.version', version, [
            ['internal', t('reports.periodic.internal')],
            ['public', t('reports.periodic.public')],
          ])}
          <fieldset className="col-sm-6 col-lg-3">
            <legend className="form-label small mb-1">{t('map.base')}</legend>
            {(['tiles', 'none'] as const).map((b) => (
              <div key={b} className="form-check form-check-inline">
                <input
                  id={`map-base-${b}`}
                  className="form-check-input"
                  type="radio"
                  name="map-base"
                  checked={b === 'tiles' ? tiles : !tiles}
                  disabled={b === 'tiles' && settings.tileUrl === null}
                  onChange={() => set('base', b === 'none' ? 'none' : '')}
                />
                <label className="form-check-label small" htmlFor={`map-base-${b}`}>
                  {t(b === 'tiles' ? 'map.base.tiles' : 'map.base.none')}
                </label>
              </div>
            ))}
            {settings.tileUrl === null && <div className="form-text mt-0">{t('map.base.notConfigured')}</div>}
          </fieldset>
        </div>
      </div>
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && (
        <div aria-busy={loading}>
          {data.sensitiveTotal !== null && !data.sensitiveIncluded && data.sensitiveTotal > 0 && (
            <InfoAlert>{t('reports.sensitiveTotal', { n: data.sensitiveTotal })}</InfoAlert>
          )}
          <SourceNote source={data.source} asOf={data.asOf} />
          <ReportBlock
            title={blockTitle}
            header={[levelLabel(level), measureLabel('total'), measureLabel('open'), measureLabel('overdue')]}
            rows={[...data.items]
              // Most cases first; hidden (public, small) counts after the known ones.
              .sort((a, b) => (b[measure] ?? -1) - (a[measure] ?? -1) || a.name.localeCompare(b.name))
              .map((i) => ({
                key: i.id,
                label: i.name,
                cells: [
                  count(i.total, i.suppressed),
                  count(i.open, i.suppressed),
                  count(i.overdue, i.suppressed),
                ],
                onOpen: () => navigate(dashboardHref(i)),
              }))}
            filename={`plaintes-carte-${level}`}
            tableShown
            chart={
              <div className="row">
                <div className="col-lg-8">
                  <AreaMap
                    items={data.items}
                    measure={measure}
                    max={max}
                    tileUrl={tiles ? settings.tileUrl : null}
                    attribution={settings.attribution}
                    title={blockTitle}
                    hrefOf={dashboardHref}
                    onOpen={(i) => navigate(dashboardHref(i))}
                  />
                </div>
                <div className="col-lg-4">
                  <MapLegend
                    values={legendValues(max)}
                    max={max}
                    measure={measure}
                    measureLabel={measureLabel(measure)}
                    suppressed={version === 'public'}
                  />
                  <p className="small text-body-secondary mt-3">{t('map.howTo')}</p>
                  {unplaced > 0 && (
                    <p className="small text-body-secondary">{t('map.unplaced', { n: unplaced })}</p>
                  )}
                  <p className="small text-body-secondary">
                    {t('map.totalShown', {
                      n: formatNumber(data.items.reduce((s, i) => s + (i.total ?? 0), 0)),
                    })}
                  </p>
                </div>
              </div>
            }
          />
        </div>
      )}
    </>
  );
}
