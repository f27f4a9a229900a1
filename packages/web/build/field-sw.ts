import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * The field app's offline shell (/terrain/): builds src/field/platform/sw.ts into dist/terrain/sw.js and
 * writes into it the list of files to precache — field.html, every chunk and stylesheet reachable from the
 * field entry (static and lazy imports), the assets they name, and public/terrain/ (manifest, icons) — with a
 * version hashed from their contents, so any change to the field app yields a new worker and nothing else
 * does. In development, /terrain and /terrain/* answer field.html (no service worker).
 */

const PLACEHOLDER = '__COSO_FIELD_PRECACHE__';
const SW_FILE = 'terrain/sw.js';
const SCOPE = 'terrain';

interface Options {
  /** Absolute paths. */
  html: string;
  worker: string;
}

type Bundle = Parameters<NonNullable<Extract<Plugin['generateBundle'], (...args: never[]) => unknown>>>[1];

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${name}/`) : [name];
  });
}

/** Every output file the field entry may load: the import graph, plus assets named in code or CSS. */
function reachable(bundle: Bundle, entry: string): Set<string> {
  const files = new Set<string>();
  const visit = (name: string) => {
    const item = bundle[name];
    if (!item || files.has(name)) return;
    files.add(name);
    if (item.type === 'chunk') {
      for (const next of [...item.imports, ...item.dynamicImports]) visit(next);
      for (const css of item.viteMetadata?.importedCss ?? []) visit(css);
      for (const asset of item.viteMetadata?.importedAssets ?? []) visit(asset);
    }
    const text = item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : '';
    for (const match of text.matchAll(/assets\/[\w.-]+/g)) visit(match[0]);
  };
  visit(entry);
  return files;
}

export function fieldServiceWorker(options: Options): Plugin[] {
  let config: ResolvedConfig;
  const htmlName = path.basename(options.html);

  const dev: Plugin = {
    name: 'coso-field-dev-fallback',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const pathname = (req.url ?? '').split('?')[0]!;
        const inScope = pathname === `/${SCOPE}` || pathname.startsWith(`/${SCOPE}/`);
        // Files under /terrain/ (manifest, icons) are served from public/ as they are.
        if (inScope && !path.extname(pathname)) req.url = `/${htmlName}`;
        next();
      });
    },
  };

  const build: Plugin = {
    name: 'coso-field-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: options.worker, fileName: SW_FILE });
    },
    generateBundle(_output, bundle) {
      const entry = Object.values(bundle).find(
        (item) => item.type === 'chunk' && item.isEntry && item.facadeModuleId === options.html,
      );
      const worker = bundle[SW_FILE];
      if (!entry || !worker || worker.type !== 'chunk') this.error('field entry or service worker missing');
      const files = [htmlName, ...[...reachable(bundle, entry.fileName)].filter((f) => f !== SW_FILE).sort()];

      const publicDir = path.join(config.publicDir, SCOPE);
      const hash = createHash('sha256');
      for (const name of files) {
        const item = bundle[name]!;
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      const publicFiles = listFiles(publicDir).map((name) => `${SCOPE}/${name}`);
      for (const name of publicFiles)
        hash.update(name).update(fs.readFileSync(path.join(config.publicDir, name)));

      const precache = {
        version: hash.digest('hex').slice(0, 16),
        // The shell (field.html) stays first: the worker answers navigations with it.
        files: [...files, ...publicFiles].map((name) => `${config.base}${name}`),
      };
      const literal = new RegExp(`(["'\`])${PLACEHOLDER}\\1`);
      if (!literal.test(worker.code)) this.error(`${PLACEHOLDER} not found in ${SW_FILE}`);
      worker.code = worker.code.replace(literal, () => JSON.stringify(JSON.stringify(precache)));
    },
  };

  return [dev, build];
}
