/**
 * Grievance summary benchmark over a generated database (bench/reports/generate.mjs).
 *
 *   DATABASE_URL=… node bench/reports/summary.mjs [--pglite DIR] [--runs 10] [--skip-live]
 *
 * For each account, the p50/p95 of the platform's summary (GET /api/v1/reports/complaints/summary) over all
 * cases, computed live (scope, grouped scan, business-day durations, deadline compliance, vulnerabilities,
 * sensitive total), then from the rollup the worker keeps (modules/reports/rollup.ts), next to a bare SQL
 * counting the same dimensions with grouping sets and no scope, no deadlines and no calendar, so the
 * overhead ratio is visible. Also: the rollup's rebuild time, the map data per commune and the indicators.
 * Target: < 300 ms at 1,000,000 cases.
 */
import { parseArgs } from 'node:util';
import { complaintsByArea } from '../../packages/server/dist/modules/reports/by-area.js';
import { complaintIndicators } from '../../packages/server/dist/modules/reports/indicators.js';
import { refreshRollup } from '../../packages/server/dist/modules/reports/rollup-build.js';
import { complaintSummary } from '../../packages/server/dist/modules/reports/summary.js';
import { loadActor, openBench } from './db.mjs';
import { percentile, timeRuns } from './stats.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    runs: { type: 'string', default: '10' },
    'skip-live': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const { db, kind, close } = await openBench(values.pglite);
const [{ n }] = await db.query('select count(*)::int as n from complaints');
console.log(`# ${kind}, ${n} cases, ${runs} runs per query\n`);

const BARE = `select status, type_code, category_code, channel_code, gender, age_group,
                    to_char(received_at, 'YYYY-MM') as month, count(*)
               from complaints
              group by grouping sets ((status), (type_code), (category_code), (channel_code), (gender),
                                      (age_group), (to_char(received_at, 'YYYY-MM')), ())`;
const bare = await timeRuns(runs, () => db.query(BARE));
const fmt = (t) => `${percentile(t, 50).toFixed(0)} / ${percentile(t, 95).toFixed(0)} ms`;
const ACCOUNTS = ['agent.grm', 'focal.kara', 'vbg.focal', 'superviseur'];

async function table(title, query) {
  console.log(`\n${title}\n`);
  console.log('| account | summary p50 / p95 | bare SQL p50 / p95 | ratio (p50) | cases counted | source |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const username of ACCOUNTS) {
    const actor = await loadActor(db, username);
    let last;
    const times = await timeRuns(runs, async () => {
      last = await complaintSummary(db, actor, query);
    });
    const ratio = percentile(times, 50) / percentile(bare, 50);
    console.log(
      `| ${username} | ${fmt(times)} | ${fmt(bare)} | ${ratio.toFixed(2)}× | ${last.received} | ${last.source} |`,
    );
  }
}

await db.query('delete from report_rollup_state');
if (!values['skip-live']) await table('Live (no rollup)', {});

const today = new Date().toISOString().slice(0, 10);
const started = process.hrtime.bigint();
await db.transaction((tx) => refreshRollup(tx, today));
const [{ rows }] = await db.query(
  'select (select count(*) from report_rollup_cells) + (select count(*) from report_rollup_counts) as rows',
);
console.log(
  `\nRollup rebuilt in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s: ${rows} rows`,
);
await table('From the rollup', {});
await table('From the rollup, one quarter', { from: '2026-01-01', to: '2026-03-31' });

const officer = await loadActor(db, 'agent.grm');
console.log('\n| other query (agent.grm) | p50 / p95 | source |');
console.log('| --- | --- | --- |');
for (const [label, fn] of [
  ['map data per commune', () => complaintsByArea(db, officer, { level: 'commune', version: 'internal' })],
  [
    'map data per canton, public',
    () => complaintsByArea(db, officer, { level: 'canton', version: 'public' }),
  ],
  ['indicators, 12 months', () => complaintIndicators(db, officer, { months: 12 })],
]) {
  let last;
  const times = await timeRuns(runs, async () => {
    last = await fn();
  });
  console.log(`| ${label} | ${fmt(times)} | ${last.source ?? 'rollup (summary)'} |`);
}
await close();
