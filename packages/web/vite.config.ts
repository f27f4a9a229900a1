import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { fieldServiceWorker } from './build/field-sw.ts';
import { precompress } from './build/precompress.ts';
import { trimBootstrap } from './build/trim-css.ts';

const api = 'http://127.0.0.1:3000';
const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  // The field app (/terrain/) is a second page with its own entry, bundle and offline service worker.
  plugins: [
    fieldServiceWorker({ html: page('field.html'), worker: page('src/field/platform/sw.ts') }),
    precompress(),
  ],
  resolve: {
    // The domain package is consumed from source so the browser bundle shares the exact server rules.
    alias: { '@coso/domain': fileURLToPath(new URL('../domain/src/index.ts', import.meta.url)) },
  },
  css: {
    // Only the Bootstrap rules the sources can use: the stylesheet blocks every first paint (phones on 2G).
    postcss: {
      plugins: [trimBootstrap({ sources: [page('src')], files: [page('index.html'), page('field.html')] })],
    },
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { main: page('index.html'), field: page('field.html') },
      // The domain package is pure by design (no side effects at import time), so modules whose exports
      // are unused can be dropped: the zod schemas then only ship in the lazy chunks of the forms using them.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
