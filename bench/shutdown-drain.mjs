// SIGTERM under load on the embedded PGlite default: starts the built server (npm run build) on a fresh
// database, sends 40 requests at once on connections of their own, signals after `node bench/shutdown-drain.mjs [ms]`
// (30 by default) and counts how each ended. Before the drain of src/shutdown.ts: 9 to 32 of 40 reset.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';

const port = 3900 + Math.floor(Math.random() * 90);
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: `${os.tmpdir()}/coso-drain-${port}`,
  COSO_ENV: 'test',
  COSO_MASTER_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'warn',
};
const child = spawn('node', [new URL('../packages/server/dist/main.js', import.meta.url).pathname], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((r) =>
  child.stdout.on('data', (d) => {
    if (String(d).includes('COSO Platform')) r();
  }),
);
const paths = [
  '/api/v1/public/stats',
  '/api/v1/public/villages?q=a',
  '/api/v1/public/form-options',
  '/api/v1/meta',
];
const get = (i) =>
  new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: paths[i % paths.length], agent: new http.Agent({ keepAlive: true }) },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', (e) => resolve(e.code));
      },
    );
    req.on('error', (e) => resolve(e.code));
  });
// warm up then load
await Promise.all([0, 1, 2, 3].map(get));
const all = Array.from({ length: 40 }, (_, i) => get(i));
await new Promise((r) => setTimeout(r, Number(process.argv[2] ?? 30)));
const t0 = Date.now();
child.kill('SIGTERM');
const results = await Promise.all(all);
const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
const counts = {};
await import('node:fs/promises').then((fs) => fs.rm(env.DATA_DIR, { recursive: true, force: true }));
for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
console.log(JSON.stringify({ counts, exit: code, ms: Date.now() - t0 }));
