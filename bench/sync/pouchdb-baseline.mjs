/**
 * Baseline of bench/sync: the previous stack synced phones with PouchDB ⇄ CouchDB replication. The same case
 * and event rows the platform's pull sends to the user's phone are loaded into a local pouchdb-server
 * (in-memory): one document per case with its timeline embedded (`events`), or with --separate one document per
 * case and one per event. Then a fresh client PouchDB (memory adapter) replicates once in full and once more
 * with nothing new. Wall time covers server and client on this machine; bytes are the HTTP bodies the client
 * received.
 *
 *   npm install --prefix bench/sync        (once; not part of the project's install)
 *   DATABASE_URL=…/bench_sync_150000 node bench/sync/pouchdb-baseline.mjs [--user focal.kara] [--port 5985]
 *                                                                          [--separate] [--pglite DIR]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/dist/app.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { openBench } from '../reports/db.mjs';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));

const { values } = parseArgs({
  options: {
    user: { type: 'string', default: 'focal.kara' },
    port: { type: 'string', default: '5985' },
    separate: { type: 'boolean', default: false },
    pglite: { type: 'string' },
  },
});

// The rows the platform would send this user: the same documents for both stacks.
const { db, services, close } = await openBench(values.pglite);
const config = {
  ...loadConfig({ COSO_ENV: 'test', DATA_DIR: '/tmp/coso-bench' }),
  masterKey: Buffer.alloc(32, 1),
};
const app = await buildApp({ config, db, logger: false, services });
const token = (
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { login: values.user, password: 'Demo-COSO-2027', deviceName: 'bench' },
  })
).json().token;
const cases = [];
const events = [];
for (let cursor; ; ) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/sync/pull?limit=2000${cursor ? `&cursor=${cursor}` : ''}`,
    headers: { authorization: `Bearer ${token}` },
  });
  const page = res.json();
  cases.push(...(page.changes.complaints ?? []));
  events.push(...(page.changes.complaint_events ?? []));
  cursor = page.cursor;
  if (!page.hasMore) break;
}
let docs;
if (values.separate) {
  docs = [
    ...cases.map((c) => ({ ...c, _id: `case:${c.id}` })),
    ...events.map((e) => ({ ...e, _id: `event:${e.id}` })),
  ];
} else {
  const timelines = new Map();
  for (const e of events) timelines.set(e.complaintId, [...(timelines.get(e.complaintId) ?? []), e]);
  docs = cases.map((c) => ({ ...c, _id: c.id, events: timelines.get(c.id) ?? [] }));
}
await app.close();
await close();

const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
// pouchdb-server writes its config.json and log where it runs: a scratch folder, not the repository.
const server = spawn(process.execPath, [bin, '--in-memory', '--port', values.port], {
  stdio: 'ignore',
  cwd: mkdtempSync(path.join(os.tmpdir(), 'pouchdb-server-')),
});
const url = `http://127.0.0.1:${values.port}/cases`;
try {
  for (let i = 0; i < 60; i++) {
    if (
      await fetch(`http://127.0.0.1:${values.port}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(500);
  }
  const remote = new PouchDB(url);
  for (let i = 0; i < docs.length; i += 1000) await remote.bulkDocs(docs.slice(i, i + 1000));

  let received = 0;
  const counting = new PouchDB(url, {
    // Reads each answer whole to count it (a clone would stall node-fetch on large bodies), then hands
    // PouchDB an equivalent response.
    fetch: async (u, opts) => {
      const res = await PouchDB.fetch(u, opts);
      const body = await res.arrayBuffer();
      received += body.byteLength;
      const headers = Object.fromEntries(res.headers.entries());
      return new Response(res.status === 204 || res.status === 304 ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers,
      });
    },
  });
  const client = new PouchDB(`client-${Date.now()}`, { adapter: 'memory' });
  let t = performance.now();
  const full = await client.replicate.from(counting, { batch_size: 1000 });
  const fullMs = performance.now() - t;
  const fullBytes = received;
  received = 0;
  t = performance.now();
  await client.replicate.from(counting, { batch_size: 1000 });
  const emptyMs = performance.now() - t;
  console.log(
    `# pouchdb-server (in-memory) → PouchDB (memory), ${cases.length} cases and ${events.length} events as ` +
      `${docs.length} documents (${values.separate ? 'one per case and per event' : 'events embedded'}), ` +
      `user ${values.user}\n`,
  );
  console.log('| replication | documents | wall time (server + client) | bytes received |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| full | ${full.docs_written} | ${(fullMs / 1000).toFixed(2)} s | ${(fullBytes / 1e6).toFixed(1)} MB |`,
  );
  console.log(`| empty incremental | 0 | ${emptyMs.toFixed(0)} ms | ${(received / 1000).toFixed(1)} kB |`);
} finally {
  server.kill();
}
