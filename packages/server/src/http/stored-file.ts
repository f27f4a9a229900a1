import type { FastifyReply } from 'fastify';
import { SNIFF_BYTES, sniff } from '../lib/file-sniff.js';
import { FileNotFoundError, type FileStore } from '../lib/file-store.js';
import { AppError } from './app-error.js';

async function head(files: FileStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await files.get(key, { start: 0, end: SNIFF_BYTES - 1 })) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Sends a claimed file from the file store (a form submission's, a DCC task's): its type read from the bytes
 * again, never from the client's name, and the browser told not to guess another; images and recordings shown
 * inline, anything else downloaded as `<id>.<extension>`. A file missing from the store is a 404.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  files: FileStore,
  file: { key: string; sizeBytes: number | string; id: string },
) {
  let type: ReturnType<typeof sniff>;
  try {
    type = sniff(await head(files, file.key));
  } catch (error) {
    if (error instanceof FileNotFoundError) throw new AppError('not_found');
    throw error;
  }
  const kind = type?.kind ?? 'file';
  const name = `${file.id}${type ? `.${type.extension}` : ''}`;
  return reply
    .header('content-type', type?.mimeType ?? 'application/octet-stream')
    .header(
      'content-disposition',
      `${kind === 'image' || kind === 'audio' ? 'inline' : 'attachment'}; filename="${name}"`,
    )
    .header('content-length', Number(file.sizeBytes))
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(await files.get(file.key));
}
