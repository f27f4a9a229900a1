/**
 * Field sync benchmark: what a phone's first (full) pull and its later (incremental) pulls cost the server.
 *
 *   DATABASE_URL=…/bench_sync_150000 node bench/sync/run.mjs [--pglite DIR] [--user focal.kara] [--runs 50]
 *
 * The database is filled by bench/reports/generate.mjs (cases spread over every demo village) and
 * bench/sync/events.mjs (their timelines); the user's scope decides how many cases the phone receives.
 * Requests go through the real HTTP application (buildApp + inject: routing, auth, JSON serialisation), so the
 * times are server times without the network.
 * Measured: full pull in pages of 1000 and 2000 (total time, pages, bytes, gzipped bytes), empty incremental
 * pull (p50/p95), incremental pull after 100 changed cases. With --compare N: the device engine's full sync
 * over HTTP against PouchDB's replication of the same rows, end to end, interleaved (compare.mjs).
 */

import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createMemoryStore, createSyncEngine } from '../../packages/domain/dist/index.js';
import { buildApp } from '../../packages/server/dist/app.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { openBench } from '../reports/db.mjs';
import { percentile, timeRuns } from '../reports/stats.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    user: { type: 'string', default: 'focal.kara' },
    runs: { type: 'string', default: '50' },
    /** N: after the server-side figures, N interleaved full syncs end to end, device engine vs PouchDB. */
    compare: { type: 'string' },
  },
});
const { db, services, kind, close } = await openBench(values.pglite);
const config = {
  ...loadConfig({ COSO_ENV: 'test', DATA_DIR: '/tmp/coso-bench' }),
  masterKey: Buffer.alloc(32, 1),
};
const app = await buildApp({ config, db, logger: false, services });

const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/token',
  payload: { login: values.user, password: 'Demo-COSO-2027', deviceName: 'bench' },
});
if (login.statusCode !== 201) throw new Error(`token: ${login.statusCode} ${login.body}`);
const headers = { authorization: `Bearer ${login.json().token}` };

async function pull(cursor, limit) {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const t = process.hrtime.bigint();
  const res = await app.inject({ method: 'GET', url: `/api/v1/sync/pull?${query}`, headers });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
  return { ms, body: res.body, page: res.json() };
}

async function fullPull(limit) {
  let cursor;
  let ms = 0;
  let bytes = 0;
  let gzipped = 0;
  let pages = 0;
  const rows = {};
  for (;;) {
    const r = await pull(cursor, limit);
    ms += r.ms;
    bytes += r.body.length;
    gzipped += gzipSync(r.body).length;
    pages++;
    for (const [table, list] of Object.entries(r.page.changes))
      rows[table] = (rows[table] ?? 0) + list.length;
    cursor = r.page.cursor;
    if (!r.page.hasMore) return { ms, bytes, gzipped, pages, rows, cursor };
  }
}

const [{ n }] = await db.query('select count(*)::int as n from complaints');
console.log(`# ${kind}, ${n} cases in the database, user ${values.user}\n`);
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
console.log('| pull | pages | cases | events | other rows | server time | JSON | gzipped |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
let cursor;
for (const limit of [1000, 2000]) {
  const f = await fullPull(limit);
  cursor = f.cursor;
  const { complaints = 0, complaint_events: events = 0, ...others } = f.rows;
  const other = Object.values(others).reduce((s, k) => s + k, 0);
  console.log(
    `| full, pages of ${limit} | ${f.pages} | ${complaints} | ${events} | ${other} | ${(f.ms / 1000).toFixed(2)} s | ${mb(f.bytes)} | ${mb(f.gzipped)} |`,
  );
}
// The phone's side too, in-process: the device engine pulling into its in-memory store (server + client work),
// comparable with the PouchDB replication's wall time.
const engine = createSyncEngine({
  store: createMemoryStore(),
  transport: {
    pull: async (c, limit) => (await pull(c, limit)).page,
    push: async () => ({ results: [] }),
    reserveCodes: async () => [],
    upload: async () => {
      throw new Error('no files');
    },
  },
});
const t0 = performance.now();
const report = await engine.sync();
console.log(
  `\nDevice engine full sync (server + device store, in-process): ${((performance.now() - t0) / 1000).toFixed(2)} s, ${report.pulled} rows`,
);
const empty = await timeRuns(Number(values.runs), () => pull(cursor, 1000));
console.log(
  `\nEmpty incremental pull: p50 ${percentile(empty, 50).toFixed(1)} ms, p95 ${percentile(empty, 95).toFixed(1)} ms (${values.runs} runs)`,
);
await db.query(
  `update complaints set description = description || ' (mis à jour)'
    where id in (select id from complaints where area_path like (
      select path || '%' from geo_units where code = 'TG-K') order by id limit 100)`,
);
const after = await pull(cursor, 1000);
console.log(
  `Incremental pull after 100 changed cases: ${after.ms.toFixed(1)} ms, ${after.page.changes.complaints?.length ?? 0} cases, ${(after.body.length / 1000).toFixed(0)} kB`,
);
if (values.compare) {
  const { compare } = await import('./compare.mjs');
  await compare({ app, token: login.json().token, runs: Number(values.compare) });
}
await app.close();
await close();
