/** Grievance mechanism: reference lists, committees, routing and escalation, complaints and their history. */
export const sql = /* sql */ `
-- Every configurable list of the intake form, one table: types, categories, channels, age groups, genders,
-- vulnerability groups. Categories carry their routing-related flags.
create table reference_items (
  list text not null,
  code text not null,
  label_fr text not null,
  label_en text not null,
  sort int not null default 0,
  active boolean not null default true,
  sensitive boolean not null default false,
  requires_minutes boolean not null default false,
  out_of_scope boolean not null default false,
  updated_at timestamptz not null default now(),
  change_seq bigint not null default nextval('change_seq'),
  primary key (list, code),
  constraint reference_items_code check (code ~ '^[a-z0-9_]{1,40}$'),
  constraint reference_items_list check (list in ('type', 'category', 'channel', 'age_group', 'gender', 'vulnerability'))
);

-- Grievance committees (village, canton, …) and departments of the project unit, attached to a place.
create table grm_committees (
  id uuid primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('committee', 'department')),
  unit_id uuid not null references geo_units (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index grm_committees_unit on grm_committees (unit_id);

create table grm_committee_members (
  committee_id uuid not null references grm_committees (id) on delete cascade,
  user_id uuid not null references users (id),
  primary key (committee_id, user_id)
);

-- The levels a case climbs, per region (region_id null = the default chain).
create table escalation_chains (
  id uuid primary key,
  region_id uuid unique references geo_units (id),
  levels text[] not null,
  updated_at timestamptz not null default now()
);
create unique index escalation_chains_default on escalation_chains ((region_id is null)) where region_id is null;

-- category × area → handling level, committee, optional person. Most specific rule wins.
create table routing_rules (
  id uuid primary key,
  category_code text,
  area_id uuid references geo_units (id),
  handling_level text not null references geo_levels (code),
  committee_id uuid references grm_committees (id),
  assignee_id uuid references users (id),
  priority int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create sequence complaint_reference_seq;

create table complaints (
  id uuid primary key,
  tracking_code text not null unique,
  reference text not null unique,
  type_code text not null,
  category_code text not null,
  channel_code text not null,
  sensitive boolean not null,
  status text not null,
  closure_outcome text,
  description text not null,
  incident_date date,
  ongoing boolean not null default false,
  recurring boolean not null default false,
  subproject_ref text,
  village_id uuid not null references geo_units (id),
  area_path text not null,
  latitude double precision,
  longitude double precision,
  place_description text,
  anonymous boolean not null,
  complainant_kind text not null default 'individual',
  group_size int,
  gender text,
  age_group text,
  vulnerabilities text[] not null default '{}',
  preferred_language text,
  on_behalf_of text,
  identity_confidential boolean not null default true,
  handling_level text not null,
  handling_unit_id uuid not null references geo_units (id),
  committee_id uuid references grm_committees (id),
  assignee_id uuid references users (id),
  escalation_count int not null default 0,
  appeal_count int not null default 0,
  satisfaction int,
  recorded_by uuid references users (id),
  received_at timestamptz not null,
  acknowledged_at timestamptz,
  resolution_proposed_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  change_seq bigint not null default nextval('change_seq'),
  search tsvector generated always as (
    setweight(to_tsvector('simple', tracking_code || ' ' || reference), 'A') ||
    setweight(to_tsvector('french', description), 'B')
  ) stored,
  constraint complaints_point check ((latitude is null) = (longitude is null)),
  constraint complaints_satisfaction check (satisfaction between 1 and 5)
);
-- Lists are keyset-paginated on (received_at, id) within the caller's scope.
create index complaints_received on complaints (received_at desc, id desc);
create index complaints_area on complaints (area_path text_pattern_ops, received_at desc, id desc);
create index complaints_assignee on complaints (assignee_id, status, received_at desc);
create index complaints_status on complaints (status, received_at desc);
create index complaints_category on complaints (category_code, received_at desc);
create index complaints_search on complaints using gin (search);
create index complaints_unassigned on complaints (received_at desc) where assignee_id is null;
create index complaints_change_seq on complaints (change_seq);

-- The complainant's identity lives apart from the case so that it can be protected on its own.
create table complainant_identities (
  complaint_id uuid primary key references complaints (id) on delete cascade,
  name text,
  phone text,
  email text,
  whatsapp text,
  postal_address text
);

create table complaint_events (
  id bigint generated always as identity primary key,
  complaint_id uuid not null references complaints (id),
  at timestamptz not null default now(),
  actor_id uuid references users (id),
  kind text not null,
  from_status text,
  to_status text,
  payload jsonb not null default '{}',
  change_seq bigint not null default nextval('change_seq')
);
create index complaint_events_complaint on complaint_events (complaint_id, id);

create table complaint_attachments (
  id uuid primary key,
  complaint_id uuid not null references complaints (id),
  event_id bigint references complaint_events (id),
  purpose text not null check (purpose in ('evidence', 'minutes', 'investigation')),
  kind text not null check (kind in ('image', 'pdf', 'audio')),
  filename text not null,
  mime_type text not null,
  size_bytes int not null,
  sha256 text not null,
  storage_key text not null,
  preview_key text,
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now(),
  change_seq bigint not null default nextval('change_seq')
);
create index complaint_attachments_complaint on complaint_attachments (complaint_id);

create table saved_filters (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  query jsonb not null,
  created_at timestamptz not null default now(),
  unique (user_id, name)
);
`;
