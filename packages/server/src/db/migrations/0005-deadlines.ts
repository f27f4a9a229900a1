/** Business-day deadlines of grievance cases, their settings, the holidays entered per year, an outbox. */
export const sql = /* sql */ `
-- Holidays the administrator enters per year (Tabaski, end of Ramadan, Maouloud…) and extra closures. Fixed
-- Togolese holidays and the Easter-derived ones are computed by the domain calendar, not stored.
create table public_holidays (
  date date primary key,
  label_fr text not null,
  label_en text not null,
  kind text not null check (kind in ('fixed', 'movable')),
  created_at timestamptz not null default now()
);

-- Deadlines in business days per level and optionally per category; the most specific row wins.
create table sla_settings (
  id uuid primary key,
  level text references geo_levels (code),
  category_code text,
  acknowledge_days int not null check (acknowledge_days between 1 and 365),
  resolve_days int not null check (resolve_days between 1 and 365),
  answer_days int not null check (answer_days between 1 and 365),
  appeal_days int not null check (appeal_days between 1 and 365),
  reminder_days int not null default 2 check (reminder_days between 0 and 60),
  auto_escalate boolean not null default false,
  updated_at timestamptz not null default now()
);
create unique index sla_settings_scope on sla_settings ((coalesce(level, '')), (coalesce(category_code, '')));
insert into sla_settings (id, level, category_code, acknowledge_days, resolve_days, answer_days, appeal_days,
                          reminder_days, auto_escalate)
values ('00000000-0000-4000-8000-000000000021', null, null, 5, 30, 10, 30, 2, false);

-- The source of truth for due dates. remind_on is computed with the due date (same calendar, same settings)
-- so that the deadline scan is a plain indexed range query.
create table complaint_deadlines (
  complaint_id uuid not null references complaints (id),
  kind text not null check (kind in ('acknowledge', 'resolve', 'answer', 'appeal')),
  started_on date not null,
  due_date date not null,
  remind_on date not null,
  handling_level text not null,
  reminded_at timestamptz,
  breached_at timestamptz,
  met_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (complaint_id, kind)
);
create index complaint_deadlines_breach on complaint_deadlines (due_date) where met_at is null and breached_at is null;
create index complaint_deadlines_remind on complaint_deadlines (remind_on) where met_at is null and reminded_at is null;
create index complaint_deadlines_open on complaint_deadlines (complaint_id, due_date) where met_at is null;

-- Messages to send after commit (reminders, breaches…), written in the same transaction as their event. The
-- sender (email/SMS/in-app) is a later feature; it marks rows sent and retries failed ones.
create table notification_outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  complaint_id uuid references complaints (id),
  recipient_user_id uuid references users (id),
  payload jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notification_outbox_pending on notification_outbox (id) where status = 'pending';
`;
