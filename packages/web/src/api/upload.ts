import { type Locale, UPLOADS_PATH } from '@coso/domain';
import { DEFAULT_UPLOAD_DEADLINES } from '../field/platform/http-transport';
import { tusUpload } from '../field/platform/tus-upload';

/** 1 MiB chunks: an office link, so fewer round trips than the phone's 256 KB; still resumable per chunk. */
const CHUNK_SIZE = 1024 * 1024;

/**
 * Uploads a file from the desktop through the same resumable uploads as the phone (tus, POST /api/v1/uploads,
 * permission files.upload), with the session cookie and the CSRF header; the write that follows (a DCC material,
 * a sub-project's proof, a finance line's document) names the returned upload id and the server claims it.
 * Resolves to that id.
 */
export function uploadFile(
  file: File,
  options: { csrfToken: string | null; locale: Locale; onProgress?: (sent: number) => void },
): Promise<string> {
  const headers: Record<string, string> = { 'Accept-Language': options.locale };
  if (options.csrfToken) headers['X-CSRF-Token'] = options.csrfToken;
  return tusUpload(
    { id: crypto.randomUUID(), name: file.name, type: file.type, size: file.size, uploaded: 0 },
    file,
    {
      endpoint: `${globalThis.location.origin}${UPLOADS_PATH}`,
      headers,
      fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
      chunkSize: CHUNK_SIZE,
      retryDelays: [1_000, 3_000, 10_000],
      deadlines: DEFAULT_UPLOAD_DEADLINES,
      language: options.locale,
    },
    options.onProgress,
  );
}
