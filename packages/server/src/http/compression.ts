import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
const MIN_COMPRESSED_BYTES = 1024;

/**
 * Compresses API answers (sync pulls above all: a first pull is mostly repeated JSON keys) with Brotli or
 * gzip, whichever the client accepts. Static files arrive already compressed at build time and carry their
 * Content-Encoding, which this plugin leaves alone; so are file types that are compressed by nature
 * (images, audio, PDF, XLSX). Brotli runs at quality 4: close to gzip's speed with smaller output, where
 * the maximum level would cost the server's CPU on every request.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    threshold: MIN_COMPRESSED_BYTES,
    encodings: ['br', 'gzip'],
  });
}
