import type { FastifyInstance, FastifyRequest } from 'fastify';

const NUL = '\u0000';

/**
 * The text without its NUL characters. PostgreSQL refuses U+0000 in text and jsonb (a 500 otherwise), and no
 * form or register has a use for it: it only arrives from broken encodings or from someone probing.
 */
export function stripNulText(text: string): string {
  return text.includes(NUL) ? text.replaceAll(NUL, '') : text;
}

/** A JSON object, or a parsed query string (fast-querystring's objects have a prototype of their own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * A parsed JSON value (or query object) with NUL stripped from every string and key. Anything else (Buffers,
 * streams) is returned as is.
 */
export function stripNul<T>(value: T): T {
  if (typeof value === 'string') return stripNulText(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripNul(v)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value));
  for (const [key, v] of Object.entries(value)) out[stripNulText(key)] = stripNul(v);
  return out as T;
}

interface NamedPart {
  filename?: string;
  fieldname?: string;
  value?: unknown;
  fields?: Record<string, unknown>;
}

/** A multipart part (file or field) with NUL stripped from its file name and its text value. */
function cleanPart<P>(part: P): P {
  if (!part || typeof part !== 'object') return part;
  const p = part as NamedPart;
  if (typeof p.filename === 'string') p.filename = stripNulText(p.filename);
  if (typeof p.value === 'string') p.value = stripNulText(p.value);
  return part;
}

/**
 * Multipart bodies are read by the handler (request.file(), request.parts()), after every hook: wrap those
 * readers so what they hand over is cleaned the same way.
 */
function cleanMultipart(request: FastifyRequest) {
  const r = request as unknown as {
    file?: (...args: unknown[]) => Promise<unknown>;
    parts?: (...args: unknown[]) => AsyncIterable<unknown>;
  };
  const file = r.file;
  if (typeof file === 'function') r.file = async (...args) => cleanPart(await file.apply(request, args));
  const parts = r.parts;
  if (typeof parts === 'function') {
    r.parts = async function* (...args) {
      for await (const part of parts.apply(request, args)) yield cleanPart(part);
    };
  }
}

/**
 * Strips NUL from every text a client sends — JSON bodies (REST and sync pushes), query strings, path
 * parameters and multipart names and fields — in one place, before validation. Stripping rather than refusing:
 * a field device whose outbox held such a text would otherwise have its whole batch refused again and again.
 * Uploaded sheets are cleaned where they are read (lib/tabular.ts), with the same function.
 */
export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null) request.body = stripNul(request.body);
    request.query = stripNul(request.query);
    request.params = stripNul(request.params);
    if (typeof request.isMultipart === 'function' && request.isMultipart()) cleanMultipart(request);
  });
}
