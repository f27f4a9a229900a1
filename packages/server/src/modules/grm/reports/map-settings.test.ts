import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, tileOrigin } from '../../../config.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

/** The grievance map's base layer: configured by MAP_TILE_URL, published in /api/v1/meta, allowed by the CSP. */

const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

describe('map tiles', () => {
  it('publishes the tile URL and lets the browser load its tiles, or none at all', async () => {
    const t = await createTestApp({
      MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors',
    });
    apps.push(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(res.json().map).toEqual({
      tileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    });
    expect(String(res.headers['content-security-policy'])).toMatch(
      /img-src 'self' data: blob: https:\/\/\*\.tile\.example\.org(;|$)/,
    );
    const plain = await createTestApp();
    apps.push(plain);
    const meta = await plain.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(meta.json().map).toEqual({ tileUrl: null, attribution: null });
    expect(String(meta.headers['content-security-policy'])).toMatch(/img-src 'self' data: blob:(;|$)/);
  });

  it('refuses a tile URL without its placeholders', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/map.png' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAP_TILE_URL: 'javascript:alert(1)/{z}/{x}/{y}' })).toThrow(ConfigError);
    expect(tileOrigin('http://localhost:8080/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
    expect(tileOrigin(undefined)).toBeUndefined();
  });
});
