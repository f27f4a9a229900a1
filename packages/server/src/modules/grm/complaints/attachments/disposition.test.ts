import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';

/**
 * Which attachments a browser may render itself: images and audio only. A PDF can carry JavaScript that the
 * browser's PDF viewer would run under our origin, so it must come as a download.
 */
let t: TestApp;
let officer: Session;
let villageId: string;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-disposition-')) });
  const tree = await makeTree(t.db);
  villageId = tree.a.villages[0]!.id;
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

async function attach(filename: string, data: Buffer) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: officer.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
      villageId,
      complainant: { anonymous: true },
    },
  });
  expect(created.statusCode).toBe(201);
  const boundary = `----coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${created.json().id}/attachments`,
    headers: { ...officer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { url: string; previewUrl: string | null };
}

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: officer.cookie } });

const pdfWithScript = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    '3 0 obj<</S/JavaScript/JS(app.alert\\(document.cookie\\))>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('attachment content disposition', () => {
  it('serves a PDF containing /JavaScript as a download, with nosniff and the CSP', async () => {
    const { url } = await attach('plainte signée.pdf', pdfWithScript);
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="plainte sign_e.pdf"; filename*=UTF-8''plainte%20sign%C3%A9e.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps images, their previews and audio inline', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const photo = await attach('photo.png', png);
    expect((await get(photo.url)).headers['content-disposition']).toMatch(/^inline; filename="photo.png"/);
    expect((await get(photo.previewUrl!)).headers['content-disposition']).toMatch(
      /^inline; filename="photo.webp"/,
    );
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from(new Uint32Array([36 + 16]).buffer),
      Buffer.from('WAVEfmt '),
      Buffer.from(new Uint32Array([16]).buffer),
      Buffer.from(new Uint16Array([1, 1]).buffer),
      Buffer.from(new Uint32Array([8000, 16000]).buffer),
      Buffer.from(new Uint16Array([2, 16]).buffer),
      Buffer.from('data'),
      Buffer.from(new Uint32Array([16]).buffer),
      Buffer.alloc(16, 7),
    ]);
    const voice = await attach('voix.wav', wav);
    expect((await get(voice.url)).headers['content-disposition']).toMatch(/^inline; filename="voix.wav"/);
  });
});
