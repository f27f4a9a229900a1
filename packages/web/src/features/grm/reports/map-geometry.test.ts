import { describe, expect, it } from 'vitest';
import { fitView, legendValues, niceFloor, project, radius, TILE, tilesFor } from './map-geometry';

describe('map projection', () => {
  it('matches slippy-map tile numbering (Lomé is in tile 8/128/123)', () => {
    const p = project(6.1319, 1.2228, 8);
    expect(Math.floor(p.x / TILE)).toBe(128);
    expect(Math.floor(p.y / TILE)).toBe(123);
    expect(project(0, 0, 0)).toEqual({ x: 128, y: 128 });
  });

  it('puts north above south and doubles distances at each zoom', () => {
    const kara = project(9.55, 1.19, 7);
    const lome = project(6.13, 1.22, 7);
    expect(kara.y).toBeLessThan(lome.y);
    const k8 = project(9.55, 1.19, 8);
    expect(k8.x).toBeCloseTo(kara.x * 2, 6);
    expect(k8.y).toBeCloseTo(kara.y * 2, 6);
  });
});

describe('fitting the view', () => {
  const togo = [
    { lat: 11.03, lon: 0.04 }, // Cinkassé
    { lat: 6.13, lon: 1.22 }, // Lomé
    { lat: 9.55, lon: 1.19 }, // Kara
  ];

  it('takes the largest whole zoom at which every point fits inside the padding', () => {
    const v = fitView(togo, 600, 700, 40)!;
    const inside = (zoom: number) =>
      togo.every((p) => {
        const q = project(p.lat, p.lon, zoom);
        return q.x >= v.x + 40 && q.x <= v.x + 560 && q.y >= v.y + 40 && q.y <= v.y + 660;
      });
    expect(inside(v.zoom)).toBe(true);
    // One zoom more would not fit: the view is as close as it can be.
    const spanNext = project(6.13, 1.22, v.zoom + 1).y - project(11.03, 0.04, v.zoom + 1).y;
    expect(spanNext).toBeGreaterThan(620);
    expect(v.width).toBe(600);
    expect(v.height).toBe(700);
  });

  it('centres a single point at the largest zoom and has nothing to fit without points', () => {
    const v = fitView([{ lat: 9.55, lon: 1.19 }], 400, 300)!;
    const p = project(9.55, 1.19, v.zoom);
    expect(v.zoom).toBe(12);
    expect(p.x - v.x).toBeCloseTo(200, 6);
    expect(p.y - v.y).toBeCloseTo(150, 6);
    expect(fitView([], 400, 300)).toBeNull();
  });
});

describe('tiles', () => {
  it('cover the view with the template filled and wrap columns around the world', () => {
    const tiles = tilesFor(
      { zoom: 2, x: -100, y: 10, width: 400, height: 300 },
      'https://{s}.t/{z}/{x}/{y}{r}.png',
    );
    expect(tiles.map((t) => t.key)).toEqual(['2/-1/0', '2/0/0', '2/1/0', '2/-1/1', '2/0/1', '2/1/1']);
    expect(tiles[0]!.url).toMatch(/^https:\/\/[abc]\.t\/2\/3\/0\.png$/);
    expect(tiles[1]).toMatchObject({ x: 0, y: 0 });
    expect(tiles[1]!.url).toMatch(/\/2\/0\/0\.png$/);
  });

  it('skip rows above and below the world', () => {
    const tiles = tilesFor({ zoom: 0, x: 0, y: -300, width: 256, height: 900 }, '/t/{z}/{x}/{y}.png');
    expect(tiles.map((t) => t.url)).toEqual(['/t/0/0/0.png']);
  });
});

describe('proportional symbols', () => {
  it('make areas, not radii, proportional to the values', () => {
    expect(radius(100, 100, 30)).toBe(30);
    expect(radius(25, 100, 30)).toBe(15);
    expect(radius(0, 100, 30)).toBe(0);
    expect(radius(1, 10_000, 30)).toBe(3); // still visible
    expect(radius(5, 0, 30)).toBe(0);
  });

  it('give round legend values', () => {
    expect(niceFloor(0.4)).toBe(0);
    expect(niceFloor(7)).toBe(5);
    expect(niceFloor(23)).toBe(20);
    expect(niceFloor(180)).toBe(100);
    expect(legendValues(57)).toEqual([57, 20, 5]);
    expect(legendValues(3)).toEqual([3, 1]);
    expect(legendValues(1)).toEqual([1]);
    expect(legendValues(0)).toEqual([]);
  });
});
