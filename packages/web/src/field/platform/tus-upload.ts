import { type LocalFile, TransportError } from '@coso/domain';
import type { DetailedError, HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import {
  type Deadlines,
  type FetchedResponse,
  type FetchFn,
  fetchWithDeadlines,
  NetworkFailure,
} from './fetch-deadline';
import { httpError, networkError, type TransportLanguage } from './transport-errors';

/**
 * Resumable upload of one stored file with tus-js-client (tus 1.0.0). Two of its defaults are replaced:
 * its HTTP stack, by fetch with deadlines (XMLHttpRequest has no notion of a stalled 2G link, and fetch can be
 * injected in tests), and its fingerprint/URL storage, by the upload URL kept on the LocalFile in IndexedDB
 * (`uploadUrl`), so a restarted app resumes exactly where the last byte was acknowledged.
 */
export interface TusSettings {
  /** Absolute URL of the creation endpoint (tus resolves the Location header against it). */
  endpoint: string;
  headers: Record<string, string>;
  fetch: FetchFn;
  chunkSize: number;
  /** Waits before each quick retry inside one upload call; then the call fails as `offline`. */
  retryDelays: number[];
  /** Per request; a PATCH must send its whole chunk before the headers deadline. */
  deadlines: Deadlines;
  language: TransportLanguage;
  /** Called once the server has assigned the upload its URL (creation or resume). */
  onUploadUrl?: (url: string) => unknown;
}

class FetchResponse implements HttpResponse {
  constructor(private readonly response: FetchedResponse) {}
  getStatus = () => this.response.status;
  getHeader = (name: string) => this.response.headers.get(name) ?? undefined;
  getBody = () => this.response.text;
  getUnderlyingObject = () => this.response;
}

class FetchRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();
  private progress: (sent: number) => void = () => undefined;

  constructor(
    private readonly method: string,
    private readonly url: string,
    private readonly settings: TusSettings,
  ) {}

  getMethod = () => this.method;
  getURL = () => this.url;
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getHeader = (name: string) => this.headers[name];
  setProgressHandler(handler: (sent: number) => void) {
    this.progress = handler;
  }

  async send(body?: Blob | null): Promise<HttpResponse> {
    const init: RequestInit = { method: this.method, headers: this.headers, body: body ?? null };
    const response = await fetchWithDeadlines(
      this.settings.fetch,
      this.url,
      init,
      this.settings.deadlines,
      this.controller.signal,
    );
    // fetch cannot report upload progress; with small chunks, progress per acknowledged chunk is close enough.
    if (body && response.status >= 200 && response.status < 300) this.progress(body.size);
    return new FetchResponse(response);
  }

  async abort() {
    this.controller.abort();
  }
  getUnderlyingObject = () => this.controller;
}

class FetchStack implements HttpStack {
  constructor(private readonly settings: TusSettings) {}
  createRequest = (method: string, url: string) => new FetchRequest(method, url, this.settings);
  getName = () => 'coso-fetch';
}

/** The file's bytes, cut into chunks without copying (Blob.slice). */
const blobReader = {
  openFile: async (input: Blob) => ({
    size: input.size,
    slice: async (start: number, end: number) => ({
      value: input.slice(start, end),
      done: end >= input.size,
    }),
    close: () => undefined,
  }),
};

/** Resuming is driven by LocalFile.uploadUrl, so tus-js-client's own URL storage stays empty. */
const noUrlStorage = {
  findAllUploads: async () => [],
  findUploadsByFingerprint: async () => [],
  removeUpload: async () => undefined,
  addUpload: async () => '',
};

/** The upload id the server gave the file: the last segment of its upload URL. */
export function uploadIdOf(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  return decodeURIComponent(segments.at(-1) ?? '');
}

function uploadError(language: TransportLanguage, error: Error): TransportError {
  const detailed = error as Partial<DetailedError>;
  const response = detailed.originalResponse;
  if (response)
    return httpError(language, response.getStatus(), response.getBody(), {
      get: (name) => response.getHeader(name) ?? null,
    });
  const cause = detailed.causingError;
  if (cause instanceof NetworkFailure) return networkError(language, cause.timedOut);
  // Retries refused because the browser says it is offline end here too, with the request but no answer.
  if (detailed.originalRequest) return networkError(language, false);
  return new TransportError('server', error.message, 'upload_failed');
}

export async function tusUpload(
  file: LocalFile,
  blob: Blob,
  settings: TusSettings,
  onProgress?: (sent: number) => void,
): Promise<string> {
  // Loaded on first use: the library stays out of the field app's initial JavaScript.
  const { Upload } = await import('tus-js-client');
  let known = file.uploadUrl;
  return new Promise<string>((resolve, reject) => {
    const upload = new Upload(blob, {
      endpoint: settings.endpoint,
      uploadUrl: file.uploadUrl ?? null,
      uploadSize: blob.size,
      metadata: { filename: file.name, filetype: file.type },
      headers: settings.headers,
      chunkSize: settings.chunkSize,
      retryDelays: settings.retryDelays,
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: false,
      fingerprint: async () => `coso-${file.id}`,
      urlStorage: noUrlStorage,
      fileReader: blobReader,
      httpStack: new FetchStack(settings),
      onUploadUrlAvailable: () => {
        // Called on creation and on every resume: only a new URL is worth a write. Losing this write only
        // costs a restart from zero later, never the upload itself.
        if (!upload.url || upload.url === known) return;
        known = upload.url;
        Promise.resolve(settings.onUploadUrl?.(upload.url)).catch(() => undefined);
      },
      onProgress: (sent) => onProgress?.(sent),
      onSuccess: () => resolve(uploadIdOf(upload.url!)),
      onError: (error) => reject(uploadError(settings.language, error)),
    });
    upload.start();
  });
}
