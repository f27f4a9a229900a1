/**
 * Grievance summary benchmark over a generated database (bench/reports/generate.mjs).
 *
 *   DATABASE_URL=… node bench/reports/summary.mjs [--pglite DIR] [--runs 10]
 *
 * For each account, the p50/p95 of the platform's summary (GET /api/v1/reports/complaints/summary: scope,
 * grouped scan, business-day durations, deadline compliance, vulnerabilities, sensitive total) over all
 * cases, next to a bare SQL counting the same dimensions with grouping sets and no scope, no deadlines and
 * no calendar, so the overhead ratio is visible. Target: < 300 ms at 1,000,000 cases.
 */
import { parseArgs } from 'node:util';
import { complaintSummary } from '../../packages/server/dist/modules/reports/summary.js';
import { loadActor, openBench } from './db.mjs';
import { percentile, timeRuns } from './stats.mjs';

const { values } = parseArgs({
  options: { pglite: { type: 'string' }, runs: { type: 'string', default: '10' } },
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
console.log('| account | summary p50 / p95 | bare SQL p50 / p95 | ratio (p50) | cases counted |');
console.log('| --- | --- | --- | --- | --- |');
for (const username of ['agent.grm', 'focal.kara', 'vbg.focal', 'superviseur']) {
  const actor = await loadActor(db, username);
  let counted = 0;
  const times = await timeRuns(runs, async () => {
    counted = (await complaintSummary(db, actor, {})).received;
  });
  const ratio = percentile(times, 50) / percentile(bare, 50);
  console.log(`| ${username} | ${fmt(times)} | ${fmt(bare)} | ${ratio.toFixed(1)}× | ${counted} |`);
}
await close();
