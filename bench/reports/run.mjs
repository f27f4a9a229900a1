/**
 * Case-list and export benchmark over a generated database (bench/reports/generate.mjs).
 *
 *   DATABASE_URL=… node bench/reports/run.mjs [--pglite DIR] [--runs 40] [--export | --export-only]
 *                  [--export-rounds 3] [--formats csv,xlsx]
 *                  [--accounts agent.grm,…] [--queries 'rare word',…]
 *
 * For each demo account and list query, the p50/p95 of the platform's own list (scope rule + filters, as the
 * API runs it) next to the bare SQL doing the same work for that account (area filter, order, limit, no
 * policy), so the overhead ratio is visible. With --export (or --export-only, without the lists), the
 * exports of every case visible to the national grievance officer, CSV and XLSX (--formats), each beside a
 * bare COPY of the same rows, interleaved over --export-rounds rounds (exportBench below).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listComplaints } from '../../packages/server/dist/modules/grm/complaints/list.js';
import { loadActor, openBench } from './db.mjs';
import { percentile, timeRuns } from './stats.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    runs: { type: 'string', default: '40' },
    export: { type: 'boolean', default: false },
    // Only the export part (no list timings), its rounds and formats.
    'export-only': { type: 'boolean', default: false },
    'export-rounds': { type: 'string', default: '3' },
    formats: { type: 'string', default: 'csv,xlsx' },
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

const pick = (all, list) => (list ? all.filter((x) => list.split(',').includes(x)) : all);
const accounts = values['export-only'] ? [] : pick(ACCOUNTS, values.accounts);
if (accounts.length) {
  console.log('| account | query | platform p50 | platform p95 | bare SQL p95 | ratio |');
  console.log('|---|---|---|---|---|---|');
}
for (const username of accounts) {
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

if (values.export || values['export-only']) exportBench();

/**
 * Each export (case list, analysts' dataset; CSV and XLSX) beside a bare COPY of the same rows, columns and
 * order, interleaved in the same run (export, COPY, export, COPY, …), each in a child process of its own so
 * that its peak RSS is its own. Medians and the ratio to COPY's median; COPY needs PostgreSQL.
 */
function exportBench() {
  const rounds = Number(values['export-rounds']);
  const once = (args) => {
    const child = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('./export.mjs', import.meta.url)),
        ...args,
        ...(values.pglite ? ['--pglite', values.pglite] : []),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: process.env, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`export.mjs ${args.join(' ')} failed`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1));
  };
  const median = (xs) => percentile(xs, 50);
  console.log(`\n## Exports vs COPY (${rounds} interleaved rounds, medians)\n`);
  console.log(
    '| export | rows | export s | COPY s | ratio | export rows/s | COPY rows/s | export peak RSS | MB out |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const kind of ['list', 'analyst']) {
    for (const format of values.formats.split(',')) {
      const a = [];
      const b = [];
      for (let r = 0; r < rounds; r++) {
        a.push(once(['--kind', kind, '--format', format, '--mode', 'export']));
        if (!values.pglite) b.push(once(['--kind', kind, '--mode', 'copy']));
      }
      const sa = median(a.map((x) => x.seconds));
      const sb = b.length ? median(b.map((x) => x.seconds)) : Number.NaN;
      const rss = Math.max(...a.map((x) => x.peakMb));
      console.log(
        `| ${kind} ${format.toUpperCase()} | ${a[0].rows} (COPY ${b[0]?.rows ?? '–'}) | ${sa.toFixed(1)} | ${sb.toFixed(1)} | ${(sa / sb).toFixed(2)}× | ${Math.round(a[0].rows / sa)} | ${Math.round((b[0]?.rows ?? 0) / sb)} | ${rss.toFixed(0)} MB (max) | ${(a[0].bytes / 1e6).toFixed(0)} |`,
      );
      console.log(
        `<!-- ${kind} ${format}: export s ${a.map((x) => x.seconds.toFixed(1)).join(', ')}; COPY s ${b.map((x) => x.seconds.toFixed(1)).join(', ')} -->`,
      );
    }
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
