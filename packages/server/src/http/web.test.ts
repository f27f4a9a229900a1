import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
let dist: string;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-web-'));
  const files: Record<string, string> = {
    'index.html': '<title>desktop</title>',
    'field.html': '<title>field</title>',
    'terrain/sw.js': 'self.addEventListener("fetch", () => {});',
    'terrain/manifest.webmanifest': '{"name":"COSO Terrain"}',
    'assets/app-abc123.js': 'export {};',
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    fs.writeFileSync(path.join(dist, name), content);
  }
  t = await createTestApp({ WEB_DIST: dist });
});

afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('web app serving', () => {
  it('answers the desktop page for its client-side routes', async () => {
    for (const url of ['/', '/complaints/123', '/terrainx']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('desktop');
    }
  });

  it('answers field.html under /terrain, never cached', async () => {
    for (const url of ['/terrain', '/terrain/', '/terrain/cases/6f1c2a4e?tab=events', '/terrain/new']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('field');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves the service worker and the manifest revalidated, and 404s a missing field file', async () => {
    const sw = await get('/terrain/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await get('/terrain/manifest.webmanifest');
    expect(manifest.headers['content-type']).toMatch(/manifest\+json/);
    expect((await get('/terrain/icons/old-icon.png')).statusCode).toBe(404);
  });

  it('keeps hashed assets immutable and API misses as JSON 404', async () => {
    expect((await get('/assets/app-abc123.js')).headers['cache-control']).toContain('immutable');
    expect((await get('/assets/gone-1.js')).statusCode).toBe(404);
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found' });
  });
});
