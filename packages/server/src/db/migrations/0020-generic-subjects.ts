/**
 * Generic subjects (issue #13): the platform's notifications, exports and report runs stop being written for
 * complaints only, so that other modules (DCC, MIS) use the same tables.
 *
 * - The outbox and the in-app inbox refer to their subject as (entity_type, entity_id) instead of
 *   complaint_id; existing rows become ('complaint', <their complaint id>). The id is text: an entity of
 *   another module may have another kind of key. No foreign key: the subject's module owns its table.
 * - Kinds are no longer listed in SQL checks: reference lists, export kinds (and notification topics, which
 *   never were) are registries the modules fill at start and the application validates (platform/reference/
 *   lists.ts, platform/exports/kinds.ts, platform/notifications/topics.ts, platform/reports/kinds.ts).
 * - A report run says which report it is (kind, e.g. 'grm.periodic') and who scheduled it. A schedule made by
 *   a person runs with that person's rights, read again at each run; runs of a module's built-in schedule
 *   (scheduled_by null) are those the module declares with their scope.
 */
export const sql = /* sql */ `
alter table notification_outbox add column entity_type text, add column entity_id text;
update notification_outbox set entity_type = 'complaint', entity_id = complaint_id::text where complaint_id is not null;
alter table notification_outbox drop column complaint_id;
alter table notification_outbox add constraint notification_outbox_subject
  check ((entity_type is null) = (entity_id is null));
create index notification_outbox_subject_idx on notification_outbox (entity_type, entity_id, topic)
  where entity_id is not null;

alter table notifications add column entity_type text, add column entity_id text;
update notifications set entity_type = 'complaint', entity_id = complaint_id::text where complaint_id is not null;
alter table notifications drop column complaint_id;
alter table notifications add constraint notifications_subject check ((entity_type is null) = (entity_id is null));

alter table reference_items drop constraint reference_items_list;
alter table reference_items add constraint reference_items_list check (list ~ '^[a-z][a-z0-9_.]{0,59}$');

alter table export_jobs drop constraint export_jobs_kind_check;
alter table export_jobs add constraint export_jobs_kind check (kind ~ '^[a-z][a-z0-9_.]{0,59}$');

-- A report scheduled by a person: run on its period with that person's rights (their scope) at run time.
create table report_schedules (
  id uuid primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.]{0,59}$'),
  -- The kind's parameters (for grm.periodic: version, format, area).
  params jsonb not null default '{}',
  scheduled_by uuid not null references users (id),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index report_schedules_active on report_schedules (kind) where active;

alter table report_runs
  add column kind text not null default 'grm.periodic' check (kind ~ '^[a-z][a-z0-9_.]{0,59}$'),
  add column schedule_id uuid references report_schedules (id),
  add column scheduled_by uuid references users (id);
alter table report_runs alter column kind drop default;
-- A kind declares its own formats (platform/reports/kinds.ts).
alter table report_runs drop constraint report_runs_format_check;
alter table report_runs add constraint report_runs_format check (format ~ '^[a-z0-9]{1,10}$');
drop index report_runs_one;
create unique index report_runs_one on report_runs
  (kind, period, version, format, coalesce(area_id, '00000000-0000-0000-0000-000000000000'::uuid),
   coalesce(schedule_id, '00000000-0000-0000-0000-000000000000'::uuid));
`;
