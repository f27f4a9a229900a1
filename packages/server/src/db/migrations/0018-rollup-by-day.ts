/**
 * The summary's rollup answers every filter of the dashboard (issue #12, decision 0016): rows per level
 * (village cells, and canton cells summed from them) and per slice ('' for all cases, or one value of type,
 * category or channel). The rollup is rebuilt whole by the worker, so the old tables are dropped, not
 * migrated; until the next rebuild every summary is answered live.
 */
export const sql = /* sql */ `
drop table report_rollup_cells;
drop table report_rollup_counts;
delete from report_rollup_state;
alter table report_rollup_state add column coarse_length int not null default 0;

create table report_rollup_cells (
  -- 'village' (built from the cases) or 'canton' (summed from the village rows).
  level text not null check (level in ('village', 'canton')),
  -- '' for every case, else 'type=<code>', 'category=<code>' or 'channel=<code>'.
  slice text not null,
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
  primary key (level, slice, cell_id, month, sensitive)
);

create table report_rollup_counts (
  level text not null,
  slice text not null,
  month text not null,
  cell_id uuid not null,
  sensitive boolean not null,
  dim text not null,
  key text,
  n int not null
);
-- A summary reads one level and one slice, for all cells (national) or a few (a facilitator's villages).
create index report_rollup_counts_cells on report_rollup_counts (level, slice, cell_id, month);
create statistics report_rollup_counts_groups (ndistinct) on dim, key, month from report_rollup_counts;
`;
