import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { attachmentSchema, itemsOf } from '@coso/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validationError } from '../../../../http/app-error.js';
import { authedContext, requirePermission } from '../../../../http/auth.js';
import type { Api } from '../../../../http/types.js';
import { contentDisposition, parseRange } from './http-range.js';
import { presentAttachment } from './presenter.js';
import { ATTACHMENT_PURPOSES } from './repo.js';
import type { AttachmentService } from './service.js';
import { MAX_UPLOAD_BYTES } from './sniff.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = idParams.extend({ attachmentId: z.uuid() });
const uploadQuery = z.object({ purpose: z.enum(ATTACHMENT_PURPOSES).default('evidence') });

type Variant = 'content' | 'preview';

/**
 * Reads and drops what is left of a refused upload (404, 403…): a client still sending its body would otherwise
 * stall on a socket nobody reads, and keep the server from closing. The multipart limit bounds the cost.
 */
async function drain(file: Readable) {
  if (file.readableEnded || file.destroyed) return;
  file.resume();
  await finished(file).catch(() => {});
}

const previewName = (filename: string) => `${filename.replace(/\.[^.]*$/, '')}.webp`;

export function attachmentRoutes(app: Api, { attachments }: { attachments: AttachmentService }) {
  const tags = ['complaints'];

  /** Sends stored bytes; audio players seek with single byte ranges (206), other clients get the whole file. */
  async function sendFile(
    request: FastifyRequest,
    reply: FastifyReply,
    { id, attachmentId }: z.infer<typeof fileParams>,
    variant: Variant,
  ) {
    const actor = requirePermission(request, 'complaints.read');
    const file = await attachments.open(actor, id, attachmentId, variant);
    const name = file.attachment.filename;
    reply
      .header('accept-ranges', 'bytes')
      .header('etag', file.etag)
      // Revalidated on every use, so losing access to the case also stops cached copies being shown;
      // sensitive evidence is never written to the browser's disk cache at all.
      .header('cache-control', file.sensitive ? 'private, no-store' : 'private, no-cache')
      .header('x-content-type-options', 'nosniff');
    if (!file.sensitive && request.headers['if-none-match'] === file.etag) return reply.status(304).send();
    const ifRange = request.headers['if-range'];
    const range =
      ifRange === undefined || ifRange === file.etag
        ? parseRange(request.headers.range, file.size)
        : undefined;
    if (range === 'unsatisfiable') {
      return reply.status(416).header('content-range', `bytes */${file.size}`).send();
    }
    reply.header('content-type', file.mimeType).header(
      'content-disposition',
      // A preview is always a WebP image, whatever the original was.
      variant === 'preview'
        ? contentDisposition(previewName(name), 'image')
        : contentDisposition(name, file.attachment.kind),
    );
    if (range) {
      reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
        .header('content-length', range.end - range.start + 1);
      return reply.send(await file.read(range));
    }
    return reply.header('content-length', file.size).send(await file.read());
  }

  app.post(
    '/api/v1/complaints/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Attach a photo (JPEG, PNG, WebP), a PDF or an audio recording (multipart field `file`); ' +
          'the type is read from the content (415 otherwise); 10 MiB, audio 20 MiB (413)',
        params: idParams,
        querystring: uploadQuery,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'complaints.read');
      // The plugin's global limit is raised to the largest kind's limit (+1 byte, so that an oversize file is
      // seen as such); the limit of the actual kind is enforced once the content tells what it is.
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1 } });
      if (part?.fieldname !== 'file') throw validationError([{ path: 'file', message: 'required' }]);
      try {
        const attachment = await attachments.upload(ctx, request.params.id, {
          purpose: request.query.purpose,
          filename: part.filename,
          content: part.file,
        });
        return reply.status(201).send(presentAttachment(attachment));
      } catch (error) {
        await drain(part.file);
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/complaints/:id/attachments',
    {
      schema: {
        tags,
        summary: 'The attachments of a case, oldest first',
        params: idParams,
        response: { 200: itemsOf(attachmentSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      return { items: (await attachments.list(actor, request.params.id)).map(presentAttachment) };
    },
  );

  app.get(
    '/api/v1/complaints/:id/attachments/:attachmentId/content',
    { schema: { tags, summary: 'The file as uploaded (supports single byte ranges)', params: fileParams } },
    (request, reply) => sendFile(request, reply, request.params, 'content'),
  );

  app.get(
    '/api/v1/complaints/:id/attachments/:attachmentId/preview',
    { schema: { tags, summary: 'The WebP display preview of an image (404 when none)', params: fileParams } },
    (request, reply) => sendFile(request, reply, request.params, 'preview'),
  );
}
