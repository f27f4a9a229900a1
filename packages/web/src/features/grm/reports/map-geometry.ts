/**
 * Web Mercator maths for the area map, without a map library: the same "world pixel" coordinates as slippy
 * map tiles (256 px per tile, 2^zoom tiles across), so proportional circles and optional tiles share one
 * SVG coordinate system and scale together with the viewBox.
 */

export const TILE = 256;
/** Tiles are only requested up to this zoom (enough for cantons; keeps the number of tiles small). */
export const MAX_ZOOM = 12;

export interface Point {
  x: number;
  y: number;
}

/** World pixel coordinates of a latitude/longitude at `zoom`. */
export function project(lat: number, lon: number, zoom: number): Point {
  const size = TILE * 2 ** zoom;
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return {
    x: ((lon + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}

export interface View {
  zoom: number;
  /** The SVG viewBox, in world pixels at `zoom`. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The largest whole zoom at which every point fits in `width` × `height` pixels (after `padding` on each
 * side), centred on the points; a single point gets a fixed neighbourhood. Whole zooms so that tiles line up.
 */
export function fitView(
  points: Array<{ lat: number; lon: number }>,
  width: number,
  height: number,
  padding = 40,
): View | null {
  if (points.length === 0) return null;
  let zoom = MAX_ZOOM;
  for (; zoom > 0; zoom -= 1) {
    const b = bounds(points, zoom);
    if (b.maxX - b.minX <= width - 2 * padding && b.maxY - b.minY <= height - 2 * padding) break;
  }
  const b = bounds(points, zoom);
  const cx = (b.minX + b.maxX) / 2;
  const cy = (b.minY + b.maxY) / 2;
  return { zoom, x: cx - width / 2, y: cy - height / 2, width, height };
}

function bounds(points: Array<{ lat: number; lon: number }>, zoom: number) {
  const xy = points.map((p) => project(p.lat, p.lon, zoom));
  return {
    minX: Math.min(...xy.map((p) => p.x)),
    maxX: Math.max(...xy.map((p) => p.x)),
    minY: Math.min(...xy.map((p) => p.y)),
    maxY: Math.max(...xy.map((p) => p.y)),
  };
}

export interface Tile {
  key: string;
  url: string;
  x: number;
  y: number;
}

/**
 * The tiles covering the view, from a URL template with {z}, {x}, {y} (and optionally {s}, a subdomain,
 * and {r}, the retina suffix, left empty). Tile columns wrap around the antimeridian; rows outside the
 * world are skipped.
 */
export function tilesFor(view: View, template: string): Tile[] {
  const n = 2 ** view.zoom;
  const tiles: Tile[] = [];
  const x0 = Math.floor(view.x / TILE);
  const y0 = Math.max(0, Math.floor(view.y / TILE));
  const x1 = Math.floor((view.x + view.width - 1) / TILE);
  const y1 = Math.min(n - 1, Math.floor((view.y + view.height - 1) / TILE));
  const subdomains = ['a', 'b', 'c'];
  for (let ty = y0; ty <= y1; ty += 1)
    for (let tx = x0; tx <= x1; tx += 1) {
      const wrapped = ((tx % n) + n) % n;
      const url = template
        .replaceAll('{z}', String(view.zoom))
        .replaceAll('{x}', String(wrapped))
        .replaceAll('{y}', String(ty))
        .replaceAll('{s}', subdomains[Math.abs(tx + ty) % subdomains.length]!)
        .replaceAll('{r}', '');
      tiles.push({ key: `${view.zoom}/${tx}/${ty}`, url, x: tx * TILE, y: ty * TILE });
    }
  return tiles;
}

/** Circle radius whose *area* is proportional to the value (how readers compare symbols); 0 for none. */
export function radius(value: number, max: number, maxRadius: number, minRadius = 3): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(minRadius, maxRadius * Math.sqrt(Math.min(value, max) / max));
}

/** A round number at or below `v` (1, 2 or 5 times a power of ten) for the legend. */
export function niceFloor(v: number): number {
  if (v < 1) return 0;
  const power = 10 ** Math.floor(Math.log10(v));
  const m = v / power;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * power;
}

/** Legend values: the maximum, then round values near a half and a tenth of it, distinct and positive. */
export function legendValues(max: number): number[] {
  if (max <= 0) return [];
  const values = [max, niceFloor(max / 2), niceFloor(max / 10)].filter((v) => v > 0);
  return [...new Set(values)];
}
