/** Geography, users, sessions and tokens, login throttling, the audit log. */
export const sql = /* sql */ `
create sequence change_seq;

create table app_meta (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table geo_levels (
  code text primary key,
  rank int not null unique,
  label_fr text not null,
  label_en text not null
);

insert into geo_levels (code, rank, label_fr, label_en) values
  ('country', 0, 'Pays', 'Country'),
  ('region', 1, 'Région', 'Region'),
  ('prefecture', 2, 'Préfecture', 'Prefecture'),
  ('commune', 3, 'Commune', 'Commune'),
  ('canton', 4, 'Canton', 'Canton'),
  ('village', 5, 'Village', 'Village');

create table geo_units (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_key text not null,
  alt_names text[] not null default '{}',
  level text not null references geo_levels (code),
  parent_id uuid references geo_units (id),
  path text not null unique,
  border boolean not null default false,
  rural boolean,
  latitude double precision,
  longitude double precision,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null default nextval('change_seq'),
  constraint geo_units_point check ((latitude is null) = (longitude is null))
);
create index geo_units_children on geo_units (parent_id, name_key, id);
create unique index geo_units_name_in_parent on geo_units (parent_id, name_key) where parent_id is not null;
create index geo_units_path on geo_units (path text_pattern_ops);
create index geo_units_level_name on geo_units (level, name_key, id);
create index geo_units_change_seq on geo_units (change_seq);

create table village_groups (
  id uuid primary key,
  kind text not null check (kind in ('cvd', 'geographical_unit')),
  code text not null unique,
  name text not null,
  name_key text not null,
  canton_id uuid not null references geo_units (id),
  headquarters_village_id uuid references geo_units (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null default nextval('change_seq')
);
create index village_groups_canton on village_groups (canton_id, kind);

create table village_group_members (
  group_id uuid not null references village_groups (id) on delete cascade,
  kind text not null,
  village_id uuid not null references geo_units (id),
  primary key (group_id, village_id),
  -- A village belongs to at most one CVD and one geographical unit.
  unique (kind, village_id)
);

create table users (
  id uuid primary key,
  username text not null unique,
  email text unique,
  display_name text not null,
  phone text,
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz,
  password_changed_at timestamptz not null default now()
);

create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null,
  primary key (user_id, role)
);
create index user_roles_role on user_roles (role);

create table user_jurisdictions (
  user_id uuid not null references users (id) on delete cascade,
  unit_id uuid not null references geo_units (id),
  primary key (user_id, unit_id)
);
create index user_jurisdictions_unit on user_jurisdictions (unit_id);

-- Browser sessions and API/device tokens are both bearer secrets kept server-side so they can be revoked;
-- only a SHA-256 hash of the secret is stored.
create table auth_sessions (
  id uuid primary key,
  kind text not null check (kind in ('session', 'token')),
  secret_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text,
  device_name text,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index auth_sessions_user on auth_sessions (user_id, kind);
create index auth_sessions_expiry on auth_sessions (expires_at);

create table auth_failures (
  id bigint generated always as identity primary key,
  login_key text not null,
  ip text not null,
  at timestamptz not null default now()
);
create index auth_failures_login on auth_failures (login_key, at);
create index auth_failures_ip on auth_failures (ip, at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references users (id),
  entity text not null,
  entity_id text,
  action text not null,
  changes jsonb,
  ip text
);
create index audit_log_entity on audit_log (entity, entity_id, id);
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_at on audit_log (at, id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
`;
