/**
 * Grievance summary benchmark over a generated database (bench/reports/generate.mjs).
 *
 *   DATABASE_URL=… node bench/reports/summary.mjs [--pglite DIR] [--runs 10] [--skip-live]
 *
 * For each account, the p50/p95 of the platform's summary (GET /api/v1/reports/complaints/summary) over all
 * cases, computed live (scope, grouped scan, business-day durations, deadline compliance, vulnerabilities,
 * sensitive total), then from the rollup the worker keeps (modules/grm/reports/rollup.ts), next to a bare SQL
 * counting the same dimensions with grouping sets and no scope, no deadlines and no calendar, so the
 * overhead ratio is visible. Also: the rollup's rebuild time, the map data per commune and the indicators.
 * Then, per dashboard filter (type, category, channel, a period cut inside months, a facilitator's villages,
 * a village drill-down), the summary next to the bare grouping-sets query over the same rows (same filter
 * and area, no deadlines, calendar or medians), interleaved A, B, A, B in the same run (`--filters-only`
 * skips everything else). Target: < 300 ms p95 at 1,000,000 cases.
 */
import { parseArgs } from 'node:util';
import { complaintsByArea } from '../../packages/server/dist/modules/grm/reports/by-area.js';
import { complaintIndicators } from '../../packages/server/dist/modules/grm/reports/indicators.js';
import { refreshRollup } from '../../packages/server/dist/modules/grm/reports/rollup-build.js';
import { complaintSummary } from '../../packages/server/dist/modules/grm/reports/summary.js';
import { loadActor, openBench } from './db.mjs';
import { percentile, timeRuns } from './stats.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    runs: { type: 'string', default: '10' },
    'skip-live': { type: 'boolean', default: false },
    'filters-only': { type: 'boolean', default: false },
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

if (values['filters-only']) {
  await perFilter();
  await close();
  process.exit(0);
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
await perFilter();
await close();

/** The bare grouping query over the rows a filter selects (cases of the account's areas, filter applied). */
function bareFiltered(prefixes, q) {
  const where = ['area_path like any($1::text[])'];
  const params = [prefixes];
  const add = (clause, value) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (q.type) add('type_code = ?', q.type);
  if (q.category) add('category_code = ?', q.category);
  if (q.channel) add('channel_code = ?', q.channel);
  if (q.from) add("received_at >= (?::date)::timestamp at time zone 'UTC'", q.from);
  if (q.to) add("received_at < (?::date + 1)::timestamp at time zone 'UTC'", q.to);
  if (q.areaPath) add('area_path like ?', `${q.areaPath}%`);
  return {
    text: BARE.replace('from complaints', `from complaints where ${where.join(' and ')}`),
    params,
  };
}

/** Summary per filter vs the bare grouping query on the same rows, interleaved (A, B, A, B), fresh rollup. */
async function perFilter() {
  const today = new Date().toISOString().slice(0, 10);
  const started = process.hrtime.bigint();
  await db.transaction((tx) => refreshRollup(tx, today));
  const [{ rows }] = await db.query(
    'select (select count(*) from report_rollup_cells) + (select count(*) from report_rollup_counts) as rows',
  );
  const took = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
  console.log(`\nRollup (village cells, canton sums, slices) rebuilt in ${took} s: ${rows} rows`);
  const month = today.slice(0, 7);
  const prev = new Date(`${month}-01T00:00:00Z`);
  prev.setUTCMonth(prev.getUTCMonth() - 2);
  const partialFrom = `${prev.toISOString().slice(0, 7)}-10`;
  const [village] = await db.query(
    "select id, path from geo_units where level = 'village' order by code limit 1 offset 100",
  );
  const [canton] = await db.query(
    "select id, path from geo_units where level = 'canton' order by code limit 1 offset 10",
  );
  const cases = [
    ['agent.grm', 'no filter', {}],
    ['agent.grm', 'category=works', { category: 'works' }],
    ['agent.grm', 'category=payments', { category: 'payments' }],
    ['agent.grm', 'type=question', { type: 'question' }],
    ['agent.grm', 'channel=sms', { channel: 'sms' }],
    [
      'agent.grm',
      'last 12 whole months, channel=hotline',
      { from: `${Number(month.slice(0, 4)) - 1}-${month.slice(5)}-01`, channel: 'hotline' },
    ],
    ['agent.grm', `canton drill-down (villages)`, { area: canton.id }, canton.path],
    ['agent.grm', `one village, category=works`, { area: village.id, category: 'works' }, village.path],
    ['focal.kara', 'category=targeting', { category: 'targeting' }],
    ['vbg.focal', 'category=gbv_sea', { category: 'gbv_sea' }],
    ['superviseur', 'type=complaint', { type: 'complaint' }],
    ['facilitateur.kara', 'no filter (3 villages)', {}],
    ['facilitateur.kara', 'channel=in_person', { channel: 'in_person' }],
    ['agent.grm', `period inside months (${partialFrom} → today)`, { from: partialFrom }],
    ['agent.grm', 'type + category combined', { type: 'complaint', category: 'works' }],
  ];
  console.log(
    `\nPer filter, ${runs} interleaved runs each (A = summary, B = bare grouping query, same rows)\n`,
  );
  console.log('| account | filter | summary p50 / p95 | bare SQL p50 / p95 | ratio (p50) | cases | source |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [username, label, q, areaPath] of cases) {
    const actor = await loadActor(db, username);
    const bareQ = bareFiltered(
      actor.jurisdictions.map((j) => `${j.path}%`),
      { ...q, areaPath },
    );
    let last;
    const a = [];
    const b = [];
    const time = async (fn) => {
      const t = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const A = () => complaintSummary(db, actor, q).then((r) => (last = r));
    const B = () => db.query(bareQ.text, bareQ.params);
    await A();
    await B();
    for (let i = 0; i < runs; i++) {
      a.push(await time(A));
      b.push(await time(B));
    }
    const ratio = percentile(a, 50) / percentile(b, 50);
    console.log(
      `| ${username} | ${label} | ${fmt(a)} | ${fmt(b)} | ${ratio.toFixed(2)}× | ${last.received} | ${last.source} |`,
    );
  }
}
