/**
 * Open cases per handler, kept by triggers (issue #12, "routing cost independent of history").
 *
 * Routing a new case picks the least-loaded candidate. Counting each candidate's open cases at every intake
 * read one index entry per open case (and one heap page each until VACUUM marked them visible): 0.4 s per
 * case for a focal point holding 55,000 open cases. A counter row per user makes it one row per candidate.
 *
 * Triggers rather than application code: a case changes hands or status through many writers (intake, the
 * lifecycle actions, reassign, take over, bulk assign, recategorise, import, sync push, jobs that escalate);
 * a trigger cannot be forgotten by the next one. The counter row also serves as the lock that serialises
 * concurrent routing among the same candidates (routing-repo.ts), so two intakes at once do not both pick
 * the same least-loaded person.
 *
 * The open statuses are copied from the domain's OPEN_STATUSES (a migration never changes afterwards); a
 * test checks the function against it for every status, so a change there fails until a migration follows.
 */
export const sql = /* sql */ `
create function complaint_status_open(status text) returns boolean language sql immutable as $$
  select $1 in ('received', 'acknowledged', 'in_progress', 'resolution_proposed', 'appealed', 'unresolved',
                'escalated')
$$;

create table handler_open_cases (
  user_id uuid primary key references users (id) on delete cascade,
  open_cases int not null default 0 check (open_cases >= 0)
);

insert into handler_open_cases (user_id, open_cases)
select u.id, (select count(*) from complaints c
               where c.assignee_id = u.id and complaint_status_open(c.status))
  from users u;

-- Every user has a row from creation, so that routing can lock the rows of all its candidates.
create function handler_open_cases_user() returns trigger language plpgsql as $$
begin
  insert into handler_open_cases (user_id) values (new.id) on conflict do nothing;
  return null;
end $$;
create trigger users_open_cases after insert on users
  for each row execute function handler_open_cases_user();

-- One statement for both rows of a reassignment: every transaction locks the two rows in the same scan order
-- (key order for the primary-key scan of an array), so two opposite reassignments at once cannot deadlock.
create function handler_open_cases_track() returns trigger language plpgsql as $$
declare
  was uuid := null;
  now_held uuid := null;
begin
  if tg_op <> 'INSERT' and old.assignee_id is not null and complaint_status_open(old.status) then
    was := old.assignee_id;
  end if;
  if tg_op <> 'DELETE' and new.assignee_id is not null and complaint_status_open(new.status) then
    now_held := new.assignee_id;
  end if;
  if was is distinct from now_held then
    update handler_open_cases
       set open_cases = open_cases + case when user_id = now_held then 1 else -1 end
     where user_id = any (array[was, now_held]);
  end if;
  return null;
end $$;
create trigger complaints_open_cases_insert after insert on complaints
  for each row when (new.assignee_id is not null) execute function handler_open_cases_track();
create trigger complaints_open_cases_update after update on complaints
  for each row when (old.assignee_id is distinct from new.assignee_id or old.status is distinct from new.status)
  execute function handler_open_cases_track();
create trigger complaints_open_cases_delete after delete on complaints
  for each row when (old.assignee_id is not null) execute function handler_open_cases_track();
`;
