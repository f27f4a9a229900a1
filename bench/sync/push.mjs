/**
 * Push benchmark: new cases per second through `POST /api/v1/sync/push`, as phones send them.
 *
 *   DATABASE_URL=…/bench_push node bench/sync/push.mjs [--pglite DIR] [--user facilitateur.kara]
 *       [--creates 200] [--batch 50] [--rounds 3] [--baseline DIR]
 *
 * Requests go through the real application (buildApp + inject: auth, validation, the push's one transaction
 * per mutation, routing, deadlines, events, audit, notifications), with a device token of `--user`, whose
 * villages (Kara for the default facilitator) send every new case to a focal point already holding tens of
 * thousands of open cases at a million cases: the case where routing used to count them all.
 *
 * `--baseline DIR`: another build of the platform (`DIR/packages/server/dist`, e.g. the commit before
 * migration 0019, see bench/README.md) served by a second app on the same database. Rounds alternate
 * (A, B, A, B …) so that both see the same growing database and the same machine load; medians are printed.
 * Each round adds `--creates` cases to the database.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/dist/app.js';
import { openBench } from '../reports/db.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    user: { type: 'string', default: 'facilitateur.kara' },
    creates: { type: 'string', default: '200' },
    batch: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    baseline: { type: 'string' },
  },
});
const creates = Number(values.creates);
const batch = Number(values.batch);

const { db, services, kind, config } = await openBench(values.pglite);
const variants = [{ name: 'platform', app: await buildApp({ config, db, logger: false, services }) }];
if (values.baseline) {
  const dist = path.resolve(values.baseline, 'packages/server/dist');
  const { buildApp: buildBaseline, createServices } = await import(path.join(dist, 'app.js'));
  variants.push({
    name: `baseline (${values.baseline})`,
    app: await buildBaseline({ config, db, logger: false, services: createServices(db, config) }),
  });
}

const villages = await db.query(
  `select j.unit_id as id from user_jurisdictions j join users u on u.id = j.user_id
    where u.username = $1 order by j.unit_id`,
  [values.user],
);
if (!villages.length) throw new Error(`${values.user} has no villages: generate the database first`);

async function deviceHeaders(app) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { login: values.user, password: 'Demo-COSO-2027', deviceName: 'bench-push' },
  });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}
for (const v of variants) v.headers = await deviceHeaders(v.app);

function createMutation(i) {
  return {
    id: randomUUID(),
    type: 'complaint.create',
    clientTime: new Date().toISOString(),
    payload: {
      id: randomUUID(),
      type: 'complaint',
      category: 'works',
      channel: 'in_person',
      description: 'Le forage du quartier est en panne depuis la semaine dernière.',
      villageId: villages[i % villages.length].id,
      complainant: { anonymous: true },
    },
  };
}

/** One round: `creates` new cases in pushes of `batch`; creates per second over the round. */
async function round(v) {
  const started = process.hrtime.bigint();
  for (let done = 0; done < creates; done += batch) {
    const mutations = Array.from({ length: Math.min(batch, creates - done) }, (_, k) =>
      createMutation(done + k),
    );
    const res = await v.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: v.headers,
      payload: { mutations },
    });
    if (res.statusCode !== 200) throw new Error(`${v.name} push: ${res.statusCode} ${res.body}`);
    const bad = res.json().results.filter((r) => r.status !== 'applied');
    if (bad.length) throw new Error(`${v.name} push: ${JSON.stringify(bad[0])}`);
  }
  return creates / (Number(process.hrtime.bigint() - started) / 1e9);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The handler of this user's newest case, with the open cases they hold (counter, and a recount). */
const holderOf = async () =>
  (
    await db.query(
      `select u.username, h.open_cases as counter,
              (select count(*) from complaints o where o.assignee_id = u.id and complaint_status_open(o.status))::int
                as recount
         from complaints c join users u on u.id = c.assignee_id join handler_open_cases h on h.user_id = u.id
        where c.recorded_by = (select id from users where username = $1)
        order by c.created_at desc limit 1`,
      [values.user],
    )
  )[0];

/**
 * The floor: what a commit costs on this machine (one transaction per mutation, as the push does). An
 * empty transaction with a transaction id still writes and flushes its commit record.
 */
async function commitRound() {
  const started = process.hrtime.bigint();
  for (let i = 0; i < creates; i++) await db.transaction((tx) => tx.query('select pg_current_xact_id()'));
  return creates / (Number(process.hrtime.bigint() - started) / 1e9);
}
if (kind === 'postgresql') variants.push({ name: 'bare commits (floor)', round: commitRound });

const [{ n }] = await db.query('select count(*)::int as n from complaints');
const run = (v) => (v.round ? v.round() : round(v));
for (const v of variants) await run(v); // warm-up (JIT, caches), not counted
const holder = await holderOf();
console.log(
  `# ${kind}, ${n} cases; ${values.user} pushes ${creates} creates per round in batches of ${batch}; ` +
    `their handler ${holder.username} holds ${holder.counter} open cases (recount ${holder.recount})\n`,
);
// The routing step alone, alternately: the handler's workload as counted before migration 0019, and read
// from the counter since (20 runs each, medians).
const timed = async (sql) => {
  const t0 = process.hrtime.bigint();
  await db.query(sql, [holder.username]);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const COUNT = `select count(*) from complaints c join users u on u.id = c.assignee_id
                where u.username = $1 and c.status = any(array['received','acknowledged','in_progress',
                  'resolution_proposed','appealed','unresolved','escalated'])`;
const COUNTER = `select h.open_cases from handler_open_cases h join users u on u.id = h.user_id where u.username = $1`;
const [counts, counters] = [[], []];
for (let i = 0; i < 20; i++) {
  counts.push(await timed(COUNT));
  counters.push(await timed(COUNTER));
}
console.log(
  `workload of ${holder.username}: count of open cases ${median(counts).toFixed(2)} ms, ` +
    `counter ${median(counters).toFixed(2)} ms (medians of 20)\n`,
);
const rates = new Map(variants.map((v) => [v.name, []]));
for (let r = 0; r < Number(values.rounds); r++) {
  for (const v of variants) {
    const rate = await run(v);
    rates.get(v.name).push(rate);
    console.log(`round ${r + 1} ${v.name}: ${rate.toFixed(1)} creates/s`);
  }
}
console.log('\n| variant | creates/s (median) | rounds |');
console.log('| --- | --- | --- |');
for (const [name, xs] of rates) {
  console.log(`| ${name} | ${median(xs).toFixed(1)} | ${xs.map((x) => x.toFixed(1)).join(', ')} |`);
}
if (variants.length > 1) {
  const [a, ...others] = [...rates.values()].map(median);
  const names = [...rates.keys()].slice(1);
  for (const [i, b] of others.entries()) console.log(`platform / ${names[i]}: ${(a / b).toFixed(2)}×`);
}
for (const v of variants) await v.app?.close();
await db.close();
