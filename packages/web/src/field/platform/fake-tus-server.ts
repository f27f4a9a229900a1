import type { FetchFn } from './fetch-deadline';

/**
 * Test double: an in-memory tus 1.0.0 server behind a fetch function, able to cut a PATCH after some bytes
 * the way a dropped 2G connection does (the bytes that arrived are kept, the client sees a network error).
 */
export interface FakeUpload {
  length: number;
  offset: number;
  data: Uint8Array;
  metadata: string;
}

export interface FakeTusServer {
  fetch: FetchFn;
  uploads: Map<string, FakeUpload>;
  /** "METHOD /path Upload-Offset" of every request, in order. */
  log: string[];
  /** The next PATCH stores only this many bytes, then the connection "drops". */
  cutNextPatchAfter?: number;
  /** Every request answers this instead (e.g. 413, 401). */
  answer?: { status: number; body: unknown };
}

const PATH = '/api/v1/uploads';
const tusHeaders = (extra: Record<string, string> = {}) => ({ 'Tus-Resumable': '1.0.0', ...extra });

export function createFakeTusServer(token = 'device-token'): FakeTusServer {
  const server: FakeTusServer = { uploads: new Map(), log: [], fetch: async () => new Response() };
  let next = 0;

  server.fetch = async (input, init = {}) => {
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const method = init.method ?? 'GET';
    server.log.push(`${method} ${url.pathname} ${headers.get('Upload-Offset') ?? ''}`.trim());
    if (server.answer) return Response.json(server.answer.body, { status: server.answer.status });
    if (headers.get('Authorization') !== `Bearer ${token}`) {
      return Response.json({ code: 'session_expired', message: 'Session expirée' }, { status: 401 });
    }
    if (method === 'POST' && url.pathname === PATH) {
      const length = Number(headers.get('Upload-Length'));
      const id = `up${++next}`;
      const metadata = headers.get('Upload-Metadata') ?? '';
      server.uploads.set(id, { length, offset: 0, data: new Uint8Array(length), metadata });
      return new Response(null, { status: 201, headers: tusHeaders({ Location: `${PATH}/${id}` }) });
    }
    const upload = server.uploads.get(url.pathname.slice(PATH.length + 1));
    if (!upload) return new Response(null, { status: 404, headers: tusHeaders() });
    if (method === 'HEAD') {
      const offsets = { 'Upload-Offset': String(upload.offset), 'Upload-Length': String(upload.length) };
      return new Response(null, { status: 200, headers: tusHeaders(offsets) });
    }
    if (method === 'PATCH') {
      if (Number(headers.get('Upload-Offset')) !== upload.offset) {
        return new Response(null, { status: 409, headers: tusHeaders() });
      }
      const bytes = new Uint8Array(await (init.body as Blob).arrayBuffer());
      const cut = server.cutNextPatchAfter;
      const kept = cut === undefined ? bytes : bytes.subarray(0, cut);
      upload.data.set(kept, upload.offset);
      upload.offset += kept.length;
      if (cut !== undefined) {
        server.cutNextPatchAfter = undefined;
        throw new TypeError('fetch failed: connection reset');
      }
      return new Response(null, {
        status: 204,
        headers: tusHeaders({ 'Upload-Offset': String(upload.offset) }),
      });
    }
    return new Response(null, { status: 405 });
  };
  return server;
}
