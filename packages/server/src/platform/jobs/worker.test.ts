import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../context.js';
import { fakeClock } from '../../lib/clock.js';
import { createTestApp, makeTree, makeUser, type TestApp } from '../../test/harness.js';
import { startWorker } from './worker.js';

let t: TestApp;
let dataDir: string;
const log = pino({ level: process.env.JOB_TEST_LOG ?? 'silent' });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'coso-worker-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  const tree = await makeTree(t.db);
  await makeUser(t, ['focal_point'], [tree.a.region]);
  // Cases whose deadlines are long past (the scan has work) and last month's reports to render (the
  // periodic-reports task writes files): a pass that waits on files and rendering while it runs.
  for (let i = 0; i < 6; i++)
    await t.services.complaints.create(SYSTEM_CONTEXT, {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
      villageId: tree.a.villages[0]!.id,
      receivedAt: '2026-03-02T09:00:00Z',
      ongoing: false,
      recurring: false,
      complainant: { anonymous: true, kind: 'individual', vulnerabilities: [], confidential: true },
    } as never);
});
afterAll(() => t.close());

const worker = (jobs = t.services.jobs) =>
  startWorker({
    db: t.db,
    config: t.config,
    log,
    vault: t.services.vault,
    exports: t.services.exports,
    jobs,
    clock: fakeClock('2026-05-04T08:00:00Z'),
  });

describe('job worker', () => {
  // Between two statements any transaction is briefly "idle in transaction"; one that waits on files or
  // rendering stays so for far longer than a round trip. The jobs run one after the other here: run together
  // (as runAll does), one job's synchronous rendering holds the event loop, and another job's transaction
  // then waits between two statements for as long, which says nothing about either job.
  it('holds no transaction open while a pass waits on files or rendering, and leaves none after it', async () => {
    const url = process.env.DATABASE_URL;
    const watching = t.db.kind === 'postgres' && url;
    const [{ name }] = await t.db.query<{ name: string }>('select current_database() as name');
    const watcher = watching ? new pg.Client({ connectionString: url }) : undefined;
    await watcher?.connect();
    const seen: string[] = [];
    let passing = true;
    const sample = async () => {
      while (watcher && passing) {
        const { rows } = await watcher.query<{ state: string; query: string }>(
          `select state, query from pg_stat_activity
            where datname = $1 and state like 'idle in transaction%'
              and clock_timestamp() - state_change > interval '250 milliseconds'`,
          [name],
        );
        seen.push(...rows.map((r) => `${r.state}: ${r.query}`));
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const sampling = sample();
    let stopMs = 0;
    for (const job of t.services.jobs) {
      const w = worker([job]);
      await w.runAll();
      const start = Date.now();
      await w.stop();
      stopMs = Math.max(stopMs, Date.now() - start);
    }
    passing = false;
    await sampling;
    const reports = await t.db.query('select id from report_runs');
    expect(reports.length).toBeGreaterThan(0);
    expect(await t.db.query("select 1 from complaint_events where kind = 'deadline_breached'")).not.toEqual(
      [],
    );
    expect(stopMs).toBeLessThan(2000);
    if (watcher) {
      const { rows } = await watcher.query(
        `select state from pg_stat_activity where datname = $1 and state like 'idle in transaction%'`,
        [name],
      );
      await watcher.end();
      expect(rows).toEqual([]);
      expect(seen).toEqual([]);
    }
  });

  it('stop() waits for a pass in progress and then returns', async () => {
    const w = worker();
    const pass = w.runAll();
    const start = Date.now();
    await w.stop();
    expect(Date.now() - start).toBeLessThan(10_000);
    // Nothing of the pass runs after stop() returned: the database can be closed now.
    let settled = false;
    void pass.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(true);
  });
});
