import { type MouseEvent, useId } from 'react';
import type { AreaCounts } from '../../../api/reports';
import { useI18n } from '../../../i18n/i18n-context';
import { fitView, project, radius, TILE, tilesFor } from './map-geometry';

export type MapMeasure = 'total' | 'open' | 'overdue';

const WIDTH = 520;
const HEIGHT = 640;
const MAX_RADIUS = 30;

/**
 * Cases per area as proportional circles on the units' centroids — never a point per case. With a tile URL
 * the circles sit on a base map (tiles as SVG images in the same coordinates); without one, a plain
 * background shows every unit of the level as a small dot, which is enough to recognise the country and
 * costs no download.
 */
export function AreaMap(props: {
  items: AreaCounts[];
  measure: MapMeasure;
  max: number;
  tileUrl: string | null;
  attribution: string | null;
  title: string;
  hrefOf: (item: AreaCounts) => string;
  onOpen: (item: AreaCounts) => void;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const placed = props.items.filter(
    (i): i is AreaCounts & { latitude: number; longitude: number } =>
      i.latitude !== null && i.longitude !== null,
  );
  const view = fitView(
    placed.map((i) => ({ lat: i.latitude, lon: i.longitude })),
    WIDTH,
    HEIGHT,
    MAX_RADIUS + 8,
  );
  if (!view) return <p className="text-body-secondary">{t('map.noPlaces')}</p>;
  const symbols = placed
    .map((i) => {
      const p = project(i.latitude, i.longitude, view.zoom);
      const value = i[props.measure];
      return { item: i, x: p.x, y: p.y, value, r: value === null ? 0 : radius(value, props.max, MAX_RADIUS) };
    })
    // Big circles first, so that small ones stay visible and clickable on top of them.
    .sort((a, b) => b.r - a.r);
  const label = (i: AreaCounts, v: number | null) =>
    i.suppressed ? t('map.suppressedOf', { name: i.name }) : t('map.valueOf', { name: i.name, n: v ?? 0 });
  return (
    <svg
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
      width="100%"
      className="report-chart area-map"
    >
      <title id={`${id}-t`}>{props.title}</title>
      <desc id={`${id}-d`}>{t('map.description')}</desc>
      <rect x={view.x} y={view.y} width={view.width} height={view.height} className="area-map-bg" />
      {props.tileUrl && (
        <g className="area-map-tiles">
          {tilesFor(view, props.tileUrl).map((tile) => (
            <image key={tile.key} href={tile.url} x={tile.x} y={tile.y} width={TILE} height={TILE} />
          ))}
        </g>
      )}
      {symbols.map(({ item, x, y, value, r }) => {
        const href = props.hrefOf(item);
        const name = label(item, value);
        if (item.suppressed)
          return (
            <a key={item.id} href={href} aria-label={name} onClick={open(props.onOpen, item)}>
              <title>{name}</title>
              <circle cx={x} cy={y} r={6} className="area-map-suppressed" />
            </a>
          );
        if (r === 0)
          return (
            <circle key={item.id} cx={x} cy={y} r={2.5} className="area-map-empty">
              <title>{name}</title>
            </circle>
          );
        return (
          <a key={item.id} href={href} aria-label={name} onClick={open(props.onOpen, item)}>
            <title>{name}</title>
            <circle cx={x} cy={y} r={r} className={`area-map-symbol area-map-${props.measure}`} />
            {r >= 11 && (
              <text x={x} y={y + 4} textAnchor="middle" className="area-map-count">
                {formatNumber(value ?? 0)}
              </text>
            )}
          </a>
        );
      })}
      {props.tileUrl && props.attribution && (
        <text
          x={view.x + view.width - 4}
          y={view.y + view.height - 4}
          textAnchor="end"
          className="area-map-credit"
        >
          {props.attribution}
        </text>
      )}
    </svg>
  );
}

/** A plain click opens the dashboard in the app; a middle click or a new tab follows the link itself. */
const open = (onOpen: (i: AreaCounts) => void, item: AreaCounts) => (e: MouseEvent) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  onOpen(item);
};

/** The legend: three circles of round values drawn at the map's scale, and the empty/hidden marks. */
export function MapLegend(props: {
  values: number[];
  max: number;
  measure: MapMeasure;
  measureLabel: string;
  suppressed: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const size = MAX_RADIUS * 2 + 4;
  return (
    <div className="area-map-legend small">
      <div className="fw-semibold mb-1">{props.measureLabel}</div>
      <div className="d-flex flex-wrap align-items-end gap-3">
        {props.values.map((v) => {
          const r = radius(v, props.max, MAX_RADIUS);
          return (
            <div key={v} className="text-center">
              <svg width={size / 1.5} height={size / 1.5} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
                <circle
                  cx={size / 2}
                  cy={size - r - 2}
                  r={r}
                  className={`area-map-symbol area-map-${props.measure}`}
                />
              </svg>
              <div>{formatNumber(v)}</div>
            </div>
          );
        })}
        <div className="text-center">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="2.5" className="area-map-empty" />
          </svg>
          <div>{t('map.legend.none')}</div>
        </div>
        {props.suppressed && (
          <div className="text-center">
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="8" cy="8" r="6" className="area-map-suppressed" />
            </svg>
            <div>{t('map.legend.suppressed')}</div>
          </div>
        )}
      </div>
    </div>
  );
}
