/**
 * Fills a database for the DCC benchmark (bench/dcc/run.mjs):
 *
 *   DATABASE_URL=… node bench/dcc/generate.mjs [--villages 10000] [--seed dcc15] [--submitted 50000]
 *
 * 1. the demo geography and accounts (as `npm start`), then 10,000 villages with their CVDs, cantons and
 *    communes under the demo prefectures (geo.mjs, set-based SQL, deterministic);
 * 2. the cycle "COSO bench" from the COSO seed template over the bench communes (the cycle service), a
 *    facilitator `bench.facilitateur` assigned to 30 villages of one commune's cantons;
 * 3. the task instances through the module's `generateInstances` (≈ 500,000), timed;
 * 4. 50,000 of them submitted (set-based SQL: answers, version 2, a 'submitted' event, submitted_at spread over
 *    60 days), then VACUUM (ANALYZE).
 * Each step is skipped when already done, so a rerun continues. Needs `npm run build` (the server's dist).
 */
import { parseArgs } from 'node:util';
import { openBench } from '../reports/db.mjs';
import { benchCommunes, geographyPresent, insertGeography } from './geo.mjs';

const { values } = parseArgs({
  options: {
    villages: { type: 'string', default: '10000' },
    seed: { type: 'string', default: 'dcc15' },
    submitted: { type: 'string', default: '50000' },
    pglite: { type: 'string' },
    // Geography only (while the module's services are not there yet).
    'geo-only': { type: 'boolean', default: false },
  },
});

const { db, services, close } = await openBench(values.pglite);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
try {
  if ((await geographyPresent(db)) === 0) {
    const counts = await db.transaction((tx) =>
      insertGeography(tx, { villages: Number(values.villages), seed: values.seed }),
    );
    console.log(`geography: ${JSON.stringify(counts)} (${elapsed()})`);
  } else {
    console.log(`geography: ${await geographyPresent(db)} bench villages already there`);
  }
  if (!values['geo-only']) {
    const { assignFacilitators, createBenchCycle, markSubmitted, timeGenerate } = await import('./cycle.mjs');
    const cycle = await createBenchCycle(db, services, await benchCommunes(db));
    console.log(`cycle ${cycle.id}: ${cycle.tasks} tasks (${elapsed()})`);
    const assigned = await assignFacilitators(db, services, cycle.id, values.seed);
    console.log(`assignments: ${assigned} villages (${elapsed()})`);
    if (cycle.instances === 0) {
      const { platform, bare, instances } = await timeGenerate(db, cycle.id);
      console.log(
        `generateInstances: ${instances} instances in ${(platform[0] / 1000).toFixed(1)} s (bare SQL ${(bare[0] / 1000).toFixed(1)} s)`,
      );
      // Active, as the cycle service's activation leaves it (its instances are there already).
      await db.query(`update dcc_cycles set status = 'active' where id = $1`, [cycle.id]);
    } else {
      console.log(`instances: ${cycle.instances} already there`);
    }
    const submitted = await markSubmitted(db, cycle.id, Number(values.submitted), values.seed);
    console.log(`submitted: ${submitted} (${elapsed()})`);
  }
  console.log('vacuum analyze…');
  await db.exec('vacuum (analyze)');
  console.log(`done in ${elapsed()}`);
} finally {
  await close();
}
