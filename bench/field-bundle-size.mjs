// The field app's initial JavaScript, gzipped: the entry script of dist/field.html and every chunk it imports
// statically (recursively) — what a phone downloads before the first screen. Lazy chunks (import()) are
// listed apart and not counted. Fails above the budget of PRODUCT.md (250 KB).
//
//   npm run build -w packages/web && node bench/field-bundle-size.mjs [--dist packages/web/dist] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const dist = path.resolve(
  distArg >= 0 ? args[distArg + 1] : fileURLToPath(new URL('../packages/web/dist', import.meta.url)),
);
const html = path.join(dist, 'field.html');
if (!fs.existsSync(html)) {
  console.error(`${html} not found: run \`npm run build -w packages/web\` first.`);
  process.exit(2);
}

const read = (url) => fs.readFileSync(path.join(dist, url.replace(/^\//, '')));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

// Static imports of a minified ES module: `import{a as b}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`.
const STATIC = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+?from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

const page = fs.readFileSync(html, 'utf8');
const entries = [...page.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const initial = new Set();
const lazy = new Set();
const visit = (url) => {
  if (initial.has(url)) return;
  initial.add(url);
  const code = read(url).toString('utf8');
  const dir = path.posix.dirname(url);
  for (const m of code.matchAll(STATIC)) visit(path.posix.resolve(dir, m[1]));
  for (const m of code.matchAll(DYNAMIC)) lazy.add(path.posix.resolve(dir, m[1]));
};
for (const entry of entries) visit(entry);
for (const url of initial) lazy.delete(url);

const sizes = (urls) =>
  [...urls].sort().map((url) => {
    const bytes = read(url);
    return { file: url, bytes: bytes.length, gzip: gzip(bytes) };
  });
const initialFiles = sizes(initial);
const lazyFiles = sizes(lazy);
const css = [...page.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
const total = initialFiles.reduce((sum, f) => sum + f.gzip, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (args.includes('--json')) {
  console.log(JSON.stringify({ budget: BUDGET, initialGzip: total, initial: initialFiles, lazy: lazyFiles }));
} else {
  console.log('| Initial JS of field.html | raw | gzip |\n| --- | ---: | ---: |');
  for (const f of initialFiles) console.log(`| ${f.file} | ${kb(f.bytes)} | ${kb(f.gzip)} |`);
  console.log(`| **total** | | **${kb(total)}** (budget ${kb(BUDGET)}) |`);
  const lazyTotal = lazyFiles.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`\nLazy chunks (loaded on use, not counted): ${lazyFiles.length}, ${kb(lazyTotal)} gzip.`);
  for (const url of css) console.log(`Stylesheet ${url}: ${kb(gzip(read(url)))} gzip (not counted).`);
}
if (total > BUDGET) {
  console.error(`Field app initial JavaScript is ${kb(total)} gzipped, above the ${kb(BUDGET)} budget.`);
  process.exit(1);
}
