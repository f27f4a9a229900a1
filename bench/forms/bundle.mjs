// The form engine's share of the field bundle: the domain's forms entry (definitions, expressions, engine,
// validation; packages/domain/src/platform/forms/index.ts) bundled alone the way the web build bundles the
// domain (Vite/Rolldown, ES2022, minified, the domain's modules side-effect free), then gzipped at level 9
// as bench/field-bundle-size.mjs counts. Twice: with zod bundled in (a page that only runs forms), and with
// zod left out (zod already ships in the field app for every other contract). Beside it, the field app's
// initial JavaScript when a web build is there. Target: ≤ 40 KB gzipped.
//
//   node bench/forms/bundle.mjs [--entry packages/domain/src/platform/forms/index.ts] [--json]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const entryArg = args.indexOf('--entry');
const entry = path.resolve(
  root,
  entryArg >= 0 ? args[entryArg + 1] : 'packages/domain/src/platform/forms/index.ts',
);
const TARGET = 40 * 1024;

// What the field app's runner takes from the engine (packages/web/src/field/forms/form-runner.tsx): the
// importer, the API contracts and the sync payloads stay out, as the web build's tree shaking leaves them.
const RUNNER_IMPORTS = [
  'compileForm',
  'defaultAnswers',
  'formPages',
  'formState',
  'formText',
  'normalizeAnswers',
  'validate',
];

/** An entry re-exporting `names` only, written under bench/out (ignored by git). */
function runnerEntry(names) {
  const file = path.join(root, 'bench/out/forms-runner-entry.ts');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `export { ${names.join(', ')} } from ${JSON.stringify(entry)};\n`);
  return file;
}

async function bundle(external, only) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: only ? runnerEntry(only) : entry, formats: ['es'], fileName: 'forms' },
      rolldownOptions: {
        external,
        treeshake: {
          moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
        },
      },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out])
    .flatMap((o) => o.output)
    .filter((o) => o.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    modules: chunks.flatMap((c) => Object.keys(c.modules)),
  };
}

const withZod = await bundle([]);
const withoutZod = await bundle([/^zod/]);
const runner = await bundle([/^zod/], RUNNER_IMPORTS);
const runnerZod = await bundle([], RUNNER_IMPORTS);
let field = null;
try {
  const json = execFileSync('node', [path.join(root, 'bench/field-bundle-size.mjs'), '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  field = JSON.parse(json).initialGzip;
} catch {
  // no web build (npm run build -w packages/web), or above its budget: reported as unknown
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const own = withoutZod.modules.filter((m) => m.includes(`${path.sep}forms${path.sep}`));
if (args.includes('--json')) {
  const sizes = (b) => ({ raw: b.raw, gzip: b.gzip });
  console.log(
    JSON.stringify({
      entry,
      withZod: sizes(withZod),
      withoutZod: sizes(withoutZod),
      runner: sizes(runner),
      runnerZod: sizes(runnerZod),
      fieldInitialGzip: field,
      target: TARGET,
    }),
  );
} else {
  console.log(`Entry: ${path.relative(root, entry)} (${own.length} forms modules)`);
  console.log('| bundle | raw | gzip |\n| --- | ---: | ---: |');
  console.log(`| forms engine, zod left out | ${kb(withoutZod.raw)} | ${kb(withoutZod.gzip)} |`);
  console.log(`| forms engine with zod | ${kb(withZod.raw)} | ${kb(withZod.gzip)} |`);
  console.log(
    `| what the runner imports (${RUNNER_IMPORTS.length} functions), zod left out | ${kb(runner.raw)} | ${kb(runner.gzip)} |`,
  );
  console.log(
    `| what the runner imports, with the zod it pulls | ${kb(runnerZod.raw)} | ${kb(runnerZod.gzip)} |`,
  );
  console.log(
    `| field app initial JS (bench/field-bundle-size.mjs) | | ${field === null ? 'no build' : kb(field)} |`,
  );
  console.log(
    `Target ≤ ${kb(TARGET)} gzipped for the engine (zod left out): ${withoutZod.gzip <= TARGET ? 'met' : 'MISSED'}.`,
  );
}
