/**
 * Sensitive-case sharing, referrals to services, and publication review (GRM.md, "Confidentiality and
 * sensitive cases").
 */
export const sql = /* sql */ `
-- People explicitly added to a sensitive case by its assignee or a sensitive-case focal point of its area:
-- they see it and comment on it like its handlers, nothing more. A removal deletes the row; the timeline and
-- the audit log keep who was added and removed, when and why.
create table complaint_access (
  complaint_id uuid not null references complaints (id),
  user_id uuid not null references users (id),
  added_by uuid not null references users (id),
  added_at timestamptz not null default now(),
  reason text not null,
  primary key (complaint_id, user_id)
);
-- The scope of every list asks "was this user added to this case?".
create index complaint_access_user on complaint_access (user_id, complaint_id);

-- Referrals of the complainant (a survivor, mostly) to services, with what came of them. Distinct from the
-- lifecycle action 'refer', which closes a case sent to another body.
create table complaint_referrals (
  id uuid primary key,
  complaint_id uuid not null references complaints (id),
  service text not null check (service in ('health', 'psychosocial', 'legal', 'police', 'other')),
  provider text,
  referred_on date not null,
  outcome text,
  outcome_on date,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint complaint_referrals_outcome check ((outcome is null) = (outcome_on is null)),
  constraint complaint_referrals_dates check (outcome_on is null or outcome_on >= referred_on)
);
create index complaint_referrals_complaint on complaint_referrals (complaint_id, referred_on, id);

-- Publication review: wider staff (supervisors) see a case only once a reviewer has published a sanitised
-- summary, and then only the summary. Their full-text search runs on public_search, which never holds the
-- original description.
alter table complaints
  add column public_summary text,
  add column published_at timestamptz,
  add column published_by uuid references users (id),
  add column public_search tsvector generated always as (
    setweight(to_tsvector('simple', tracking_code || ' ' || reference), 'A') ||
    setweight(to_tsvector('french', coalesce(public_summary, '')), 'B')
  ) stored;
alter table complaints add constraint complaints_published
  check ((published_at is null) = (public_summary is null));
create index complaints_public_search on complaints using gin (public_search);
`;
