/**
 * GPS points of DCC villages (issue #15; domain modules/dcc/schemas/places.ts): the village's own position (one
 * per village: taking it again moves it) and its meeting places. They belong to the village, not to a cycle nor
 * to whoever took them: every facilitator assigned to the village in an active cycle holds them on the phone.
 *
 * Who holds a point follows the assignments and the cycles, as for the DCC rows of migration 0025: an assignment
 * that ends (or moves) writes removals of its village's points for the facilitator (the feed drops only those
 * they no longer see through another assignment); one that starts, or a cycle that becomes active, re-stamps
 * them; a cycle that stops being active writes removals for each of its facilitators; a deleted point, for each
 * facilitator of its village.
 */
export const sql = /* sql */ `
create table dcc_places (
  id uuid primary key,
  village_id uuid not null references geo_units (id),
  kind text not null check (kind in ('village', 'meeting_place')),
  name text,
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  accuracy_m double precision check (accuracy_m >= 0),
  captured_by uuid references users (id),
  captured_at timestamptz not null,
  updated_at timestamptz not null default now(),
  change_seq bigint not null,
  check (kind = 'village' or name is not null)
);
create unique index dcc_places_change_seq on dcc_places (change_seq);
create trigger dcc_places_sync_stamp before insert or update on dcc_places
  for each row execute function sync_stamp();
create unique index dcc_places_one_village on dcc_places (village_id) where kind = 'village';
create index dcc_places_village on dcc_places (village_id);

create function dcc_places_assignment_sync() returns trigger language plpgsql as $$
declare
  was boolean := tg_op in ('UPDATE', 'DELETE') and old.active;
  now_on boolean := tg_op in ('INSERT', 'UPDATE') and new.active;
  moved boolean := tg_op = 'UPDATE' and (old.facilitator_id <> new.facilitator_id or old.village_id <> new.village_id
                                          or old.cycle_id <> new.cycle_id);
begin
  if was and (not now_on or moved) then
    insert into sync_removals (table_name, row_id, old_owner_id)
    select 'dcc_places', id::text, old.facilitator_id from dcc_places where village_id = old.village_id;
  end if;
  if now_on and (not coalesce(was, false) or moved)
     and exists (select 1 from dcc_cycles where id = new.cycle_id and status = 'active') then
    update dcc_places set change_seq = change_seq where village_id = new.village_id;
  end if;
  return null;
end $$;
create trigger dcc_assignments_places_sync after insert or update or delete on dcc_assignments
  for each row execute function dcc_places_assignment_sync();

create function dcc_places_cycle_sync() returns trigger language plpgsql as $$
begin
  if new.status = 'active' then
    update dcc_places set change_seq = change_seq
     where village_id in (select village_id from dcc_assignments where cycle_id = new.id and active);
  else
    insert into sync_removals (table_name, row_id, old_owner_id)
    select 'dcc_places', p.id::text, a.facilitator_id
      from dcc_assignments a join dcc_places p on p.village_id = a.village_id
     where a.cycle_id = new.id and a.active;
  end if;
  return null;
end $$;
create trigger dcc_cycles_places_sync after update on dcc_cycles
  for each row when ((old.status = 'active') <> (new.status = 'active')) execute function dcc_places_cycle_sync();

create function dcc_place_deleted() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_owner_id)
  select distinct 'dcc_places', old.id::text, a.facilitator_id
    from dcc_assignments a where a.village_id = old.village_id and a.active;
  return null;
end $$;
create trigger dcc_places_sync_delete after delete on dcc_places for each row execute function dcc_place_deleted();
`;
