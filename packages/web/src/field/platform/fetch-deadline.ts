/**
 * fetch with the two deadlines a 2G link needs. A fixed total timeout is wrong there: a large pull page may
 * honestly take two minutes while a dead connection must be noticed in seconds. So the request is aborted
 * when the response headers take longer than `headersMs` (the request body is sent in that time, so it
 * scales with what we send), or when the response body stalls for `idleMs` between two chunks.
 */

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface Deadlines {
  headersMs: number;
  idleMs: number;
}

/** The request got no usable answer: no connection, the connection dropped, or a deadline passed. */
export class NetworkFailure extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'NetworkFailure';
  }
}

export interface FetchedResponse {
  status: number;
  headers: Headers;
  text: string;
  /**
   * Bytes of the body: as sent on the wire when the server gave a Content-Length (compressed or not), else
   * as read (the browser has already decompressed them).
   */
  bytes: number;
}

async function readBody(
  response: Response,
  idleMs: number,
  abort: () => void,
): Promise<{ text: string; bytes: number }> {
  if (!response.body) return { text: '', bytes: 0 };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const timer = setTimeout(abort, idleMs);
    try {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    } finally {
      clearTimeout(timer);
    }
  }
  return { text: text + decoder.decode(), bytes };
}

/**
 * Sends one request and reads its whole body as text. Rejects with NetworkFailure when there is no usable
 * answer; any HTTP status resolves (the caller maps statuses). `signal` lets the caller abort too.
 */
export async function fetchWithDeadlines(
  fetchFn: FetchFn,
  url: string,
  init: RequestInit,
  deadlines: Deadlines,
  signal?: AbortSignal,
): Promise<FetchedResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    controller.abort();
  };
  const forward = () => controller.abort();
  signal?.addEventListener('abort', forward);
  const headersTimer = setTimeout(expire, deadlines.headersMs);
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    clearTimeout(headersTimer);
    const { text, bytes } = await readBody(response, deadlines.idleMs, expire);
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    return {
      status: response.status,
      headers: response.headers,
      text,
      bytes: Number.isFinite(length) && length >= 0 ? length : bytes,
    };
  } catch (error) {
    if (timedOut) throw new NetworkFailure(`No answer from ${url} in time`, true);
    const message = error instanceof Error ? error.message : String(error);
    throw new NetworkFailure(message, false);
  } finally {
    clearTimeout(headersTimer);
    signal?.removeEventListener('abort', forward);
  }
}
