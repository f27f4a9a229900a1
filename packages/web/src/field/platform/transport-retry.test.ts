import { TransportError } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import type { FetchFn } from './fetch-deadline';
import { createHttpTransport } from './http-transport';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from './transport-errors';

/** An overloaded server answers 503 or 429 with Retry-After: the transport hands the delay to the scheduler. */

const BASE = 'https://coso.test';

function answering(status: number, headers: Record<string, string>, body = '{}'): FetchFn {
  return async () =>
    new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const transport = (fetch: FetchFn) =>
  createHttpTransport({ token: 't', baseUrl: BASE, fetch, files: { fileBlob: async () => undefined } });

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, caps them, and ignores garbage', () => {
    const now = Date.parse('2026-12-07T15:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Mon, 07 Dec 2026 15:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 14:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('gives the delay of a 503 or a 429 with the server error, and none for other statuses', async () => {
    const body = JSON.stringify({ code: 'overloaded', message: 'Serveur surchargé' });
    const busy = await failure(transport(answering(503, { 'Retry-After': '30' }, body)).pull(undefined, 500));
    expect(busy).toMatchObject({ kind: 'server', code: 'overloaded', retryAfterMs: 30_000 });
    const limited = await failure(transport(answering(429, { 'Retry-After': '5' })).push([]));
    expect(limited.retryAfterMs).toBe(5_000);
    const broken = await failure(transport(answering(500, { 'Retry-After': '30' })).reserveCodes(1));
    expect(broken.retryAfterMs).toBeUndefined();
  });

  it('counts the bytes on the wire of a pull page when the server says its length', async () => {
    const page = { reset: true, changes: {}, removed: {}, cursor: 'n', hasMore: false };
    const fetch: FetchFn = async () =>
      new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Length': '40' } });
    expect((await transport(fetch).pull(undefined, 500)).receivedBytes).toBe(40);
  });
});
