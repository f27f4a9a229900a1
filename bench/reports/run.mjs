/**
 * Case-list and export benchmark over a generated database (bench/reports/generate.mjs).
 *
 *   DATABASE_URL=… node bench/reports/run.mjs [--pglite DIR] [--runs 40] [--export]
 *                  [--accounts agent.grm,…] [--queries 'rare word',…]
 *
 * For each demo account and list query, the p50/p95 of the platform's own list (scope rule + filters, as the
 * API runs it) next to the bare SQL doing the same work for that account (area filter, order, limit, no
 * policy), so the overhead ratio is visible. With --export, the CSV export of every case visible to the
 * national grievance officer runs in a child process that reports its time and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listComplaints } from '../../packages/server/dist/modules/complaints/list.js';
import { loadActor, openBench } from './db.mjs';
import { percentile, timeRuns } from './stats.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    runs: { type: 'string', default: '40' },
    export: { type: 'boolean', default: false },
    // Comma-separated subsets, to look at one case: --accounts facilitateur.kara --queries overdue
    accounts: { type: 'string' },
    queries: { type: 'string' },
  },
});
const runs = Number(values.runs);
const { db, kind, close } = await openBench(values.pglite);
const [{ n }] = await db.query('select count(*)::int as n from complaints');
console.log(`# ${kind}, ${n} cases, ${runs} runs per query\n`);

const ACCOUNTS = ['agent.grm', 'focal.kara', 'facilitateur.kara', 'vbg.focal', 'superviseur'];
const QUERIES = {
  'first page': {},
  'status in_progress': { status: ['in_progress'] },
  'text search': { q: 'forage' },
  'rare word': { q: 'magasinier' },
  'reference fragment': { q: 'MGP-2025-00' },
  overdue: { overdue: 'true' },
  'due date order': { sort: 'due_asc' },
};
const today = new Date().toISOString().slice(0, 10);

console.log('| account | query | platform p50 | platform p95 | bare SQL p95 | ratio |');
console.log('|---|---|---|---|---|---|');
const pick = (all, list) => (list ? all.filter((x) => list.split(',').includes(x)) : all);
for (const username of pick(ACCOUNTS, values.accounts)) {
  const actor = await loadActor(db, username);
  for (const [label, filter] of Object.entries(QUERIES).filter(([l]) => pick([l], values.queries).length)) {
    const f = { sort: 'received_desc', ...filter, today };
    const platform = await timeRuns(runs, () => listComplaints(db, actor, f, undefined, 50));
    // The naive query of a rare word walks every case: timed once when it takes seconds.
    const bare = await timeRuns(runs, () => bareList(actor, f), 2000);
    const p95 = percentile(platform, 95);
    const b95 = percentile(bare, 95);
    console.log(
      `| ${username} | ${label} | ${percentile(platform, 50).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${b95.toFixed(1)} ms | ${(p95 / b95).toFixed(1)}× |`,
    );
  }
}
await close();

if (values.export) {
  for (const kind of ['list', 'analyst']) {
    const child = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('./export.mjs', import.meta.url)),
        '--kind',
        kind,
        ...(values.pglite ? ['--pglite', values.pglite] : []),
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: process.env,
      },
    );
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
}

/** The same page without the platform: the account's areas, the filter, the order and the limit. */
function bareList(actor, f) {
  const params = [actor.jurisdictions.map((j) => `${j.path}%`)];
  const where = ['area_path like any($1::text[])'];
  if (f.status) where.push(`status = any($${params.push(f.status)}::text[])`);
  if (f.q && /\d/.test(f.q)) where.push(`reference ilike $${params.push(`%${f.q}%`)}`);
  else if (f.q) where.push(`search @@ websearch_to_tsquery('french', $${params.push(f.q)})`);
  if (f.overdue) where.push(`next_due_date < $${params.push(today)}::date`);
  const order =
    f.sort === 'due_asc' ? `coalesce(next_due_date, '9999-12-31'::date), id` : 'received_at desc, id desc';
  return db.query(`select * from complaints where ${where.join(' and ')} order by ${order} limit 50`, params);
}
