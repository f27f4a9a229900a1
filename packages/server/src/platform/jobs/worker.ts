import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { RootDb } from '../../db/driver.js';
import { type Clock, systemClock } from '../../lib/clock.js';
import type { Vault } from '../../vault/vault.js';
import type { ExportService } from '../exports/jobs.js';
import { createJobRegistry, JOB_LOCK, type JobContext, type JobDefinition, lockIdOf } from './registry.js';
import { claim, dueKeys, ensureRows, recordFailure, recordSuccess } from './state-repo.js';

/** How often the worker reads which jobs are due (their schedule and "run now" requests live in job_state). */
export const TICK_MS = 1_000;

/**
 * Runs the registered jobs in-process (docs/decisions/0020-named-jobs.md). Every TICK_MS it reads the jobs due
 * in `job_state` and starts each one not already running here; a run holds the job's lock (Db.exclusive with
 * a key derived from the job's key: a session advisory lock on PostgreSQL), re-checks that the job is still
 * due, runs it and records the outcome. With several processes on one database a job thus runs in one of
 * them at a time, once per period across all of them. A failing job records its error and is retried after
 * its backoff; it never stops the others.
 *
 * `clock` is the business clock the jobs get (deadlines, reports); the schedule and the recorded state use
 * `now` (real time by default).
 */
export function startWorker({
  db,
  config,
  log,
  vault,
  exports,
  jobs,
  clock = systemClock,
  now = () => new Date(),
  tickMs = TICK_MS,
}: {
  db: RootDb;
  config: Config;
  log: FastifyBaseLogger;
  vault: Vault;
  exports: ExportService;
  jobs: readonly JobDefinition[];
  clock?: Clock;
  now?: () => Date;
  tickMs?: number;
}) {
  const registry = createJobRegistry(jobs);
  const aborter = new AbortController();
  const ctx: JobContext = { db, config, log, vault, exports, clock, signal: aborter.signal };
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const execute = async (job: JobDefinition, force: boolean) => {
    const ran = await db.exclusive([JOB_LOCK, lockIdOf(job.key)], async () => {
      if (!(await claim(db, job.key, now(), force))) return;
      try {
        await job.run(ctx);
      } catch (err) {
        log.error({ err, job: job.key }, 'job failed');
        await recordFailure(db, job, now(), err instanceof Error ? err.message : String(err));
        return;
      }
      await recordSuccess(db, job, now());
    });
    if (!ran && force) log.info({ job: job.key }, 'job already running elsewhere');
  };

  /** Starts a run unless one is going on in this process; resolves when that run ends. */
  const launch = (job: JobDefinition, force: boolean): Promise<void> => {
    const current = running.get(job.key);
    if (current) return current;
    const run = execute(job, force)
      .catch((err) => log.error({ err, job: job.key }, 'job state not recorded'))
      .finally(() => running.delete(job.key));
    running.set(job.key, run);
    return run;
  };

  const ready = ensureRows(db, jobs, now()).catch((err) => log.error({ err }, 'job state not initialised'));
  let ticking: Promise<void> | undefined;
  const tick = () => {
    if (stopped || ticking) return;
    ticking = (async () => {
      try {
        await ready;
        for (const key of await dueKeys(db, now())) {
          const job = registry.get(key);
          if (job && !stopped) void launch(job, false);
        }
      } catch (err) {
        log.error({ err }, 'job worker tick failed');
      } finally {
        ticking = undefined;
      }
    })();
  };
  const timer = setInterval(tick, tickMs);

  return {
    /** Runs every job once now, due or not (tests, and a catch-up); resolves when all have ended. */
    runAll: async () => {
      await ready;
      await Promise.all([...registry.values()].map((job) => launch(job, true)));
    },
    /** Stops the schedule, tells looping jobs to end, and waits for the runs in progress (then close the db). */
    async stop() {
      stopped = true;
      clearInterval(timer);
      aborter.abort();
      await ticking;
      await ready;
      await Promise.all(running.values());
    },
  };
}

export type Worker = ReturnType<typeof startWorker>;
