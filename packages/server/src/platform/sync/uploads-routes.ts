import type { Readable } from 'node:stream';
import { UPLOADS_PATH } from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, validationError } from '../../http/app-error.js';
import { requirePermission, requireUser } from '../../http/auth.js';
import { stripNulText } from '../../http/nul-guard.js';
import type { Api } from '../../http/types.js';
import { MAX_UPLOAD_BYTES } from '../../lib/file-sniff.js';
import type { UploadService } from './uploads.js';

/**
 * The core of the tus 1.0.0 resumable-upload protocol (https://tus.io/protocols/resumable-upload), with the
 * creation and termination extensions: POST creates an upload of a declared length, HEAD tells how many bytes
 * the server has, PATCH appends from exactly that offset, DELETE abandons it. Implemented here rather than
 * with @tus/server so that uploads go through the same authentication, CSRF check, ownership rule and error
 * answers as every other route (docs/decisions/0008-resumable-uploads.md).
 */
const TUS_VERSION = '1.0.0';
const OFFSET_STREAM = 'application/offset+octet-stream';
const idParams = z.object({ id: z.string().max(100) });
const UPLOAD_IDLE_MS = 60_000;

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

function nonNegative(request: FastifyRequest, name: string): number {
  const value = header(request, name);
  if (value === undefined || !/^\d{1,15}$/.test(value)) {
    throw validationError([{ path: name, message: value === undefined ? 'required' : 'invalid' }]);
  }
  return Number(value);
}

/** Upload-Metadata: comma-separated `key base64value` pairs; tus clients send the file's name and type. */
export function parseMetadata(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (const pair of raw.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value))) {
      throw validationError([{ path: 'upload-metadata', message: 'invalid' }]);
    }
    out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}

const text = (value: string | undefined, max: number) =>
  value ? [...stripNulText(value)].slice(0, max).join('') || null : null;

export function uploadRoutes(app: Api, { uploads }: { uploads: UploadService }) {
  const tags = ['sync'];
  app.register(async (scope: Api) => {
    // PATCH bodies are the file's bytes: handed over as the raw stream, read (and bounded) by the service.
    scope.addContentTypeParser(OFFSET_STREAM, (_request, payload, done) => done(null, payload));
    scope.addHook('onRequest', async (request) => {
      if (request.method === 'OPTIONS') return;
      if (header(request, 'tus-resumable') !== TUS_VERSION) {
        throw new AppError('tus_version_unsupported', undefined, { 'tus-version': TUS_VERSION });
      }
    });
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('tus-resumable', TUS_VERSION).header('cache-control', 'no-store');
    });

    scope.options(
      UPLOADS_PATH,
      { schema: { tags, summary: 'tus discovery: versions, extensions and the maximum size' } },
      (_request, reply) =>
        reply
          .status(204)
          .header('tus-version', TUS_VERSION)
          .header('tus-extension', 'creation,termination')
          .header('tus-max-size', String(MAX_UPLOAD_BYTES))
          .send(),
    );

    scope.post(
      UPLOADS_PATH,
      {
        schema: {
          tags,
          summary:
            'tus creation: Upload-Length (bytes, ≤ 20 MiB) and Upload-Metadata (filename, filetype); ' +
            '201 with the upload URL in Location',
        },
      },
      async (request, reply) => {
        const actor = requirePermission(request, 'files.upload');
        if (
          header(request, 'upload-defer-length') !== undefined ||
          Number(header(request, 'content-length'))
        ) {
          throw new AppError('bad_request', { supported: 'creation,termination' });
        }
        const length = nonNegative(request, 'upload-length');
        if (length === 0) throw validationError([{ path: 'upload-length', message: 'empty' }]);
        const metadata = parseMetadata(header(request, 'upload-metadata'));
        const id = await uploads.create(actor, {
          length,
          filename: text(metadata.filename ?? metadata.name, 200),
          declaredType: text(metadata.filetype ?? metadata.type, 100),
        });
        return reply
          .status(201)
          .header('location', `${UPLOADS_PATH}/${id}`)
          .header('upload-offset', '0')
          .send();
      },
    );

    scope.head(
      `${UPLOADS_PATH}/:id`,
      {
        schema: {
          tags,
          summary: 'tus: the bytes received so far (Upload-Offset) and Upload-Length',
          params: idParams,
        },
      },
      async (request, reply) => {
        const upload = await uploads.status(requireUser(request), request.params.id);
        return reply
          .status(200)
          .header('upload-offset', String(upload.offset))
          .header('upload-length', String(upload.length))
          .send();
      },
    );

    scope.patch(
      `${UPLOADS_PATH}/:id`,
      {
        schema: {
          tags,
          summary:
            'tus: appends the body (application/offset+octet-stream) at Upload-Offset, which must equal the ' +
            'bytes received (409 otherwise); the type is checked from the first bytes (415)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const actor = requireUser(request);
        if (!header(request, 'content-type')?.toLowerCase().startsWith(OFFSET_STREAM)) {
          throw new AppError('unsupported_media_type');
        }
        const offset = nonNegative(request, 'upload-offset');
        const declared = header(request, 'content-length');
        // A phone that loses its signal often stops sending without closing the connection: after a minute
        // of silence the bytes received are kept and the request ends (injected test requests have no socket).
        if (typeof request.raw.setTimeout === 'function') {
          request.raw.setTimeout(UPLOAD_IDLE_MS, () => request.raw.destroy());
        }
        const result = await uploads.append(
          actor,
          request.params.id,
          offset,
          request.body as Readable,
          declared === undefined ? undefined : Number(declared),
        );
        return reply.status(204).header('upload-offset', String(result.offset)).send();
      },
    );

    scope.delete(
      `${UPLOADS_PATH}/:id`,
      { schema: { tags, summary: 'tus termination: abandons the upload', params: idParams } },
      async (request, reply) => {
        await uploads.remove(requireUser(request), request.params.id);
        return reply.status(204).send();
      },
    );
  });
}
