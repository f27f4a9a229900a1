/**
 * DCC rows on the field devices (modules/dcc/sync, docs/sync.md). A facilitator's device holds, for each
 * active cycle where they have an active assignment: the cycle and its template, their assignments, their plans,
 * and the task instances their villages need — each village's own, and the CVD-, canton- and commune-level
 * instances over it (one instance shared by all its villages). Who holds what follows the assignments, not the
 * rows, so the rows' own triggers cannot tell when they leave a device: the assignments' and the cycles' do.
 *
 * - An assignment that ends (or moves, or is deleted): sync_removals rows with old_owner_id = the facilitator for
 *   the assignment, the instances it gave them, and — when it was their last active assignment in the cycle —
 *   the cycle, its template and their plans. The feed tells a removal only to the old owner, and only when the
 *   row is not visible to them now (an instance still held through another village stays).
 * - An assignment that starts: the instances it gives are re-stamped (and the cycle, its template and the
 *   facilitator's plans when it is their first in the cycle), so that the new device gets rows older than its
 *   cursor.
 * - A cycle that becomes active: everything of it is re-stamped; one that stops being active: removals of
 *   everything each of its facilitators held.
 * - A template row, instance or plan deleted: removals for the facilitators that held it.
 *
 * Plans get a version, so that a stale edit from a phone is a conflict, as everywhere else.
 */
export const sql = /* sql */ `
alter table dcc_plans add column version int not null default 1;

-- The instances of a cycle one village's assignment gives: the village's own, and those of every unit above it
-- (canton, commune… on its path) and of its CVD. Must agree with the feed's condition (modules/dcc/sync).
create function dcc_village_instances(p_cycle uuid, p_village uuid) returns setof uuid language sql stable as $$
  select i.id from dcc_task_instances i
   where i.cycle_id = p_cycle
     and ((i.unit_kind = 'geo'
           and i.unit_id in (select x::uuid from geo_units v, unnest(string_to_array(trim(both '/' from v.path), '/')) x
                              where v.id = p_village))
       or (i.unit_kind = 'cvd'
           and i.unit_id in (select m.group_id from village_group_members m where m.village_id = p_village and m.kind = 'cvd')))
$$;

-- Removals of what one facilitator holds of a cycle only as a whole (the cycle, its template, their plans).
create function dcc_cycle_rows_removed(p_cycle uuid, p_user uuid) returns void language sql as $$
  insert into sync_removals (table_name, row_id, old_owner_id)
  select 'dcc_cycles', p_cycle::text, p_user
  union all select 'dcc_phases', id::text, p_user from dcc_phases where cycle_id = p_cycle
  union all select 'dcc_activities', a.id::text, p_user from dcc_activities a join dcc_phases p on p.id = a.phase_id
              where p.cycle_id = p_cycle
  union all select 'dcc_tasks', id::text, p_user from dcc_tasks where cycle_id = p_cycle
  union all select 'dcc_plans', id::text, p_user from dcc_plans where cycle_id = p_cycle and facilitator_id = p_user;
$$;

-- The same rows re-stamped, for a facilitator who enters the cycle (plans: theirs only).
create function dcc_cycle_rows_restamped(p_cycle uuid, p_user uuid) returns void language plpgsql as $$
begin
  update dcc_phases set change_seq = change_seq where cycle_id = p_cycle;
  update dcc_activities set change_seq = change_seq
   where phase_id in (select id from dcc_phases where cycle_id = p_cycle);
  update dcc_tasks set change_seq = change_seq where cycle_id = p_cycle;
  update dcc_plans set change_seq = change_seq where cycle_id = p_cycle and facilitator_id = p_user;
end $$;

create function dcc_assignment_sync() returns trigger language plpgsql as $$
declare
  was boolean := tg_op in ('UPDATE', 'DELETE') and old.active;
  now_on boolean := tg_op in ('INSERT', 'UPDATE') and new.active;
  moved boolean := tg_op = 'UPDATE' and (old.facilitator_id <> new.facilitator_id or old.village_id <> new.village_id
                                          or old.cycle_id <> new.cycle_id);
  live boolean;
begin
  if was and (not now_on or moved) then
    insert into sync_removals (table_name, row_id, old_owner_id) values ('dcc_assignments', old.id::text, old.facilitator_id);
    insert into sync_removals (table_name, row_id, old_owner_id)
    select 'dcc_task_instances', id::text, old.facilitator_id from dcc_village_instances(old.cycle_id, old.village_id) id;
    if not exists (select 1 from dcc_assignments where cycle_id = old.cycle_id and facilitator_id = old.facilitator_id
                     and active and id <> old.id) then
      perform dcc_cycle_rows_removed(old.cycle_id, old.facilitator_id);
    end if;
  end if;
  if now_on and (not coalesce(was, false) or moved) then
    select status = 'active' into live from dcc_cycles where id = new.cycle_id;
    if live then
      update dcc_task_instances set change_seq = change_seq
       where id in (select dcc_village_instances(new.cycle_id, new.village_id));
      if not exists (select 1 from dcc_assignments where cycle_id = new.cycle_id and facilitator_id = new.facilitator_id
                       and active and id <> new.id) then
        update dcc_cycles set change_seq = change_seq where id = new.cycle_id;
        perform dcc_cycle_rows_restamped(new.cycle_id, new.facilitator_id);
      end if;
    end if;
  end if;
  return null;
end $$;
create trigger dcc_assignments_sync after insert or update or delete on dcc_assignments
  for each row execute function dcc_assignment_sync();

create function dcc_cycle_sync() returns trigger language plpgsql as $$
declare
  f uuid;
begin
  if new.status = 'active' then
    update dcc_phases set change_seq = change_seq where cycle_id = new.id;
    update dcc_activities set change_seq = change_seq
     where phase_id in (select id from dcc_phases where cycle_id = new.id);
    update dcc_tasks set change_seq = change_seq where cycle_id = new.id;
    update dcc_task_instances set change_seq = change_seq where cycle_id = new.id;
    update dcc_assignments set change_seq = change_seq where cycle_id = new.id and active;
    update dcc_plans set change_seq = change_seq where cycle_id = new.id;
  else
    for f in select distinct facilitator_id from dcc_assignments where cycle_id = new.id and active loop
      perform dcc_cycle_rows_removed(new.id, f);
    end loop;
    insert into sync_removals (table_name, row_id, old_owner_id)
    select 'dcc_assignments', id::text, facilitator_id from dcc_assignments where cycle_id = new.id and active;
    insert into sync_removals (table_name, row_id, old_owner_id)
    select distinct 'dcc_task_instances', i.id::text, a.facilitator_id
      from dcc_assignments a cross join lateral dcc_village_instances(a.cycle_id, a.village_id) i(id)
     where a.cycle_id = new.id and a.active;
  end if;
  return null;
end $$;
create trigger dcc_cycles_sync after update on dcc_cycles
  for each row when ((old.status = 'active') <> (new.status = 'active')) execute function dcc_cycle_sync();

-- A deleted template row or instance: every facilitator of its (active) cycle that may have held it.
create function dcc_row_deleted() returns trigger language plpgsql as $$
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
     where a.cycle_id = c and a.active and old.id in (select dcc_village_instances(a.cycle_id, a.village_id));
  else
    insert into sync_removals (table_name, row_id, old_owner_id)
    select distinct tg_table_name, old.id::text, a.facilitator_id from dcc_assignments a where a.cycle_id = c and a.active;
  end if;
  return null;
end $$;
create trigger dcc_phases_sync_delete after delete on dcc_phases for each row execute function dcc_row_deleted();
create trigger dcc_activities_sync_delete after delete on dcc_activities for each row execute function dcc_row_deleted();
create trigger dcc_tasks_sync_delete after delete on dcc_tasks for each row execute function dcc_row_deleted();
create trigger dcc_task_instances_sync_delete after delete on dcc_task_instances
  for each row execute function dcc_row_deleted();
create trigger dcc_plans_sync_delete after delete on dcc_plans for each row execute function dcc_row_deleted();
`;
