// PGlite's resident memory under steady read load: starts the built server (npm run build) on a fresh embedded
// database, 10 keep-alive clients on the public endpoints for `node bench/pglite-rss.mjs [seconds]` (150), RSS every 15 s.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';

const port = 3990;
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: `${os.tmpdir()}/coso-rss-${process.pid}`,
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
const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
const paths = [
  '/api/v1/public/stats',
  '/api/v1/public/villages?q=ka',
  '/api/v1/public/form-options',
  '/api/v1/public/track/ABCD-EFGH-J',
];
let n = 0;
let stop = false;
const loop = async (i) => {
  while (!stop) {
    await new Promise((r) => {
      const q = http.get({ host: '127.0.0.1', port, path: paths[(n + i) % 4], agent }, (res) => {
        res.resume();
        res.on('end', r);
      });
      q.on('error', r);
    });
    n++;
  }
};
const rss = () =>
  Math.round(Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024);
const t0 = Date.now();
const samples = [[0, rss()]];
const loops = Array.from({ length: 10 }, (_, i) => loop(i));
const timer = setInterval(() => {
  samples.push([Math.round((Date.now() - t0) / 1000), rss(), n]);
  console.log(JSON.stringify(samples.at(-1)));
}, 15000);
await new Promise((r) => setTimeout(r, Number(process.argv[2] ?? 150) * 1000));
stop = true;
clearInterval(timer);
await Promise.all(loops);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
