import { type LocalFile, TransportError } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { createFakeTusServer } from './fake-tus-server';
import type { FetchFn } from './fetch-deadline';
import { createHttpTransport, type HttpTransportOptions } from './http-transport';
import { uploadIdOf } from './tus-upload';

const BASE = 'https://coso.test';
const noFiles = { fileBlob: async () => undefined };

interface Call {
  url: string;
  init: RequestInit;
}

function transport(fetch: FetchFn, extra: Partial<HttpTransportOptions> = {}) {
  return createHttpTransport({ token: 'device-token', baseUrl: BASE, fetch, files: noFiles, ...extra });
}

function answering(status: number, body: unknown, calls: Call[] = []): FetchFn {
  return async (url, init = {}) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': 'application/json' } });
  };
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

/** A fetch that never answers on its own, like a request lost on a dead link; it honours abort. */
const hanging: FetchFn = (_url, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

describe('createHttpTransport: JSON calls', () => {
  it('sends the bearer token, the language, the cursor and the limit', async () => {
    const calls: Call[] = [];
    const page = { reset: true, changes: {}, removed: {}, cursor: 'n', hasMore: false };
    const t = transport(answering(200, page, calls), { language: 'en' });
    // With the size of the answer, for the progress shown during a first sync.
    expect(await t.pull('c 1', 300)).toEqual({ ...page, receivedBytes: JSON.stringify(page).length });
    await t.pull(undefined, 500);
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/api/v1/sync/pull?limit=300&cursor=c+1`,
      `${BASE}/api/v1/sync/pull?limit=500`,
    ]);
    expect(calls[0]!.init.headers).toMatchObject({
      Authorization: 'Bearer device-token',
      'Accept-Language': 'en',
    });
  });

  it('posts mutations and code reservations as JSON', async () => {
    const calls: Call[] = [];
    const t = transport(answering(200, { results: [], codes: ['ABC123XYZ'] }, calls));
    const mutation = {
      id: crypto.randomUUID(),
      type: 'complaint.act',
      payload: {},
      clientTime: '2025-01-01T00:00:00Z',
    };
    expect(await t.push([mutation])).toMatchObject({ results: [] });
    expect(await t.reserveCodes(50)).toEqual(['ABC123XYZ']);
    expect(calls.map((c) => [c.init.method, c.url, JSON.parse(String(c.init.body))])).toEqual([
      ['POST', `${BASE}/api/v1/sync/push`, { mutations: [mutation] }],
      ['POST', `${BASE}/api/v1/sync/codes`, { count: 50 }],
    ]);
  });

  it('maps 401 to auth, 403 account_disabled to revoked, other answers to server with their message', async () => {
    const err = (status: number, body: unknown) =>
      failure(transport(answering(status, body)).pull(undefined, 1));
    expect(await err(401, { code: 'session_expired', message: 'Session expirée' })).toMatchObject({
      kind: 'auth',
      code: 'session_expired',
      message: 'Session expirée',
    });
    expect(await err(403, { code: 'account_disabled', message: 'Compte désactivé' })).toMatchObject({
      kind: 'revoked',
      code: 'account_disabled',
    });
    expect(await err(403, { code: 'forbidden', message: 'Interdit' })).toMatchObject({
      kind: 'server',
      code: 'forbidden',
    });
    expect(await err(400, { code: 'invalid_cursor', message: 'Curseur invalide' })).toMatchObject({
      kind: 'server',
      code: 'invalid_cursor',
      message: 'Curseur invalide',
    });
    expect(await err(502, '<html>Bad gateway</html>')).toMatchObject({
      kind: 'server',
      code: 'http_502',
      message: 'Réponse inattendue du serveur (HTTP 502).',
    });
    // A captive portal answering 200 with its own page.
    expect(await err(200, '<html>Wi-Fi login</html>')).toMatchObject({
      kind: 'server',
      code: 'invalid_response',
    });
  });

  it('maps a network failure, a silent server and a stalled body to offline', async () => {
    const down: FetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await failure(transport(down).pull(undefined, 1))).toMatchObject({
      kind: 'offline',
      message: 'Pas de connexion au serveur.',
    });

    const deadlines = { headersMs: 30, idleMs: 30 };
    const silent = await failure(transport(hanging, { deadlines }).push([]));
    expect(silent).toMatchObject({ kind: 'offline', message: expect.stringContaining('ne répond pas') });

    const stalled: FetchFn = async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"reset":'));
          init?.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          );
        },
      });
      return new Response(body, { status: 200 });
    };
    expect(await failure(transport(stalled, { deadlines }).pull(undefined, 1))).toMatchObject({
      kind: 'offline',
    });
  });
});

describe('createHttpTransport: resumable uploads', () => {
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 251);
  const file: LocalFile = {
    id: 'f1',
    name: 'photo.jpg',
    type: 'image/jpeg',
    size: bytes.length,
    uploaded: 0,
  };

  function setup(extra: Partial<HttpTransportOptions> = {}) {
    const server = createFakeTusServer();
    const saved: string[] = [];
    const files = {
      fileBlob: async (id: string) => (id === file.id ? new Blob([bytes]) : undefined),
      saveUploadUrl: async (_id: string, url: string) => {
        saved.push(url);
      },
    };
    const t = transport(server.fetch, { files, chunkSize: 1024, retryDelays: [0, 0], ...extra });
    return { server, saved, t };
  }

  it('uploads in small chunks, reports progress, keeps the URL and resolves with the upload id', async () => {
    const { server, saved, t } = setup();
    const progress: number[] = [];
    const id = await t.upload(file, (sent) => progress.push(sent));
    expect(id).toBe('up1');
    expect(saved).toEqual([`${BASE}/api/v1/uploads/up1`]);
    expect(server.uploads.get('up1')!.data).toEqual(bytes);
    expect(server.log.filter((l) => l.startsWith('PATCH'))).toHaveLength(5);
    expect(progress.at(-1)).toBe(5000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(atob(server.uploads.get('up1')!.metadata.split(',')[0]!.split(' ')[1]!)).toBe('photo.jpg');
  });

  it('resumes where a dropped connection stopped, without sending the acknowledged bytes again', async () => {
    const { server, t } = setup();
    server.cutNextPatchAfter = 600;
    await t.upload(file);
    expect(server.uploads.get('up1')!.data).toEqual(bytes);
    expect(server.log).toEqual([
      'POST /api/v1/uploads',
      'PATCH /api/v1/uploads/up1 0',
      'HEAD /api/v1/uploads/up1',
      'PATCH /api/v1/uploads/up1 600',
      'PATCH /api/v1/uploads/up1 1624',
      'PATCH /api/v1/uploads/up1 2648',
      'PATCH /api/v1/uploads/up1 3672',
      'PATCH /api/v1/uploads/up1 4696',
    ]);
  });

  it('fails as offline when retries run out, then resumes from the stored URL at the next call', async () => {
    const { server, saved, t } = setup({ retryDelays: [] });
    server.cutNextPatchAfter = 1500;
    expect(await failure(t.upload(file))).toMatchObject({ kind: 'offline' });
    expect(saved).toHaveLength(1);

    server.log.length = 0;
    const id = await t.upload({ ...file, uploadUrl: saved[0] });
    expect(id).toBe('up1');
    expect(server.log.slice(0, 2)).toEqual(['HEAD /api/v1/uploads/up1', 'PATCH /api/v1/uploads/up1 1024']);
    expect(server.log.some((l) => l.startsWith('POST'))).toBe(false);
    expect(server.uploads.get('up1')!.data).toEqual(bytes);
  });

  it('starts a new upload when the stored one is gone from the server', async () => {
    const { server, saved, t } = setup();
    expect(await t.upload({ ...file, uploadUrl: `${BASE}/api/v1/uploads/purged` })).toBe('up1');
    expect(server.log.slice(0, 2)).toEqual(['HEAD /api/v1/uploads/purged', 'POST /api/v1/uploads']);
    expect(saved).toEqual([`${BASE}/api/v1/uploads/up1`]);
  });

  it('maps refusals: expired token, too large, and a file no longer on the device', async () => {
    const expired = setup({ token: 'old' });
    expect(await failure(expired.t.upload(file))).toMatchObject({ kind: 'auth', code: 'session_expired' });

    const tooLarge = setup();
    tooLarge.server.answer = {
      status: 413,
      body: { code: 'upload_too_large', message: 'Fichier trop volumineux' },
    };
    expect(await failure(tooLarge.t.upload(file))).toMatchObject({
      kind: 'server',
      code: 'upload_too_large',
      message: 'Fichier trop volumineux',
    });

    expect(await failure(setup().t.upload({ ...file, id: 'gone' }))).toMatchObject({ code: 'file_missing' });
  });

  it('reads the upload id from the last segment of its URL', () => {
    expect(uploadIdOf('https://x.test/api/v1/uploads/abc%2D1')).toBe('abc-1');
    expect(uploadIdOf('https://x.test/api/v1/uploads/abc/')).toBe('abc');
  });
});
