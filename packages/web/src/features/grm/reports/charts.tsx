import { useId } from 'react';

/**
 * Hand-drawn SVG charts: light, readable when printed (values written on the bars, black text), and
 * described for screen readers (<title>, <desc>); the data table beside each chart holds the same numbers.
 */

export interface Bar {
  label: string;
  value: number;
  onClick?: () => void;
}

const ROW = 26;
const LABEL_W = 190;
const VALUE_W = 56;

/** Horizontal bars, one per row, with the label on the left and the value at the end of the bar. */
export function BarChart({ title, bars, width = 560 }: { title: string; bars: Bar[]; width?: number }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = width - LABEL_W - VALUE_W;
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className="report-chart"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{bars.map((b) => `${b.label}: ${b.value}`).join(', ')}</desc>
      {bars.map((b, i) => {
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot);
        const y = i * ROW;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: the table below offers the same drill-down as links
          <g key={b.label} onClick={b.onClick} className={b.onClick ? 'report-bar-link' : undefined}>
            <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" className="report-label">
              {b.label.length > 25 ? `${b.label.slice(0, 24)}…` : b.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 8} className="report-bar" />
            <text x={LABEL_W + w + 6} y={y + ROW / 2 + 4} className="report-value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  name: string;
  values: number[];
  /** Hatched bars tell the second series apart in print and for colour-blind readers. */
  hatched?: boolean;
}

/** Grouped vertical bars per month (received / closed), with a legend. */
export function MonthChart({ title, months, series }: { title: string; months: string[]; series: Series[] }) {
  const id = useId();
  const width = 640;
  const height = 220;
  const bottom = 30;
  const top = 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (width - 20) / Math.max(1, months.length);
  // Bars stay slim when there are few months, centred in their slot.
  const barW = Math.min(36, Math.max(4, (slot - 8) / series.length));
  const inset = (slot - barW * series.length) / 2;
  const scale = (v: number) => ((height - bottom - top) * v) / max;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className="report-chart"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>
        {months
          .map((m, i) => `${m}: ${series.map((s) => `${s.name} ${s.values[i] ?? 0}`).join(', ')}`)
          .join('; ')}
      </desc>
      <defs>
        <pattern
          id={`${id}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className="report-bar-alt" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
        </pattern>
      </defs>
      {series.map((s, si) => (
        <g key={s.name} transform={`translate(${10 + si * 150}, 4)`}>
          <rect width="14" height="12" {...barStyle(s, id)} />
          <text x="20" y="11" className="report-label">
            {s.name}
          </text>
        </g>
      ))}
      {months.map((m, i) => (
        <g key={m} transform={`translate(${10 + i * slot}, 0)`}>
          {series.map((s, si) => {
            const v = s.values[i] ?? 0;
            const h = scale(v);
            return (
              <g key={s.name}>
                <rect
                  x={inset + si * barW}
                  y={height - bottom - h}
                  width={barW - 2}
                  height={h}
                  {...barStyle(s, id)}
                />
                {v > 0 && (
                  <text
                    x={inset + si * barW + barW / 2}
                    y={height - bottom - h - 3}
                    textAnchor="middle"
                    className="report-value small"
                  >
                    {v}
                  </text>
                )}
              </g>
            );
          })}
          <text x={slot / 2} y={height - 10} textAnchor="middle" className="report-label">
            {m.slice(2)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** CSS fills win over SVG attributes: a hatched bar gets its pattern as a style. */
const barStyle = (s: Series, id: string) =>
  s.hatched ? { style: { fill: `url(#${id}-hatch)` } } : { className: 'report-bar' };

/** A tiny line for a trend in a table cell. */
export function Sparkline({ values, label }: { values: Array<number | null>; label: string }) {
  const known = values.filter((v): v is number => v !== null);
  const max = Math.max(1, ...known);
  const min = Math.min(0, ...known);
  const step = 100 / Math.max(1, values.length - 1);
  const points = values
    .map((v, i) =>
      v === null ? null : `${(i * step).toFixed(1)},${(28 - ((v - min) / (max - min || 1)) * 26).toFixed(1)}`,
    )
    .filter(Boolean)
    .join(' ');
  return (
    <svg role="img" aria-label={label} viewBox="0 0 100 30" width="120" height="30" className="report-chart">
      <polyline points={points} fill="none" className="report-line" strokeWidth="2" />
    </svg>
  );
}
