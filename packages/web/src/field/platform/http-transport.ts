import {
  type Mutation,
  type PullResponse,
  type PushResponse,
  type ReserveCodesResponse,
  type Transport,
  UPLOADS_PATH,
} from '@coso/domain';
import { type Deadlines, type FetchFn, fetchWithDeadlines, NetworkFailure } from './fetch-deadline';
import {
  fileMissingError,
  httpError,
  jsonBody,
  networkError,
  type TransportLanguage,
} from './transport-errors';
import { tusUpload } from './tus-upload';

/** Where the transport reads a file's bytes and keeps its upload URL: the IdbStore does both. */
export interface UploadFiles {
  fileBlob(id: string): Promise<Blob | undefined>;
  saveUploadUrl?(fileId: string, uploadUrl: string): Promise<void>;
}

export interface HttpTransportOptions {
  /** The device token from POST /api/v1/auth/token. */
  token: string;
  files: UploadFiles;
  /** Origin of the API; defaults to the page's own origin. */
  baseUrl?: string;
  fetch?: FetchFn;
  /** Language of the server's messages and of the transport's own (no connection, timeout). */
  language?: TransportLanguage;
  /** Pull, push and codes: no headers after `headersMs`, or a body stalled for `idleMs` → offline. */
  deadlines?: Deadlines;
  /** Each tus request; a PATCH must send its whole chunk in `headersMs`. */
  uploadDeadlines?: Deadlines;
  /** 256 KB: about a minute per chunk on a poor GPRS link, so little is resent after a drop. */
  chunkSize?: number;
  retryDelays?: number[];
}

export const DEFAULT_DEADLINES: Deadlines = { headersMs: 20_000, idleMs: 20_000 };
export const DEFAULT_UPLOAD_DEADLINES: Deadlines = { headersMs: 120_000, idleMs: 20_000 };
export const DEFAULT_CHUNK_SIZE = 256 * 1024;
export const DEFAULT_RETRY_DELAYS = [1_000, 3_000, 10_000, 20_000];

const defaultFetch: FetchFn = (input, init) => globalThis.fetch(input, init);

/** The field app's Transport: JSON over fetch with a bearer token, and resumable uploads with tus. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = (options.baseUrl ?? globalThis.location?.origin ?? '').replace(/\/$/, '');
  const fetchFn = options.fetch ?? defaultFetch;
  const language = options.language ?? 'fr';
  const deadlines = options.deadlines ?? DEFAULT_DEADLINES;
  const auth = { Authorization: `Bearer ${options.token}`, 'Accept-Language': language };

  /** The JSON answer and its size in bytes (see FetchedResponse.bytes). */
  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
    const headers: Record<string, string> = { ...auth, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers, body: body === undefined ? null : JSON.stringify(body) };
    let response: Awaited<ReturnType<typeof fetchWithDeadlines>>;
    try {
      response = await fetchWithDeadlines(fetchFn, `${baseUrl}${path}`, init, deadlines);
    } catch (error) {
      if (error instanceof NetworkFailure) throw networkError(language, error.timedOut);
      throw error;
    }
    if (response.status < 200 || response.status >= 300) {
      throw httpError(language, response.status, response.text, response.headers);
    }
    return { value: jsonBody<T>(language, response), bytes: response.bytes };
  }
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown) =>
    (await send<T>(method, path, body)).value;

  return {
    async pull(cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      const { value, bytes } = await send<PullResponse>('GET', `/api/v1/sync/pull?${query}`);
      return { ...value, receivedBytes: bytes };
    },
    push: (mutations: Mutation[]) => call<PushResponse>('POST', '/api/v1/sync/push', { mutations }),
    async reserveCodes(count) {
      return (await call<ReserveCodesResponse>('POST', '/api/v1/sync/codes', { count })).codes;
    },
    async upload(file, onProgress) {
      const blob = await options.files.fileBlob(file.id);
      if (!blob) throw fileMissingError(language, file.name);
      return tusUpload(
        file,
        blob,
        {
          endpoint: `${baseUrl}${UPLOADS_PATH}`,
          headers: auth,
          fetch: fetchFn,
          chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
          retryDelays: options.retryDelays ?? DEFAULT_RETRY_DELAYS,
          deadlines: options.uploadDeadlines ?? DEFAULT_UPLOAD_DEADLINES,
          language,
          onUploadUrl: (url) => options.files.saveUploadUrl?.(file.id, url),
        },
        onProgress,
      );
    },
  };
}
