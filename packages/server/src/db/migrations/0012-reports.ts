/**
 * Reporting (issue #6): the summary's rollup (modules/grm/reports/rollup.ts), the periodic reports generated on
 * schedule, and the exports run in the background. Files live under DATA_DIR (reports/, exports/); these
 * tables say what they are and who may have them.
 */
export const sql = /* sql */ `
-- The summary's rollup (modules/grm/reports/rollup-build.ts), rebuilt whole by the worker: every counter per
-- received month × canton (cell_id) × sensitive, and per dimension value the number of cases (dims ackDays
-- and resDays are histograms: key = business days).
create table report_rollup_cells (
  month text not null,
  cell_id uuid not null,
  sensitive boolean not null,
  n int not null,
  open int not null,
  overdue int not null,
  ack_due int not null,
  ack_on_time int not null,
  res_due int not null,
  res_on_time int not null,
  ack_sum double precision not null,
  ack_count int not null,
  res_sum double precision not null,
  res_count int not null,
  escalations int not null,
  appeals int not null,
  satisfaction_sum int not null,
  satisfaction_count int not null,
  primary key (month, cell_id, sensitive)
);

create table report_rollup_counts (
  month text not null,
  cell_id uuid not null,
  sensitive boolean not null,
  dim text not null,
  key text,
  n int not null
);
-- The planner's group count for (dim, key, month) would otherwise be far too high (sorts instead of hashing).
create statistics report_rollup_counts_groups (ndistinct) on dim, key, month from report_rollup_counts;

create table report_rollup_state (
  id int primary key check (id = 1),
  built_at timestamptz not null,
  -- The date "today" of its overdue and deadline figures.
  built_for date not null,
  -- Length of the cell paths (the canton level).
  cell_length int not null
);

create table report_runs (
  id uuid primary key,
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
  version text not null check (version in ('internal', 'public')),
  format text not null check (format in ('pdf', 'xlsx')),
  -- The area reported on; null for the whole country.
  area_id uuid references geo_units (id),
  file_name text not null,
  byte_size int not null,
  generated_at timestamptz not null default now()
);
create unique index report_runs_one on report_runs
  (period, version, format, coalesce(area_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index report_runs_recent on report_runs (generated_at desc, id);

create table export_jobs (
  id uuid primary key,
  requested_by uuid not null references users (id),
  kind text not null check (kind in ('complaints', 'analyst', 'analyst_events')),
  format text not null check (format in ('csv', 'xlsx')),
  -- The filters as the requester sent them (query-string form), parsed again when the job runs.
  filters jsonb not null default '{}',
  status text not null check (status in ('queued', 'running', 'done', 'failed', 'expired')),
  row_count int,
  byte_size bigint,
  error_code text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  expires_at timestamptz
);
create index export_jobs_queue on export_jobs (created_at, id) where status in ('queued', 'running');
create index export_jobs_requester on export_jobs (requested_by, created_at desc);
create index export_jobs_expiry on export_jobs (expires_at) where status = 'done';
`;
