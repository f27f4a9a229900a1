/**
 * Times `generateInstances` of two builds on the generated bench database, alternately (A B A B …), without
 * losing the instances' statuses: each round deletes the bench cycle's instances, regenerates them and rolls
 * back, all in one transaction.
 *
 *   DATABASE_URL=… node bench/dcc/generate-ab.mjs --a /path/to/other/build [--rounds 2]
 *
 * A is the build at `--a` (a checkout with its own `packages/server/dist`), B this one. The deleted rows stay
 * in the indexes until the rollback, so both builds insert under the same conditions, a little slower than on
 * an empty table (bench/dcc/run.mjs --generate-rounds times that, and deletes the statuses).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openBench } from '../reports/db.mjs';
import { CYCLE_NAME } from './cycle.mjs';

const { values } = parseArgs({
  options: { a: { type: 'string' }, rounds: { type: 'string', default: '2' } },
});
if (!values.a) throw new Error('--a <build folder> is required');
const dist = (root) => resolve(root, 'packages/server/dist/modules/dcc/instances/generate.js');
const builds = [
  ['A', (await import(dist(values.a))).generateInstances],
  ['B', (await import(dist(new URL('../..', import.meta.url).pathname))).generateInstances],
];

const { db, close } = await openBench();
const ROLLBACK = new Error('rollback');
try {
  const [{ id: cycleId }] = await db.query('select id from dcc_cycles where name = $1', [CYCLE_NAME]);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, generate] of builds) {
      let line = '';
      await db
        .transaction(async (tx) => {
          await tx.query('alter table dcc_task_instances disable trigger dcc_task_instances_sync_delete');
          await tx.query('delete from dcc_task_instances where cycle_id = $1', [cycleId]);
          const started = process.hrtime.bigint();
          const made = await generate(tx, cycleId);
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          line = `${name}: ${made} instances in ${(ms / 1000).toFixed(1)} s`;
          throw ROLLBACK;
        })
        .catch((e) => {
          if (e !== ROLLBACK) throw e;
        });
      console.log(`${line} (load average ${loadavg()[0].toFixed(1)})`);
    }
  }
} finally {
  await close();
}
