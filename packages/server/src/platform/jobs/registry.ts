import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { RootDb } from '../../db/driver.js';
import type { Clock } from '../../lib/clock.js';
import type { Vault } from '../../vault/vault.js';
import type { ExportService } from '../exports/jobs.js';

/**
 * What a job runs with. `clock` is the business clock ("today" for deadlines and reports: fake in tests); the
 * worker's own schedule and the visible state use real time. `signal` aborts when the worker stops: a job that
 * loops (the notification sender's batches) ends its loop, one that does a single pass ignores it.
 */
export interface JobContext {
  db: RootDb;
  config: Config;
  clock: Clock;
  log: FastifyBaseLogger;
  vault: Vault;
  /** The composition root's export service (background exports and their files). */
  exports: ExportService;
  signal: AbortSignal;
}

export type JobDeps = Omit<JobContext, 'signal'>;

/** Tries per due run, the first included; the n-th retry waits `backoffMs · 2^(n-1)`, at most `maxBackoffMs`. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
  maxBackoffMs?: number;
}

/**
 * A background job, registered by the platform (platform/jobs/platform-jobs.ts) or by a module (its `jobs`,
 * e.g. modules/grm/jobs.ts). The key is its identity: it names the row of `job_state`, derives the lock that
 * keeps a run to one process at a time, and is what an administrator runs from `POST /api/jobs/:key/run`.
 * Never rename a key once shipped (its state row and lock would start afresh).
 */
export interface JobDefinition {
  /** `<module>.<name>`, lower-case: 'platform.purge-auth', 'grm.deadline-scan'. */
  key: string;
  /** One line for administrators and maintainers (English; the web app has its own French/English labels). */
  description: string;
  /** Period between the end of a run and the next one (a short period makes a polled job). */
  everyMs: number;
  /** First run after the worker starts (default: `everyMs`); a catch-up job runs soon after start. */
  firstRunAfterMs?: number;
  /** Default: one attempt (a failure waits for the next period). */
  retry?: RetryPolicy;
  /**
   * Runs under the job's lock (Db.exclusive) but in no transaction: a job opens short transactions of its own
   * for database work only, and does file I/O or rendering outside them.
   */
  run(ctx: JobContext): Promise<void>;
}

export const JOB_KEY = /^[a-z][a-z0-9]*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks keys and periods, and that no key is registered twice; returns the jobs by key, in order. */
export function createJobRegistry(jobs: readonly JobDefinition[]): ReadonlyMap<string, JobDefinition> {
  const byKey = new Map<string, JobDefinition>();
  for (const job of jobs) {
    if (!JOB_KEY.test(job.key)) throw new Error(`job key "${job.key}": expected <module>.<name>, lower-case`);
    if (byKey.has(job.key)) throw new Error(`job "${job.key}" is registered twice`);
    if (!(job.everyMs > 0)) throw new Error(`job "${job.key}": everyMs must be positive`);
    if (job.retry && !(job.retry.attempts >= 1 && job.retry.backoffMs >= 0))
      throw new Error(`job "${job.key}": retry needs attempts ≥ 1 and backoffMs ≥ 0`);
    byKey.set(job.key, job);
  }
  return byKey;
}

/** The advisory-lock namespace of named jobs: (JOB_LOCK, lockIdOf(key)). */
export const JOB_LOCK = 7_402_029;

/**
 * A stable signed 32-bit id for a key (FNV-1a): the second half of its advisory lock. It depends on the key
 * only, never on where the job sits in a list, so adding or reordering jobs moves no lock.
 */
export function lockIdOf(key: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** How long the n-th retry (1-based) of a failed run waits. */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  const delay = policy.backoffMs * 2 ** Math.max(0, retry - 1);
  return Math.min(delay, policy.maxBackoffMs ?? Number.POSITIVE_INFINITY);
}
