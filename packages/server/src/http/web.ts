import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.js';

/** The field app (field.html) and its service worker's scope. */
const FIELD_SCOPE = '/terrain';
const STATIC_FILE = /\.(js|css|json|webmanifest|png|svg|ico|jpg|webp|txt|map)$/;

/**
 * Serves the built web app; any other GET outside /api answers index.html so client-side routes survive a
 * reload, except under /terrain/ (the field app, its own page) where it answers field.html. API paths that
 * match no route answer a JSON 404.
 */
export async function registerWeb(app: FastifyInstance, webDist: string | undefined) {
  const index = webDist ? path.join(webDist, 'index.html') : undefined;
  const hasWeb = index !== undefined && fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist!,
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      // The build writes .br and .gz copies of text files (packages/web/build/precompress.ts).
      preCompressed: true,
      setHeaders(res, file) {
        // Hashed assets never change; index.html and the service worker must always be revalidated.
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const apiPath = request.url.startsWith('/api/') || request.url === '/api';
    // A missing hashed asset (an old page after an upgrade) must fail as such, not receive index.html.
    const asset = request.url.startsWith('/assets/');
    const pathname = request.url.split('?')[0]!;
    const field = pathname === FIELD_SCOPE || pathname.startsWith(`${FIELD_SCOPE}/`);
    // A missing /terrain/ file (an old icon) answers 404, not the app.
    if (hasWeb && request.method === 'GET' && field && !STATIC_FILE.test(pathname)) {
      return reply.header('cache-control', 'no-cache').sendFile('field.html');
    }
    if (hasWeb && request.method === 'GET' && !apiPath && !asset && !field) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(request, reply, 'not_found');
  });
}
