/**
 * Named jobs' visible state (issue #13, docs/decisions/0020-named-jobs.md): one row per job key, written by the
 * worker (platform/jobs/worker.ts) and read by administrators (GET /api/jobs).
 *
 * The row is also the jobs' shared schedule: with several processes on one database, a job is due when its
 * `next_run_at` has passed, whichever process ran it last, and the run itself holds the job's advisory lock.
 * `requested_at` is an administrator's "run now" (POST /api/jobs/:key/run): a worker runs the job at its next
 * tick and clears it; a request arriving during a run makes the job due again as soon as that run ends.
 * `attempts` counts the failed tries of the current due run (0 after a success).
 */
export const sql = /* sql */ `
create table job_state (
  key text primary key,
  status text not null default 'pending' check (status in ('pending', 'running', 'failed', 'ok')),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  attempts int not null default 0 check (attempts >= 0),
  next_run_at timestamptz not null,
  requested_at timestamptz
);
`;
