import type { Queryable } from '../../db/driver.js';
import { type JobDefinition, retryDelayMs } from './registry.js';

export type JobStatus = 'pending' | 'running' | 'failed' | 'ok';

export interface JobStateRow {
  key: string;
  status: JobStatus;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  attempts: number;
  nextRunAt: Date;
  requestedAt: Date | null;
}

const COLUMNS = `key, status, last_started_at as "lastStartedAt", last_finished_at as "lastFinishedAt",
  last_error as "lastError", attempts, next_run_at as "nextRunAt", requested_at as "requestedAt"`;

/** An error kept in the state row: its message, bounded (the full error goes to the log). */
export const MAX_ERROR_CHARS = 2000;

/**
 * A row per job, once; at every start a catch-up job (firstRunAfterMs) is due no later than that delay, so
 * whatever fell due while the platform was down is caught up soon.
 */
export async function ensureRows(q: Queryable, jobs: readonly JobDefinition[], now: Date): Promise<void> {
  for (const job of jobs) {
    const first = new Date(now.getTime() + (job.firstRunAfterMs ?? job.everyMs));
    await q.query(
      `insert into job_state (key, next_run_at) values ($1, $2)
       on conflict (key) do update set next_run_at = least(job_state.next_run_at, excluded.next_run_at)
        where $3::boolean`,
      [job.key, first, job.firstRunAfterMs !== undefined],
    );
  }
}

export const listStates = (q: Queryable) =>
  q.query<JobStateRow>(`select ${COLUMNS} from job_state order by key`);

/** Keys of the jobs due at `now`: their time has come, or an administrator asked for a run. */
export async function dueKeys(q: Queryable, now: Date): Promise<string[]> {
  const rows = await q.query<{ key: string }>(
    'select key from job_state where next_run_at <= $1 or requested_at is not null',
    [now],
  );
  return rows.map((r) => r.key);
}

/**
 * Marks a run started, under the job's lock; unless `force`, only if the job is still due (another process
 * may have run it between our reading and our taking the lock). Resolves to whether the run may go ahead.
 */
export async function claim(q: Queryable, key: string, now: Date, force = false): Promise<boolean> {
  const rows = await q.query(
    `update job_state set status = 'running', last_started_at = $2::timestamptz, requested_at = null
      where key = $1 and ($3::boolean or next_run_at <= $2::timestamptz or requested_at is not null)
      returning key`,
    [key, now, force],
  );
  return rows.length > 0;
}

/** A run that succeeded: the next one in a period, or at once if "run now" was asked for meanwhile. */
export async function recordSuccess(q: Queryable, job: JobDefinition, now: Date): Promise<void> {
  await q.query(
    `update job_state set status = 'ok', last_finished_at = $2::timestamptz, last_error = null, attempts = 0,
            next_run_at = case when requested_at is not null then $2::timestamptz else $3::timestamptz end
      where key = $1`,
    [job.key, now, new Date(now.getTime() + job.everyMs)],
  );
}

/**
 * A run that failed: its error is kept and the job retried after its backoff, until its policy's attempts are
 * spent; then it waits for its next period (and the count of consecutive failures goes on).
 */
export async function recordFailure(q: Queryable, job: JobDefinition, now: Date, error: string) {
  const [row] = await q.query<{ attempts: number }>('select attempts from job_state where key = $1', [
    job.key,
  ]);
  const failures = (row?.attempts ?? 0) + 1;
  const policy = job.retry ?? { attempts: 1, backoffMs: 0 };
  const retry = failures % policy.attempts; // 0: this due run has spent its attempts
  const wait = retry === 0 ? job.everyMs : retryDelayMs(policy, retry);
  await q.query(
    `update job_state set status = 'failed', last_finished_at = $2::timestamptz, last_error = $3, attempts = $4,
            next_run_at = case when requested_at is not null then $2::timestamptz else $5::timestamptz end
      where key = $1`,
    [job.key, now, error.slice(0, MAX_ERROR_CHARS), failures, new Date(now.getTime() + wait)],
  );
}

/** An administrator's "run now" of a registered job: a worker runs it at its next tick. */
export async function requestRun(q: Queryable, key: string, now: Date): Promise<JobStateRow> {
  const [row] = await q.query<JobStateRow>(
    `insert into job_state (key, next_run_at, requested_at) values ($1, $2::timestamptz, $2::timestamptz)
     on conflict (key) do update set requested_at = excluded.requested_at
     returning ${COLUMNS}`,
    [key, now],
  );
  return row as JobStateRow;
}
