/**
 * sync_removals keeps the scope values a row had under generic names, whatever its entity (decision 0019):
 * old_area_path, old_owner_id (the assignee of a case), old_recorder_id (who recorded it), old_restricted (a
 * sensitive case). The feed compares them with the device audience of the entity's visibility definition
 * (platform/visibility/sql.ts, removalColumnsOf). Removals stay keyed by (table_name, row_id). The trigger
 * functions of migration 0010 that fill them are replaced with the new names; their triggers stay.
 */
export const sql = /* sql */ `
alter table sync_removals rename column old_assignee_id to old_owner_id;
alter table sync_removals rename column old_recorded_by to old_recorder_id;
alter table sync_removals rename column old_sensitive to old_restricted;

create or replace function sync_complaint_scope_changed() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path, old_owner_id, old_recorder_id, old_restricted)
  values ('complaints', old.id::text, old.area_path, old.assignee_id, old.recorded_by, old.sensitive);
  if not new.sensitive then
    update complaint_events set change_seq = change_seq where complaint_id = new.id;
    update complaint_attachments set change_seq = change_seq where complaint_id = new.id;
  end if;
  return null;
end $$;

create or replace function sync_complaint_deleted() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path, old_owner_id, old_recorder_id, old_restricted)
  values ('complaints', old.id::text, old.area_path, old.assignee_id, old.recorded_by, old.sensitive);
  return null;
end $$;

create or replace function sync_case_row_deleted() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path, old_owner_id, old_recorder_id, old_restricted)
  select tg_table_name, old.id::text, c.area_path, c.assignee_id, c.recorded_by, c.sensitive
    from complaints c where c.id = old.complaint_id;
  return null;
end $$;
`;
