import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type LocalFile, TransportError } from '@coso/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The field app's own transport (packages/web), driven against this real server over a real socket.
import { createHttpTransport } from '../../../../web/src/field/platform/http-transport';
import { createTestApp, makeTree, makeUser, PASSWORD, type TestApp } from '../../test/harness.js';
import { toAuthUser } from '../auth/service.js';

let t: TestApp;
let base: string;
let tree: Awaited<ReturnType<typeof makeTree>>;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-field-transport-')) });
  tree = await makeTree(t.db);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // Noise does not compress: a PNG of ~50 KB, several chunks of 16 KB.
  photo = await sharp(randomBytes(128 * 128 * 3), { raw: { width: 128, height: 128, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(() => t.close());

async function device() {
  const user = await makeUser(t, ['facilitator'], tree.a.villages);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { login: user.username, password: PASSWORD, deviceName: 'Tecno Pop' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { user, token: res.json().token as string };
}

/**
 * fetch that cuts the connection of the n-th PATCH after `keep` bytes of its body, like a phone losing its
 * signal: the bytes are sent over a real socket, which is then destroyed, and the caller sees a network error.
 */
function cuttingFetch(patchNumber: number, keep: number, log: string[]) {
  let patches = 0;
  return async (url: string, init: RequestInit = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    log.push(`${init.method} ${headers['upload-offset'] ?? ''}`.trim());
    if (init.method !== 'PATCH' || ++patches !== patchNumber) return fetch(url, init);
    const bytes = Buffer.from(await (init.body as Blob).arrayBuffer());
    await new Promise<void>((resolve) => {
      const req = http.request(url, {
        method: 'PATCH',
        headers: { ...headers, 'content-length': bytes.length },
      });
      req.on('error', () => resolve());
      const cut = () => {
        req.destroy();
        resolve();
      };
      req.write(bytes.subarray(0, keep), () => setTimeout(cut, 200));
    });
    throw new TypeError('fetch failed: connection reset');
  };
}

const photoFile: LocalFile = { id: 'p1', name: 'puits.png', type: 'image/png', size: 0, uploaded: 0 };

describe('the field transport against the server', () => {
  it('uploads a photo in chunks and resumes a cut connection where the server stopped', async () => {
    const { token } = await device();
    const log: string[] = [];
    const saved: string[] = [];
    const transport = createHttpTransport({
      token,
      baseUrl: base,
      fetch: cuttingFetch(2, 5000, log),
      files: {
        fileBlob: async () => new Blob([photo]),
        saveUploadUrl: async (_id, url) => void saved.push(url),
      },
      chunkSize: 16 * 1024,
      retryDelays: [200, 500, 1000],
    });
    const id = await transport.upload({ ...photoFile, size: photo.length });
    expect(saved).toEqual([`${base}/api/v1/uploads/${id}`]);
    // Second PATCH cut after 5,000 of its bytes: HEAD, then the next PATCH starts right after them.
    const resumedAt = 16 * 1024 + 5000;
    expect(log.slice(0, 5)).toEqual(['POST', 'PATCH 0', `PATCH ${16 * 1024}`, 'HEAD', `PATCH ${resumedAt}`]);
    const status = await t.app.inject({
      method: 'HEAD',
      url: `/api/v1/uploads/${id}`,
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' },
    });
    expect(status.headers['upload-offset']).toBe(String(photo.length));
  });

  it('pulls, reserves codes, and maps refusals to the kinds the engine acts on', async () => {
    const { user, token } = await device();
    const transport = createHttpTransport({
      token,
      baseUrl: base,
      files: { fileBlob: async () => undefined },
    });
    const page = await transport.pull(undefined, 50);
    expect(page).toMatchObject({ reset: true, cursor: expect.any(String) });
    expect(await transport.reserveCodes(3)).toHaveLength(3);

    // A malformed mutation is the server's per-mutation answer; a malformed batch is a refusal.
    const answer = await transport.push([{ id: 'not-a-uuid' } as never]);
    expect(answer.results[0]).toMatchObject({ id: null, status: 'rejected' });
    const empty = await transport.push([]).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(TransportError);
    expect(empty).toMatchObject({ kind: 'server', code: 'validation_error' });

    const stranger = createHttpTransport({
      token: 'coso_nothing',
      baseUrl: base,
      files: { fileBlob: async () => undefined },
    });
    await expect(stranger.pull(undefined, 1)).rejects.toMatchObject({
      kind: 'auth',
      code: 'session_expired',
    });

    const admin = { actor: toAuthUser(await makeUser(t, ['admin'], [tree.country])), ip: null };
    await t.services.users.update(admin, user.id, { active: false });
    await expect(transport.pull(page.cursor, 50)).rejects.toMatchObject({
      kind: 'revoked',
      code: 'account_disabled',
      message: 'Ce compte est désactivé : les données de cet appareil vont être effacées.',
    });
    const uploader = createHttpTransport({
      token,
      baseUrl: base,
      files: { fileBlob: async () => new Blob([photo]) },
    });
    await expect(uploader.upload({ ...photoFile, size: photo.length })).rejects.toMatchObject({
      kind: 'revoked',
      code: 'account_disabled',
    });
  });
});
