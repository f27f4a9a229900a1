/**
 * The community-driven development cycle (issue #15, modules/dcc). A cycle ("COSO 2027") covers areas and
 * carries its own copy of the template tree phase → activity → task, so that editing next year's template never
 * rewrites this year's history. A task's form is named by its XLSForm `form_id` (platform forms); an instance
 * records the form version it was filled against.
 *
 * Task instances are rows, not copies: one per (cycle, task, unit) at the task's level. The unit is a geo unit
 * (village, canton, commune) or a CVD (village_groups, kind 'cvd'); `scope_path` is the geo path used for
 * jurisdiction checks (a CVD: its canton's path). Results stay with the unit whoever the facilitator is:
 * assignments only say who works where.
 *
 * Synced tables (cycles, their template, instances, assignments, plans) carry change_seq, its unique index and
 * the stamp trigger, as every synced table (migration 0010).
 */
const synced = (table: string) => /* sql */ `
create unique index ${table}_change_seq on ${table} (change_seq);
create trigger ${table}_sync_stamp before insert or update on ${table}
  for each row execute function sync_stamp();`;

export const sql = /* sql */ `
create table dcc_cycles (
  id uuid primary key,
  name text not null unique,
  year int not null check (year between 2000 and 2100),
  starts_on date not null,
  ends_on date not null,
  status text not null default 'draft' check (status in ('draft', 'active', 'closed')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null,
  check (ends_on >= starts_on)
);
${synced('dcc_cycles')}

create table dcc_cycle_areas (
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  unit_id uuid not null references geo_units (id),
  primary key (cycle_id, unit_id)
);

create table dcc_phases (
  id uuid primary key,
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  position int not null,
  name text not null,
  change_seq bigint not null,
  unique (cycle_id, position) deferrable initially deferred
);
${synced('dcc_phases')}

create table dcc_activities (
  id uuid primary key,
  phase_id uuid not null references dcc_phases (id) on delete cascade,
  position int not null,
  name text not null,
  change_seq bigint not null,
  unique (phase_id, position) deferrable initially deferred
);
${synced('dcc_activities')}

create table dcc_tasks (
  id uuid primary key,
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  activity_id uuid not null references dcc_activities (id) on delete cascade,
  position int not null,
  -- Stable within a cycle and across cycles made from the same template (e.g. 'T20'): reports and the
  -- village's history across cycles read it, never a position.
  code text not null,
  name text not null,
  instructions text not null default '',
  level text not null check (level in ('village', 'cvd', 'canton', 'commune')),
  -- Whether the result is shown to the other villages of the same CVD/canton.
  shared boolean not null default false,
  -- The platform form's XLSForm form_id (forms.form_id); null: a task without a form.
  form_id text,
  -- Task ids of this cycle that must be validated (or submitted: prerequisite_status) before this one.
  prerequisites uuid[] not null default '{}',
  -- [{ key, label, required, kind: 'photo' | 'document' | 'audio' | 'any' }]
  attachment_slots jsonb not null default '[]',
  -- [{ title, kind: 'pdf' | 'video' | 'audio' | 'link', url }]
  materials jsonb not null default '[]',
  change_seq bigint not null,
  unique (activity_id, position) deferrable initially deferred,
  unique (cycle_id, code)
);
${synced('dcc_tasks')}

create table dcc_assignments (
  id uuid primary key,
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  village_id uuid not null references geo_units (id),
  facilitator_id uuid not null references users (id),
  active boolean not null default true,
  assigned_by uuid references users (id),
  assigned_at timestamptz not null default now(),
  ended_at timestamptz,
  change_seq bigint not null
);
${synced('dcc_assignments')}
-- One active facilitator per village per cycle.
create unique index dcc_assignments_one_active on dcc_assignments (cycle_id, village_id) where active;
create index dcc_assignments_facilitator on dcc_assignments (facilitator_id, cycle_id) where active;

create table dcc_task_instances (
  id uuid primary key,
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  task_id uuid not null references dcc_tasks (id) on delete cascade,
  unit_id uuid not null,
  unit_kind text not null check (unit_kind in ('geo', 'cvd')),
  scope_path text not null,
  status text not null default 'todo' check (status in ('todo', 'draft', 'submitted', 'validated', 'returned')),
  version int not null default 1,
  form_version_id uuid references forms (id),
  answers jsonb,
  return_comment text,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  submitted_by uuid references users (id),
  submitted_at timestamptz,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  change_seq bigint not null,
  unique (cycle_id, task_id, unit_id)
);
${synced('dcc_task_instances')}
create index dcc_task_instances_unit on dcc_task_instances (unit_id, cycle_id);
create index dcc_task_instances_scope on dcc_task_instances (scope_path text_pattern_ops);
create index dcc_task_instances_queue on dcc_task_instances (cycle_id, submitted_at, id) where status = 'submitted';

create table dcc_task_files (
  instance_id uuid not null references dcc_task_instances (id) on delete cascade,
  slot text not null,
  upload_id uuid not null,
  storage_key text not null,
  kind text,
  filename text,
  size_bytes bigint not null,
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  primary key (instance_id, upload_id)
);

create table dcc_task_events (
  id bigserial primary key,
  instance_id uuid not null references dcc_task_instances (id) on delete cascade,
  kind text not null check (kind in ('draft_saved', 'submitted', 'validated', 'returned', 'files_added')),
  version int not null,
  actor_id uuid references users (id),
  comment text,
  at timestamptz not null default now()
);
create index dcc_task_events_instance on dcc_task_events (instance_id, id);

-- A facilitator's plan: a task (or a free activity) put on a date, then its outcome.
create table dcc_plans (
  id uuid primary key,
  cycle_id uuid not null references dcc_cycles (id) on delete cascade,
  facilitator_id uuid not null references users (id),
  unit_id uuid not null,
  task_id uuid references dcc_tasks (id) on delete set null,
  title text,
  planned_on date not null,
  outcome text check (outcome in ('done', 'not_done', 'other')),
  comment text,
  photo_upload_id uuid,
  updated_at timestamptz not null default now(),
  change_seq bigint not null,
  check (task_id is not null or title is not null)
);
${synced('dcc_plans')}
create index dcc_plans_facilitator on dcc_plans (facilitator_id, planned_on);
`;
