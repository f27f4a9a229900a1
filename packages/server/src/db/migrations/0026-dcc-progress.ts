/**
 * DCC progress from counters (issue #15, decision 0022): `GET /api/v1/dcc/progress` read ≈500,000 task
 * instances per call (a second for the nation); it now reads two rollups kept by statement triggers on
 * dcc_task_instances, in the transaction of each write (generation, draft, submission, review, SQL by hand):
 *
 * - dcc_progress_areas: per (cycle, geo unit, phase, submitter) the instances whose scope_path lies within the
 *   unit (every unit on the path, the unit itself included), how many count as validated, how many are
 *   submitted. Area × phase sums a child's rows; the league reads one unit's rows by submitter.
 * - dcc_progress_villages: per (cycle, village, phase) the instances that apply to the village (its own, its
 *   CVD's, those of every unit above it: dcc_instance_villages, the inverse of dcc_village_instances of 0025),
 *   how many count as validated, and how many are the village's own. The funnel counts rows with all validated.
 *
 * Training accounts never count (spec DCC.md, "Reports"): users.training_account, set by an administrator. An
 * instance counts as validated when it is validated and neither its submitter nor its reviewer is a training
 * account (dcc_counts_validated); the league leaves training accounts out. Changing the flag rebuilds the
 * rollups of the cycles where the account submitted or reviewed validated work (dcc_progress_rebuild).
 *
 * The instances' row-deletion trigger of 0025 asked dcc_village_instances once per active assignment of the
 * cycle and deleted row (hours for a cycle over 10,000 villages); it now asks for the instance's villages.
 */
const counted = (r: string) =>
  ['cycle_id', 'task_id', 'unit_id', 'unit_kind', 'scope_path', 'status', 'submitted_by', 'reviewed_by']
    .map((c) => `${r}.${c}`)
    .join(', ');
/** An updated instance whose share of the rollups may have changed. */
const CHANGED = `(${counted('o')}) is distinct from (${counted('n')})`;

export const sql = /* sql */ `
alter table users add column training_account boolean not null default false;

-- The same instances as 0025's, found from the village's units (its path's ids, its CVD) by the instances'
-- (unit_id, cycle_id) index: 0025's form made PostgreSQL test every instance of the cycle per village.
create or replace function dcc_village_instances(p_cycle uuid, p_village uuid) returns setof uuid
language sql stable as $$
  select i.id
    from (select x::uuid as unit_id, 'geo' as kind
            from geo_units v, unnest(string_to_array(trim(both '/' from v.path), '/')) x where v.id = p_village
          union all
          select m.group_id, 'cvd' from village_group_members m where m.village_id = p_village and m.kind = 'cvd') u
    join dcc_task_instances i on i.unit_id = u.unit_id and i.cycle_id = p_cycle and i.unit_kind = u.kind
$$;

create function dcc_counts_validated(p_status text, p_submitted uuid, p_reviewed uuid) returns boolean
language sql stable as $$
  select p_status = 'validated'
     and not exists (select 1 from users u where u.id in (p_submitted, p_reviewed) and u.training_account)
$$;

-- The villages an instance applies to: a geo unit's villages (itself, or under it: ~>=~/~<~ keep the path
-- index usable for a prefix that is a column), a CVD's member villages. Must agree with dcc_village_instances.
create function dcc_instance_villages(p_unit uuid, p_kind text, p_scope text) returns table (id uuid, path text)
language sql stable as $$
  select v.id, v.path from geo_units v
   where p_kind = 'geo' and v.level = 'village'
     and v.path ~>=~ p_scope and v.path ~<~ (p_scope || '~') and v.path like p_scope || '%'
  union all
  select v.id, v.path from village_group_members m join geo_units v on v.id = m.village_id
   where p_kind = 'cvd' and m.group_id = p_unit and m.kind = 'cvd'
$$;

create table dcc_progress_areas (
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  unit_id uuid not null,
  phase_id uuid not null,
  submitted_by uuid,
  total int not null,
  validated int not null,
  submitted int not null
);
create unique index dcc_progress_areas_key on dcc_progress_areas (cycle_id, unit_id, phase_id, submitted_by)
  nulls not distinct;

create table dcc_progress_villages (
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  village_id uuid not null,
  phase_id uuid not null,
  village_path text not null,
  total int not null,
  validated int not null,
  own int not null,
  primary key (cycle_id, village_id, phase_id)
);
create index dcc_progress_villages_path on dcc_progress_villages (cycle_id, village_path text_pattern_ops);

-- Adds (p_sign 1) or takes away (-1) instances' share of both rollups (rows of cycles that still exist).
create function dcc_progress_add(p_rows dcc_task_instances[], p_sign int) returns void language sql as $$
  with d as materialized (
    select i.cycle_id, i.unit_id, i.unit_kind, i.scope_path, i.submitted_by, a.phase_id,
           dcc_counts_validated(i.status, i.submitted_by, i.reviewed_by)::int as validated,
           (i.status = 'submitted')::int as submitted
      from unnest(p_rows) i
      join dcc_tasks t on t.id = i.task_id
      join dcc_activities a on a.id = t.activity_id
     where exists (select 1 from dcc_cycles c where c.id = i.cycle_id)
  ),
  areas as (
    insert into dcc_progress_areas as r (cycle_id, unit_id, phase_id, submitted_by, total, validated, submitted)
    select d.cycle_id, x::uuid, d.phase_id, d.submitted_by, p_sign * count(*), p_sign * sum(d.validated),
           p_sign * sum(d.submitted)
      from d cross join unnest(string_to_array(trim(both '/' from d.scope_path), '/')) x
     group by 1, 2, 3, 4
    on conflict (cycle_id, unit_id, phase_id, submitted_by) do update
      set total = r.total + excluded.total, validated = r.validated + excluded.validated,
          submitted = r.submitted + excluded.submitted
    returning 1
  )
  insert into dcc_progress_villages as r (cycle_id, village_id, phase_id, village_path, total, validated, own)
  select d.cycle_id, v.id, d.phase_id, v.path, p_sign * count(*), p_sign * sum(d.validated),
         p_sign * count(*) filter (where d.unit_id = v.id)
    from d cross join lateral dcc_instance_villages(d.unit_id, d.unit_kind, d.scope_path) v
   group by 1, 2, 3, 4
  on conflict (cycle_id, village_id, phase_id) do update
    set total = r.total + excluded.total, validated = r.validated + excluded.validated, own = r.own + excluded.own
$$;

-- Recomputes a cycle's rollups from its instances (the migration's backfill, a training flag that changes).
create function dcc_progress_rebuild(p_cycle uuid) returns void language sql as $$
  delete from dcc_progress_areas where cycle_id = p_cycle;
  delete from dcc_progress_villages where cycle_id = p_cycle;
  select dcc_progress_add(array(select i from dcc_task_instances i where i.cycle_id = p_cycle), 1);
$$;

create function dcc_progress_written() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform dcc_progress_add(array(select n::dcc_task_instances from new_rows n), 1);
  elsif tg_op = 'DELETE' then
    perform dcc_progress_add(array(select o::dcc_task_instances from old_rows o), -1);
  else
    -- Only the rows whose counted columns changed (a re-stamp of a whole cycle changes none).
    perform dcc_progress_add(array(select o::dcc_task_instances from old_rows o join new_rows n on n.id = o.id
                                    where ${CHANGED}), -1);
    perform dcc_progress_add(array(select n::dcc_task_instances from new_rows n join old_rows o on o.id = n.id
                                    where ${CHANGED}), 1);
  end if;
  return null;
end $$;
create trigger dcc_task_instances_progress_insert after insert on dcc_task_instances
  referencing new table as new_rows for each statement execute function dcc_progress_written();
create trigger dcc_task_instances_progress_update after update on dcc_task_instances
  referencing old table as old_rows new table as new_rows for each statement execute function dcc_progress_written();
create trigger dcc_task_instances_progress_delete after delete on dcc_task_instances
  referencing old table as old_rows for each statement execute function dcc_progress_written();

create function dcc_progress_training() returns trigger language plpgsql as $$
begin
  perform dcc_progress_rebuild(c.cycle_id)
     from (select distinct cycle_id from dcc_task_instances
            where status = 'validated' and (submitted_by = new.id or reviewed_by = new.id)) c;
  return null;
end $$;
create trigger users_dcc_training after update of training_account on users
  for each row when (old.training_account is distinct from new.training_account)
  execute function dcc_progress_training();

-- The league's last activity: a facilitator's latest write in the cycle, one index probe each.
create index dcc_task_instances_touched on dcc_task_instances (cycle_id, updated_by, updated_at)
  where updated_by is not null;

-- Generation numbers its rows in the INSERT (modules/dcc/instances/generate.ts): the stamp trigger skips a row
-- that arrives numbered. Every other write is stamped as before.
drop trigger dcc_task_instances_sync_stamp on dcc_task_instances;
create trigger dcc_task_instances_sync_stamp before update on dcc_task_instances
  for each row execute function sync_stamp();
create trigger dcc_task_instances_sync_stamp_insert before insert on dcc_task_instances
  for each row when (new.change_seq is null) execute function sync_stamp();

-- The review queue over every cycle (no cycle filter: a national specialist's first page), oldest first.
create index dcc_task_instances_queue_all on dcc_task_instances (submitted_at, id) where status = 'submitted';

create or replace function dcc_row_deleted() returns trigger language plpgsql as $$
declare
  c uuid;
begin
  if tg_table_name = 'dcc_activities' then
    select cycle_id into c from dcc_phases where id = old.phase_id;
  elsif tg_table_name = 'dcc_plans' then
    insert into sync_removals (table_name, row_id, old_owner_id) values ('dcc_plans', old.id::text, old.facilitator_id);
    return null;
  else
    c := old.cycle_id;
  end if;
  if tg_table_name = 'dcc_task_instances' then
    insert into sync_removals (table_name, row_id, old_owner_id)
    select distinct tg_table_name, old.id::text, a.facilitator_id from dcc_assignments a
     where a.cycle_id = c and a.active
       and a.village_id in (select v.id from dcc_instance_villages(old.unit_id, old.unit_kind, old.scope_path) v);
  else
    insert into sync_removals (table_name, row_id, old_owner_id)
    select distinct tg_table_name, old.id::text, a.facilitator_id from dcc_assignments a where a.cycle_id = c and a.active;
  end if;
  return null;
end $$;

select dcc_progress_rebuild(id) from dcc_cycles;
`;
