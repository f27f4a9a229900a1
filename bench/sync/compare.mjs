/**
 * Device engine vs PouchDB, end to end, in the same run (bench/sync/run.mjs --compare N): both over real HTTP
 * on this machine, both into an in-memory client store, interleaved A, B, A, B.
 *
 * A: the platform listening on a port, the domain's device engine (createSyncEngine, what the field app runs)
 *    pulling through fetch into a fresh memory store: server time + HTTP + JSON + the engine's page handling.
 * B: the very rows A received, loaded once into a local in-memory pouchdb-server as one document per case with
 *    its timeline embedded, replicated into a fresh client PouchDB (memory adapter).
 * Needs `npm install --prefix bench/sync` (PouchDB is not a project dependency).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryStore, createSyncEngine } from '../../packages/domain/dist/index.js';

const require = createRequire(import.meta.url);

/** A: one full sync of a new phone over HTTP; returns the wall time, the rows and the bytes received. */
async function deviceSync(baseUrl, token) {
  let bytes = 0;
  const store = createMemoryStore();
  const engine = createSyncEngine({
    store,
    transport: {
      async pull(cursor, limit) {
        const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
        const res = await fetch(`${baseUrl}/api/v1/sync/pull?${query}`, {
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, br' },
        });
        const text = await res.text();
        bytes += Number(res.headers.get('content-length') ?? text.length);
        if (!res.ok) throw new Error(`pull: ${res.status} ${text.slice(0, 200)}`);
        return JSON.parse(text);
      },
      push: async () => ({ results: [] }),
      reserveCodes: async () => [],
      upload: async () => {
        throw new Error('no files');
      },
    },
  });
  const t = performance.now();
  const report = await engine.sync();
  return { ms: performance.now() - t, rows: report.pulled, bytes, store };
}

async function startPouchServer(port) {
  const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
  const server = spawn(process.execPath, [bin, '--in-memory', '--port', String(port)], {
    stdio: 'ignore',
    cwd: mkdtempSync(path.join(os.tmpdir(), 'pouchdb-server-')),
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await sleep(500);
  }
  server.kill();
  throw new Error('pouchdb-server did not start');
}

export async function compare({ app, token, runs, port = 5985 }) {
  const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const first = await deviceSync(address, token);
  const cases = await first.store.rows('complaints');
  const events = await first.store.rows('complaint_events');
  const timelines = new Map();
  for (const e of events) timelines.set(e.complaintId, [...(timelines.get(e.complaintId) ?? []), e]);
  const docs = cases.map((c) => ({ ...c, _id: c.id, events: timelines.get(c.id) ?? [] }));
  const server = await startPouchServer(port);
  try {
    const url = `http://127.0.0.1:${port}/cases`;
    const remote = new PouchDB(url);
    for (let i = 0; i < docs.length; i += 1000) await remote.bulkDocs(docs.slice(i, i + 1000));
    const a = [];
    const b = [];
    for (let i = 0; i < runs; i++) {
      const d = await deviceSync(address, token);
      a.push(d);
      let received = 0;
      const counting = new PouchDB(url, {
        fetch: async (u, opts) => {
          const res = await PouchDB.fetch(u, opts);
          const body = await res.arrayBuffer();
          received += body.byteLength;
          return new Response(res.status === 204 || res.status === 304 ? null : body, {
            status: res.status,
            statusText: res.statusText,
            headers: Object.fromEntries(res.headers.entries()),
          });
        },
      });
      const client = new PouchDB(`client-${Date.now()}-${i}`, { adapter: 'memory' });
      const t = performance.now();
      const r = await client.replicate.from(counting, { batch_size: 1000 });
      b.push({ ms: performance.now() - t, docs: r.docs_written, bytes: received });
      await client.destroy();
      console.error(
        `run ${i + 1}: device ${(d.ms / 1000).toFixed(2)} s, PouchDB ${(b.at(-1).ms / 1000).toFixed(2)} s`,
      );
    }
    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const ma = median(a.map((x) => x.ms));
    const mb = median(b.map((x) => x.ms));
    console.log(
      `\n## End to end, interleaved (${runs} × A, B): ${cases.length} cases, ${events.length} events\n`,
    );
    console.log(
      '| full sync of a new phone | rows / documents | median wall time | runs (s) | bytes received |',
    );
    console.log('| --- | --- | --- | --- | --- |');
    const secs = (xs) => xs.map((x) => (x.ms / 1000).toFixed(1)).join(', ');
    console.log(
      `| device engine over HTTP (memory store) | ${a[0].rows} rows | ${(ma / 1000).toFixed(2)} s | ${secs(a)} | ${(a[0].bytes / 1e6).toFixed(1)} MB |`,
    );
    console.log(
      `| PouchDB replication (events embedded) | ${b[0].docs} docs | ${(mb / 1000).toFixed(2)} s | ${secs(b)} | ${(b[0].bytes / 1e6).toFixed(1)} MB |`,
    );
    console.log(`\nRatio device / PouchDB: ${(ma / mb).toFixed(2)}`);
  } finally {
    server.kill();
  }
}
