import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { UPLOADS_PATH } from '@coso/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { MAX_OPEN_UPLOADS, purgeStaleUploads, uploadsDir } from './uploads.js';

const MIB = 1024 * 1024;
let t: TestApp;
let dir: string;
let ada: Session;
let ben: Session;
let photo: Buffer;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-uploads-')) });
  dir = uploadsDir(t.config.dataDir);
  tree = await makeTree(t.db);
  ada = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  ben = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  // Noise does not compress: a PNG of ~50 KB, several times the sniffing window.
  photo = await sharp(randomBytes(128 * 128 * 3), { raw: { width: 128, height: 128, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

const TUS = { 'tus-resumable': '1.0.0' };
let address: string | undefined;
/** The app on a real port, for the tests that break connections. */
const listening = async () => (address ??= await t.app.listen({ port: 0, host: '127.0.0.1' }));
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function create(session: Session, length: number, extra: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: UPLOADS_PATH,
    headers: {
      ...session.headers,
      ...TUS,
      'upload-length': String(length),
      'upload-metadata': `filename ${b64('photo du puits.png')},filetype ${b64('image/png')}`,
      ...extra,
    },
  });
}

async function newUpload(session: Session, length: number): Promise<string> {
  const res = await create(session, length);
  expect(res.statusCode, res.body).toBe(201);
  expect(res.headers['tus-resumable']).toBe('1.0.0');
  return String(res.headers.location).split('/').pop()!;
}

const patch = (
  session: Session,
  id: string,
  offset: number,
  bytes: Buffer,
  extra: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'PATCH',
    url: `${UPLOADS_PATH}/${id}`,
    headers: {
      ...session.headers,
      ...TUS,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
      ...extra,
    },
    payload: bytes,
  });

const head = (session: Session, id: string) =>
  t.app.inject({ method: 'HEAD', url: `${UPLOADS_PATH}/${id}`, headers: { cookie: session.cookie, ...TUS } });

const offsetOf = async (session: Session, id: string) =>
  Number((await head(session, id)).headers['upload-offset']);

/**
 * Sends the first `sent` bytes of a PATCH announced for all of `data`, then cuts the connection, or (`stall`)
 * leaves it open and silent like a phone that lost its signal; resolves with the request.
 */
function brokenPatch(base: string, session: Session, id: string, data: Buffer, sent: number, stall = false) {
  return new Promise<http.ClientRequest>((resolve) => {
    const req = http.request(`${base}${UPLOADS_PATH}/${id}`, {
      method: 'PATCH',
      headers: {
        ...session.headers,
        ...TUS,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'content-length': String(data.length),
      },
    });
    req.on('error', () => resolve(req));
    req.write(data.subarray(0, sent), () =>
      setTimeout(() => {
        if (!stall) req.destroy();
        resolve(req);
      }, 200),
    );
  });
}

describe('resumable uploads (tus 1.0.0)', () => {
  it('announces the protocol, its extensions and the size limit', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: UPLOADS_PATH });
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({
      'tus-resumable': '1.0.0',
      'tus-version': '1.0.0',
      'tus-extension': 'creation,termination',
      'tus-max-size': String(20 * MIB),
    });
  });

  it('resumes a PATCH cut after N bytes from the offset HEAD gives, into a byte-identical file', async () => {
    const base = await listening();
    const id = await newUpload(ada, photo.length);
    const cut = 20_000;
    await brokenPatch(base, ada, id, photo, cut);
    let offset = 0;
    for (let i = 0; i < 50 && offset < cut; i++) {
      offset = await offsetOf(ada, id);
      if (offset < cut) await new Promise((r) => setTimeout(r, 50));
    }
    expect(offset).toBe(cut);
    const rest = await patch(ada, id, offset, photo.subarray(offset));
    expect(rest.statusCode, rest.body).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(photo.length));
    expect(await readFile(path.join(dir, id))).toEqual(photo);
    const [row] = await t.db.query<{ completed: boolean; kind: string; filename: string }>(
      `select completed_at is not null as completed, kind, filename from sync_uploads where id = $1`,
      [id],
    );
    expect(row).toEqual({ completed: true, kind: 'image', filename: 'photo du puits.png' });
  });

  it('lets a retry take over a PATCH still open on a silent connection, counting what it received', async () => {
    const base = await listening();
    const id = await newUpload(ada, photo.length);
    const stalled = await brokenPatch(base, ada, id, photo, 12_000, true);
    // The device timed out and retries from the offset it last knew (0): told where the server really is.
    const retry = await patch(ada, id, 0, photo);
    expect(retry.statusCode, retry.body).toBe(409);
    expect(retry.headers['upload-offset']).toBe('12000');
    expect(stalled.destroyed).toBe(true);
    const rest = await patch(ada, id, 12_000, photo.subarray(12_000));
    expect(rest.statusCode).toBe(204);
    expect(await readFile(path.join(dir, id))).toEqual(photo);
  });

  it('appends only at the offset received, and never past the declared length', async () => {
    const id = await newUpload(ada, photo.length);
    expect((await patch(ada, id, 0, photo.subarray(0, 5000))).statusCode).toBe(204);
    const stale = await patch(ada, id, 0, photo.subarray(0, 5000));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('upload_offset_mismatch');
    expect(stale.headers['upload-offset']).toBe('5000');
    const tooMuch = await patch(ada, id, 5000, Buffer.concat([photo.subarray(5000), Buffer.alloc(10)]));
    expect(tooMuch.statusCode).toBe(413);
    expect(await offsetOf(ada, id)).toBe(5000);
    const wrongType = await patch(ada, id, 5000, photo.subarray(5000), { 'content-type': 'image/png' });
    expect(wrongType.statusCode).toBe(415);
    expect((await patch(ada, id, 5000, photo.subarray(5000))).statusCode).toBe(204);
  });

  it('hides an upload from anyone but its owner, and lets the owner abandon it', async () => {
    const id = await newUpload(ada, photo.length);
    expect((await head(ben, id)).statusCode).toBe(404);
    const foreign = await patch(ben, id, 0, photo);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('upload_not_found');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `${UPLOADS_PATH}/${id}`,
          headers: { ...ben.headers, ...TUS },
        })
      ).statusCode,
    ).toBe(404);
    expect(await offsetOf(ada, id)).toBe(0);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `${UPLOADS_PATH}/${id}`,
      headers: { ...ada.headers, ...TUS },
    });
    expect(gone.statusCode).toBe(204);
    expect((await head(ada, id)).statusCode).toBe(404);
    await expect(stat(path.join(dir, id))).rejects.toThrow();
    expect((await head(ada, 'not-an-id')).statusCode).toBe(404);
  });

  it('refuses a file whose first bytes are no accepted type, or too large for its kind', async () => {
    const text = Buffer.from('Ceci est un simple fichier texte, pas une photo.');
    const id = await newUpload(ada, text.length);
    const refused = await patch(ada, id, 0, text);
    expect(refused.statusCode).toBe(415);
    expect((await head(ada, id)).statusCode).toBe(404);
    await expect(stat(path.join(dir, id))).rejects.toThrow();

    const big = await newUpload(ada, 11 * MIB);
    const oversize = await patch(ada, big, 0, photo.subarray(0, 5000));
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json()).toMatchObject({ code: 'upload_too_large', details: { maxBytes: 10 * MIB } });
    expect((await head(ada, big)).statusCode).toBe(404);
  });

  it('checks the protocol version, the declared length, the metadata and who asks', async () => {
    const noVersion = await t.app.inject({
      method: 'POST',
      url: UPLOADS_PATH,
      headers: { ...ada.headers, 'upload-length': '10' },
    });
    expect(noVersion.statusCode).toBe(412);
    expect(noVersion.headers['tus-version']).toBe('1.0.0');
    expect((await create(ada, 21 * MIB)).statusCode).toBe(413);
    expect((await create(ada, 0)).statusCode).toBe(400);
    expect((await create(ada, 10, { 'upload-length': 'ten' })).statusCode).toBe(400);
    expect((await create(ada, 10, { 'upload-metadata': 'filename not base64!' })).statusCode).toBe(400);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: UPLOADS_PATH,
      headers: { cookie: ada.cookie, ...TUS, 'upload-length': '10' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: UPLOADS_PATH,
      headers: { ...TUS, 'upload-length': '10' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes files from whoever may attach them to something: a CDD specialist (forms), not only case handlers', async () => {
    const specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.region])).username);
    expect((await create(specialist, 10)).statusCode).toBe(201);
  });

  it('bounds the uploads one user holds', async () => {
    const user = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
    for (let i = 0; i < MAX_OPEN_UPLOADS; i++) await newUpload(user, 100);
    const refused = await create(user, 100);
    expect(refused.statusCode).toBe(429);
  });

  it('purges incomplete uploads left idle and complete ones never attached', async () => {
    const idle = await newUpload(ada, photo.length);
    const unused = await newUpload(ada, photo.length);
    const fresh = await newUpload(ada, photo.length);
    await patch(ada, unused, 0, photo);
    await t.db.query(`update sync_uploads set updated_at = now() - interval '8 days' where id = $1`, [idle]);
    await t.db.query(`update sync_uploads set completed_at = now() - interval '31 days' where id = $1`, [
      unused,
    ]);
    expect(await purgeStaleUploads(t.db, dir, new Date(Date.now() - 86_400_000))).toBe(2);
    expect((await head(ada, idle)).statusCode).toBe(404);
    expect((await head(ada, unused)).statusCode).toBe(404);
    await expect(stat(path.join(dir, unused))).rejects.toThrow();
    expect((await head(ada, fresh)).statusCode).toBe(200);
  });

  it('purges the files of uploads a killed process left without a row, once they are a day old', async () => {
    const kept = await newUpload(ada, photo.length);
    const dead = path.join(dir, '0b5e3c1e-4a8c-4f0e-9d55-3b0c6a1f2e77'); // created, then the process died
    const young = path.join(dir, '6f1d2b7a-9c3e-4d5f-8a1b-2c3d4e5f6a7b'); // a create() still under way
    const stray = path.join(dir, 'upload.tmp');
    for (const file of [dead, young, stray]) await writeFile(file, 'partial');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const file of [dead, stray, path.join(dir, kept)]) await utimes(file, twoDaysAgo, twoDaysAgo);
    expect(await purgeStaleUploads(t.db, dir, new Date(Date.now() - 86_400_000))).toBe(2);
    await expect(stat(dead)).rejects.toThrow();
    await expect(stat(stray)).rejects.toThrow();
    await stat(young);
    await stat(path.join(dir, kept)); // its row is there: an upload paused for a day is not a dead one
    expect((await head(ada, kept)).statusCode).toBe(200);
  });
});
