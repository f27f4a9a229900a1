/**
 * The MIS's sub-projects (issue #16, modules/mis): the community investments (schools, boreholes, markets,
 * tracks…) with their place, classification, estimated cost, beneficiaries, technical attributes, contracts,
 * files, and their progress as events.
 *
 * - Money is whole FCFA in `bigint` columns, never floating point (domain modules/mis/money.ts).
 * - Progress is append-only: `mis_subproject_events` holds steps and corrections (a correction cancels an
 *   earlier event, nothing is updated or deleted); the sub-project's `status`, `progress_percent` and
 *   `amount_spent` are derived from the events by the domain's rule (modules/mis/progress.ts) in the same
 *   transaction that appends, and kept on the row for lists and reports.
 * - Reference codes (component, sector, type, step) are checked by the service against the reference lists,
 *   which installations may extend: no SQL check on them.
 * - `area_path` is the path of the unit the sub-project stands in (a village or a canton): the jurisdiction
 *   scope, as for complaints and DCC instances.
 * - `priority_id` / `arbitration_id` name the DCC priority and canton arbitration the sub-project came from
 *   (issue #17 adds those tables and their foreign keys).
 */
export const sql = /* sql */ `
create sequence mis_subproject_number;

create table mis_subprojects (
  id uuid primary key,
  -- Human reference, e.g. 'SP-000042' (from mis_subproject_number), printed on documents.
  code text not null unique,
  title text not null,
  unit_id uuid not null references geo_units (id),
  area_path text not null,
  cvd_id uuid references village_groups (id),
  cycle_id uuid references dcc_cycles (id),
  component text not null,
  sector text not null,
  type text not null,
  estimated_cost bigint not null check (estimated_cost >= 0),
  -- Derived from the events (never typed): current step, physical %, FCFA spent.
  status text not null default 'identified',
  progress_percent smallint not null default 0 check (progress_percent between 0 and 100),
  amount_spent bigint not null default 0 check (amount_spent >= 0),
  -- { "<attribute code>": number } for the type's technical attributes (domain MIS_TECHNICAL_ATTRIBUTES).
  attributes jsonb not null default '{}',
  -- Planned beneficiaries: { direct: { men, women, youth }, indirect: { men, women, youth } } (integers).
  beneficiaries jsonb not null default '{}',
  latitude double precision,
  longitude double precision,
  priority_id uuid,
  arbitration_id uuid,
  description text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  constraint mis_subprojects_point check ((latitude is null) = (longitude is null))
);
create index mis_subprojects_area on mis_subprojects (area_path text_pattern_ops);
create index mis_subprojects_recent on mis_subprojects (updated_at desc, id desc);
create index mis_subprojects_status on mis_subprojects (status, sector);
create index mis_subprojects_cycle on mis_subprojects (cycle_id) where cycle_id is not null;

-- The villages a sub-project serves (a canton's market serves several); its own village is one of them.
create table mis_subproject_villages (
  subproject_id uuid not null references mis_subprojects (id) on delete cascade,
  village_id uuid not null references geo_units (id),
  primary key (subproject_id, village_id)
);
create index mis_subproject_villages_village on mis_subproject_villages (village_id);

create table mis_subproject_events (
  id uuid primary key,
  subproject_id uuid not null references mis_subprojects (id),
  -- Recording order: the rule replays events in it.
  seq bigint generated always as identity,
  kind text not null check (kind in ('step', 'correction')),
  step text,
  event_date date,
  progress_percent smallint check (progress_percent between 0 and 100),
  amount_spent bigint check (amount_spent >= 0),
  voids uuid references mis_subproject_events (id),
  note text not null default '',
  author_id uuid references users (id),
  recorded_at timestamptz not null default now(),
  constraint mis_subproject_events_step check ((kind = 'step') = (step is not null and event_date is not null)),
  constraint mis_subproject_events_correction check ((kind = 'correction') = (voids is not null)),
  unique (voids)
);
create index mis_subproject_events_subproject on mis_subproject_events (subproject_id, seq);

-- Photos and documents (PV, plans), claimed from the resumable uploads; an event's proof names its event.
create table mis_subproject_files (
  subproject_id uuid not null references mis_subprojects (id),
  upload_id uuid not null,
  event_id uuid references mis_subproject_events (id),
  storage_key text not null,
  kind text not null check (kind in ('photo', 'document')),
  filename text,
  content_type text,
  size_bytes bigint not null,
  taken_on date,
  caption text not null default '',
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  primary key (subproject_id, upload_id)
);

-- Contracts of a sub-project: works company, supervision, social and environmental control, furniture and
-- equipment, facilitation (the previous MIS's ET, CT, CSES, EFME, facilitator). Payments (finance) refer to them.
create table mis_contracts (
  id uuid primary key,
  subproject_id uuid not null references mis_subprojects (id),
  kind text not null check (kind in ('works', 'supervision', 'social_control', 'equipment', 'facilitation')),
  company text not null,
  reference text not null default '',
  amount bigint not null check (amount > 0),
  signed_on date,
  starts_on date,
  ends_on date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  constraint mis_contracts_dates check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index mis_contracts_subproject on mis_contracts (subproject_id);
`;
