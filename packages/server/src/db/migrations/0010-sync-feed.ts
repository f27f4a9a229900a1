/**
 * The pull side of the field sync (docs/sync.md, "Pull"): every synced row is stamped from the one change_seq
 * sequence by a trigger, in commit order; removals (a case leaving a device's scope, a deleted row) are
 * recorded in sync_removals, numbered from the same sequence.
 */

/**
 * Writers announce a floor below every number they take as a shared advisory lock of this key space:
 * key = FLOOR_KEYS + floor (pg_locks shows classid = 2^30 + high bits, objid = low bits, objsubid = 1). Shared
 * locks never conflict, so writers never wait for each other; nothing else takes locks of this space.
 */
export const FLOOR_KEYS = 2n ** 62n;

const SYNCED = ['reference_items', 'geo_units', 'complaints', 'complaint_events', 'complaint_attachments'];

const stampTriggers = SYNCED.map(
  (table) => `alter table ${table} alter column change_seq drop default;
create trigger ${table}_sync_stamp before insert or update on ${table}
  for each row execute function sync_stamp();`,
).join('\n');

export const sql = /* sql */ `
-- Commit order vs. number order: a pull serves rows with change_seq > cursor. If transaction A took number
-- 100, B took 101 and committed, and a pull moved a cursor past 101 before A committed, A's row would never
-- reach that device. So before its first number, a transaction reads the sequence's current value and holds
-- a shared advisory lock keyed by it (its "floor") until it ends: every number it takes is above its floor.
-- A pull (platform/sync/pull.ts) reads the sequence's last value L, then the floors in pg_locks, then takes its
-- snapshot; it serves nothing above min(L, floors): every transaction holding such a number had ended before
-- the snapshot, so nothing is skipped. Writers never wait (shared locks, no deadlock); a long transaction that
-- writes synced rows only delays what pulls serve until it ends. Needs the sequence's default CACHE 1 (numbers
-- handed out in time order across sessions). A rolled-back savepoint drops its floor lock and the setting
-- together, so the next write announces again.
create function sync_next_seq() returns bigint language plpgsql as $$
declare
  below bigint;
begin
  if coalesce(current_setting('coso.sync_floor', true), '') = '' then
    select last_value - 1 into below from change_seq;
    perform pg_advisory_xact_lock_shared(${FLOOR_KEYS}::bigint + below);
    perform set_config('coso.sync_floor', below::text, true);
  end if;
  return nextval('change_seq');
end $$;

create function sync_stamp() returns trigger language plpgsql as $$
begin
  new.change_seq := sync_next_seq();
  return new;
end $$;

${stampTriggers}

-- Unique: a pull finds the numbers it may serve, then fetches the rows by number (platform/sync/feed.ts).
drop index complaints_change_seq;
drop index geo_units_change_seq;
create unique index complaints_change_seq on complaints (change_seq);
create unique index geo_units_change_seq on geo_units (change_seq);
create unique index complaint_events_change_seq on complaint_events (change_seq);
create unique index complaint_attachments_change_seq on complaint_attachments (change_seq);
create unique index reference_items_change_seq on reference_items (change_seq);

-- A row some device may hold and may no longer keep: a case whose scope columns changed (the values before
-- the change are kept, so that pull tells only the users who could see it then and cannot now), or a deleted
-- row. row_id is the row's sync id as text (reference items: "list:code").
create table sync_removals (
  seq bigint primary key default sync_next_seq(),
  table_name text not null,
  row_id text not null,
  old_area_path text,
  old_assignee_id uuid,
  old_recorded_by uuid,
  old_sensitive boolean,
  at timestamptz not null default now()
);
create index sync_removals_table on sync_removals (table_name, seq);

-- A case changed hands, place or sensitivity: it may leave some devices (removal) and enter others, which
-- must then receive its whole timeline although those rows are older than their cursor: they are re-stamped
-- (the stamp trigger gives them new numbers). A sensitive case reaches no device, so nothing to re-stamp.
create function sync_complaint_scope_changed() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path, old_assignee_id, old_recorded_by, old_sensitive)
  values ('complaints', old.id::text, old.area_path, old.assignee_id, old.recorded_by, old.sensitive);
  if not new.sensitive then
    update complaint_events set change_seq = change_seq where complaint_id = new.id;
    update complaint_attachments set change_seq = change_seq where complaint_id = new.id;
  end if;
  return null;
end $$;
-- A sensitive case that stays sensitive was on no device and goes to none: nothing to record.
create trigger complaints_sync_scope after update on complaints
  for each row when ((old.area_path is distinct from new.area_path
                      or old.assignee_id is distinct from new.assignee_id
                      or old.recorded_by is distinct from new.recorded_by
                      or old.sensitive is distinct from new.sensitive)
                     and not (old.sensitive and new.sensitive))
  execute function sync_complaint_scope_changed();

-- Deleted rows (today only unused geo units are ever deleted; the others are covered all the same).
create function sync_complaint_deleted() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path, old_assignee_id, old_recorded_by, old_sensitive)
  values ('complaints', old.id::text, old.area_path, old.assignee_id, old.recorded_by, old.sensitive);
  return null;
end $$;
create trigger complaints_sync_delete after delete on complaints
  for each row execute function sync_complaint_deleted();

-- An event or attachment: its case's scope columns at the time tell who could see it.
create function sync_case_row_deleted() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path, old_assignee_id, old_recorded_by, old_sensitive)
  select tg_table_name, old.id::text, c.area_path, c.assignee_id, c.recorded_by, c.sensitive
    from complaints c where c.id = old.complaint_id;
  return null;
end $$;
create trigger complaint_events_sync_delete after delete on complaint_events
  for each row execute function sync_case_row_deleted();
create trigger complaint_attachments_sync_delete after delete on complaint_attachments
  for each row execute function sync_case_row_deleted();

-- A geo unit deleted or moved: its old path tells who held it.
create function sync_geo_unit_removed() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path) values ('geo_units', old.id::text, old.path);
  return null;
end $$;
create trigger geo_units_sync_delete after delete on geo_units
  for each row execute function sync_geo_unit_removed();
create trigger geo_units_sync_move after update on geo_units
  for each row when (old.path is distinct from new.path) execute function sync_geo_unit_removed();

create function sync_reference_item_deleted() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id) values ('reference_items', old.list || ':' || old.code);
  return null;
end $$;
create trigger reference_items_sync_delete after delete on reference_items
  for each row execute function sync_reference_item_deleted();
`;
