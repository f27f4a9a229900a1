import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { RootDb } from '../../db/driver.js';
import { openPostgres } from '../../db/postgres.js';
import { GRM_JOBS } from '../../modules/grm/jobs.js';
import { openTestDatabase } from '../../test/database.js';
import { createVault } from '../../vault/vault.js';
import { createExportService } from '../exports/jobs.js';
import { PLATFORM_JOBS } from './platform-jobs.js';
import { createJobRegistry, type JobDefinition, lockIdOf, retryDelayMs } from './registry.js';
import { ensureRows, listStates, requestRun } from './state-repo.js';
import { startWorker } from './worker.js';

const log = pino({ level: process.env.JOB_TEST_LOG ?? 'silent' });
const masterKey = randomBytes(32).toString('base64');
const config = loadConfig({ COSO_ENV: 'test', DATA_DIR: '/tmp/coso-test', COSO_MASTER_KEY: masterKey });
const vault = createVault(Buffer.from(masterKey, 'base64'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: RootDb;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(() => drop());

const job = (key: string, run: JobDefinition['run'], extra: Partial<JobDefinition> = {}): JobDefinition => ({
  key,
  description: key,
  everyMs: 60_000,
  firstRunAfterMs: 0,
  run,
  ...extra,
});
const start = (jobs: JobDefinition[], on: RootDb = db) =>
  startWorker({
    db: on,
    config,
    log,
    vault,
    exports: createExportService({ db: on, dataDir: config.dataDir }),
    jobs,
    tickMs: 10,
  });
const stateOf = async (key: string) => (await listStates(db)).find((s) => s.key === key);
async function until(what: () => Promise<boolean>, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

describe('job registry', () => {
  it('derives a stable lock id from the key alone, and refuses bad or duplicate keys', () => {
    expect(lockIdOf('grm.deadline-scan')).toBe(lockIdOf('grm.deadline-scan'));
    expect(Number.isInteger(lockIdOf('platform.purge-auth'))).toBe(true);
    expect(Math.abs(lockIdOf('platform.purge-auth'))).toBeLessThan(2 ** 31);
    const keys = [...PLATFORM_JOBS, ...GRM_JOBS].map((j) => j.key);
    expect(new Set(keys.map(lockIdOf)).size).toBe(keys.length);
    expect(() => createJobRegistry([...PLATFORM_JOBS, ...GRM_JOBS])).not.toThrow();
    expect(() => createJobRegistry([job('a.b', async () => {}), job('a.b', async () => {})])).toThrow(
      /twice/,
    );
    expect(() => createJobRegistry([job('NoModule', async () => {})])).toThrow(/<module>\.<name>/);
    expect(retryDelayMs({ attempts: 5, backoffMs: 100, maxBackoffMs: 300 }, 1)).toBe(100);
    expect(retryDelayMs({ attempts: 5, backoffMs: 100, maxBackoffMs: 300 }, 2)).toBe(200);
    expect(retryDelayMs({ attempts: 5, backoffMs: 100, maxBackoffMs: 300 }, 3)).toBe(300);
  });
});

describe('job worker', () => {
  it('at start, a catch-up job is due within its first delay; the others keep their schedule', async () => {
    const t0 = new Date('2026-05-04T08:00:00Z');
    const jobs = [
      job('test.catch-up', async () => {}, { firstRunAfterMs: 5_000, everyMs: 300_000 }),
      job('test.hourly', async () => {}, { firstRunAfterMs: undefined, everyMs: 3_600_000 }),
    ];
    await ensureRows(db, jobs, t0);
    const next = async () => [
      (await stateOf('test.catch-up'))?.nextRunAt,
      (await stateOf('test.hourly'))?.nextRunAt,
    ];
    expect(await next()).toEqual([new Date('2026-05-04T08:00:05Z'), new Date('2026-05-04T09:00:00Z')]);
    await db.query(
      "update job_state set next_run_at = '2026-05-04T20:00:00Z' where key in ('test.catch-up', 'test.hourly')",
    );
    await ensureRows(db, jobs, new Date('2026-05-04T10:00:00Z'));
    expect(await next()).toEqual([new Date('2026-05-04T10:00:05Z'), new Date('2026-05-04T20:00:00Z')]);
  });

  it('records a failure with its error, retries with backoff, and keeps running the other jobs', async () => {
    let tries = 0;
    let steady = 0;
    const seen: { status: string; attempts: number; error: string | null; wait: number }[] = [];
    const flaky = job(
      'test.flaky',
      async () => {
        tries += 1;
        if (tries < 3) throw new Error(`boom ${tries}`);
      },
      { retry: { attempts: 3, backoffMs: 150 } },
    );
    const w = start([
      flaky,
      job(
        'test.steady',
        async () => {
          steady += 1;
        },
        { everyMs: 20 },
      ),
    ]);
    for (const n of [1, 2]) {
      await until(async () => (await stateOf('test.flaky'))?.attempts === n);
      const s = (await stateOf('test.flaky'))!;
      seen.push({
        status: s.status,
        attempts: s.attempts,
        error: s.lastError,
        wait: s.nextRunAt.getTime() - s.lastFinishedAt!.getTime(),
      });
    }
    await until(async () => (await stateOf('test.flaky'))?.status === 'ok');
    await w.stop();
    expect(seen).toEqual([
      { status: 'failed', attempts: 1, error: 'boom 1', wait: 150 },
      { status: 'failed', attempts: 2, error: 'boom 2', wait: 300 },
    ]);
    const s = (await stateOf('test.flaky'))!;
    expect(s).toMatchObject({ status: 'ok', attempts: 0, lastError: null });
    expect(s.nextRunAt.getTime() - s.lastFinishedAt!.getTime()).toBe(60_000);
    expect(tries).toBe(3);
    expect(steady).toBeGreaterThan(3);
  });

  it('once its attempts are spent, a failing job waits for its next period', async () => {
    const w = start([
      job('test.broken', () => Promise.reject(new Error('down')), { retry: { attempts: 2, backoffMs: 10 } }),
    ]);
    await until(async () => (await stateOf('test.broken'))?.attempts === 2);
    await w.stop();
    const s = (await stateOf('test.broken'))!;
    expect(s.status).toBe('failed');
    expect(s.nextRunAt.getTime() - s.lastFinishedAt!.getTime()).toBe(60_000);
  });

  it('runs a job at once when asked, and again right after a run that the request arrived during', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const w = start([
      job(
        'test.on-demand',
        async () => {
          runs += 1;
          if (runs === 2) await new Promise<void>((r) => (release = r));
        },
        { everyMs: 3_600_000, firstRunAfterMs: 3_600_000 },
      ),
    ]);
    await sleep(50);
    expect(runs).toBe(0);
    await requestRun(db, 'test.on-demand', new Date());
    await until(async () => runs === 1 && (await stateOf('test.on-demand'))?.status === 'ok');
    await requestRun(db, 'test.on-demand', new Date());
    await until(async () => runs === 2);
    expect((await stateOf('test.on-demand'))?.status).toBe('running');
    await requestRun(db, 'test.on-demand', new Date());
    release();
    await until(async () => runs === 3);
    await w.stop();
    expect((await stateOf('test.on-demand'))?.requestedAt).toBeNull();
  });

  it('stop() tells a looping job to end and waits for it', async () => {
    let ended = false;
    const w = start([
      job('test.loop', async ({ signal }) => {
        while (!signal.aborted) await sleep(5);
        await sleep(50);
        ended = true;
      }),
    ]);
    await until(async () => (await stateOf('test.loop'))?.status === 'running');
    await w.stop();
    expect(ended).toBe(true);
    expect((await stateOf('test.loop'))?.status).toBe('ok');
  });

  it.runIf(process.env.TEST_DB === 'postgres')(
    'two processes on one database run a job in one of them at a time',
    async () => {
      const [{ name }] = await db.query<{ name: string }>('select current_database() as name');
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const other = await openPostgres(url.toString(), 2);
      let inside = 0;
      let most = 0;
      const runs = { a: 0, b: 0 };
      const shared = (who: 'a' | 'b') =>
        job(
          'test.shared',
          async () => {
            inside += 1;
            most = Math.max(most, inside);
            runs[who] += 1;
            await sleep(40);
            inside -= 1;
          },
          { everyMs: 1 },
        );
      const a = start([shared('a')]);
      const b = start([shared('b')], other);
      await Promise.all([a.runAll(), b.runAll(), sleep(1_500)]);
      await Promise.all([a.stop(), b.stop()]);
      await other.close();
      expect(most).toBe(1);
      expect(runs.a + runs.b).toBeGreaterThan(5);
    },
  );
});
