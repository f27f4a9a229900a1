/**
 * DCC benchmark over a database filled by bench/dcc/generate.mjs:
 *
 *   DATABASE_URL=… node bench/dcc/run.mjs [--runs 40] [--generate-rounds 1]
 *
 * Each measurement beside the bare SQL doing the same work, in the same run:
 * - generating the cycle's instances (`generateInstances`, on an empty instance table) vs a hand-written
 *   INSERT … SELECT (only with --generate-rounds N > 0: it deletes and remakes the instances, then the
 *   generator's submitted share must be applied again: rerun generate.mjs);
 * - a facilitator's first pull (bench.facilitateur, 30 villages) through GET /api/v1/sync/pull, all pages, vs
 *   the bare queries of the same rows (template, instances of the villages, their CVDs and cantons, forms);
 * - the review queue's first page for the national specialist and within a region, p50/p95, vs the bare
 *   keyset query;
 * - progress (funnel, area × phase, league) for the nation and a region vs bare grouping queries.
 * Requests go through the real app (buildApp + inject: auth, routing, validation, JSON): server times.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/dist/app.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { openBench } from '../reports/db.mjs';
import { percentile, timeRuns } from '../reports/stats.mjs';
import { BARE } from './bare.mjs';
import { CYCLE_NAME, timeGenerate } from './cycle.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    runs: { type: 'string', default: '40' },
    'generate-rounds': { type: 'string', default: '0' },
  },
});
const runs = Number(values.runs);
const { db, services, kind, close } = await openBench(values.pglite);
const [cycle] = await db.query('select id from dcc_cycles where name = $1', [CYCLE_NAME]);
if (!cycle) throw new Error('no bench cycle: run bench/dcc/generate.mjs first');
const cycleId = cycle.id;
const [counts] = await db.query(
  `select count(*)::int as instances, count(*) filter (where status = 'submitted')::int as submitted
     from dcc_task_instances where cycle_id = $1`,
  [cycleId],
);
console.log(`# ${kind}, cycle ${CYCLE_NAME}: ${counts.instances} instances, ${counts.submitted} submitted\n`);
const f = (ms) => `${ms.toFixed(1)} ms`;
const line = (...cells) => console.log(`| ${cells.join(' | ')} |`);

if (Number(values['generate-rounds']) > 0) {
  const g = await timeGenerate(db, cycleId, Number(values['generate-rounds']));
  line('generating instances', 'platform', 'bare SQL');
  line('---', '---', '---');
  line(
    `${g.instances} instances`,
    g.platform.map((m) => `${(m / 1000).toFixed(1)} s`).join(', '),
    g.bare.map((m) => `${(m / 1000).toFixed(1)} s`).join(', '),
  );
  console.log('');
}

const config = {
  ...loadConfig({ COSO_ENV: 'test', DATA_DIR: '/tmp/coso-bench-dcc' }),
  masterKey: Buffer.alloc(32, 1),
};
const app = await buildApp({ config, db, logger: false, services });
async function token(username) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { login: username, password: 'Demo-COSO-2027', deviceName: 'bench' },
  });
  if (res.statusCode !== 201) throw new Error(`token ${username}: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}
async function get(url, headers) {
  const res = await app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}
/** Runs `fn` once to see whether the build serves it; a 404 route is reported, not timed. */
async function served(label, fn) {
  try {
    await fn();
    return true;
  } catch (error) {
    console.log(`| ${label} | not measured: ${String(error.message).slice(0, 120)} |`);
    return false;
  }
}

// A facilitator's first pull: every page, as a new phone does.
const facilitator = await token('bench.facilitateur');
const [fac] = await db.query(`select id from users where username = 'bench.facilitateur'`);
async function fullPull() {
  let cursor;
  let rows = 0;
  let bytes = 0;
  let dcc = 0;
  for (;;) {
    const q = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const res = await get(`/api/v1/sync/pull?${q}`, facilitator);
    const page = res.json();
    bytes += res.body.length;
    for (const [table, list] of Object.entries(page.changes)) {
      rows += list.length;
      if (table.startsWith('dcc')) dcc += list.length;
    }
    cursor = page.cursor;
    if (!page.hasMore) return { rows, dcc, bytes };
  }
}
console.log('| measurement | platform p50 | platform p95 | bare SQL p50 | bare SQL p95 | ratio (p95) |');
console.log('| --- | --- | --- | --- | --- | --- |');
const row = (label, platform, bare) =>
  line(
    label,
    f(percentile(platform, 50)),
    f(percentile(platform, 95)),
    f(percentile(bare, 50)),
    f(percentile(bare, 95)),
    `${(percentile(platform, 95) / percentile(bare, 95)).toFixed(1)}×`,
  );

let pulled;
if (
  await served('first pull', async () => {
    pulled = await fullPull();
  })
) {
  const platform = await timeRuns(Math.min(runs, 10), fullPull);
  const bare = await timeRuns(Math.min(runs, 10), async () =>
    JSON.stringify(await BARE.pull(db, cycleId, fac.id)),
  );
  row(
    `first pull, 30 villages (${pulled.rows} rows, ${pulled.dcc} DCC, ${(pulled.bytes / 1e6).toFixed(1)} MB)`,
    platform,
    bare,
  );
}

const specialist = await token('specialiste.dcc');
const [region] = await db.query(`select id, path, name from geo_units where code = 'TG-K'`);
const queue = (within) =>
  `/api/v1/dcc/task-instances?${new URLSearchParams({ cycleId, status: 'submitted', ...(within ? { areaId: within } : {}) })}`;
for (const [label, within] of [
  ['nation', null],
  [`region ${region.name}`, region],
]) {
  if (await served(`review queue, ${label}`, () => get(queue(within?.id), specialist))) {
    const platform = await timeRuns(runs, () => get(queue(within?.id), specialist));
    const bare = await timeRuns(runs, () => BARE.queue(db, cycleId, within?.path ?? null));
    row(`review queue first page, ${label}`, platform, bare);
  }
}
const progress = (within) =>
  `/api/v1/dcc/progress?${new URLSearchParams({ cycleId, ...(within ? { within } : {}) })}`;
const [country] = await db.query(`select id, path from geo_units where level = 'country'`);
for (const [label, unit] of [
  ['nation', country],
  [`region ${region.name}`, region],
]) {
  if (await served(`progress, ${label}`, () => get(progress(unit.id), specialist))) {
    const platform = await timeRuns(runs, () => get(progress(unit.id), specialist));
    const bare = await timeRuns(runs, () => BARE.progress(db, cycleId, unit.path));
    row(`progress, ${label}`, platform, bare);
  }
}
await app.close();
await close();
