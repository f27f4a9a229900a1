/**
 * Notification delivery: the outbox becomes a queue per channel (in-app, email, SMS) with retries, the
 * in-app inbox of staff, the editable message templates, and the complainant's consent to be notified.
 */
export const sql = /* sql */ `
-- Whether the complainant agreed to receive messages (receipt, acknowledgment, proposal, closure) on the
-- phone or email they gave; without it nothing is ever sent to them.
alter table complaints add column notify_consent boolean not null default false;

-- One row per message to one recipient on one channel. recipient_kind 'complainant' means the address is read
-- from the encrypted identity at sending time, never stored here. dedupe_key makes a producer that runs twice
-- for the same fact (same event, same deadline) write one row. A row being sent is 'sending' until
-- lease_until; one found past its lease was interrupted mid-send and becomes 'failed' (status unknown), so
-- that it is never sent twice behind the admin's back — the admin may retry it.
alter table notification_outbox
  add column channel text not null default 'in_app' check (channel in ('in_app', 'email', 'sms')),
  add column recipient_kind text not null default 'user' check (recipient_kind in ('user', 'complainant')),
  add column locale text not null default 'fr' check (locale in ('fr', 'en')),
  add column dedupe_key text,
  add column next_attempt_at timestamptz not null default now(),
  add column lease_until timestamptz,
  add column provider_id text;
alter table notification_outbox drop constraint notification_outbox_status_check;
alter table notification_outbox add constraint notification_outbox_status_check
  check (status in ('pending', 'sending', 'sent', 'failed', 'skipped'));
create unique index notification_outbox_dedupe on notification_outbox (dedupe_key) where dedupe_key is not null;
drop index notification_outbox_pending;
create index notification_outbox_due on notification_outbox (next_attempt_at, id) where status = 'pending';
create index notification_outbox_status on notification_outbox (status, id desc);

-- The in-app notification centre of staff: what the sender delivered on the in_app channel.
create table notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references users (id) on delete cascade,
  outbox_id bigint unique references notification_outbox (id),
  topic text not null,
  complaint_id uuid references complaints (id),
  title text not null,
  body text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, id desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Message texts edited by the administrator; a topic/channel/locale without a row uses the built-in default.
create table notification_templates (
  topic text not null,
  channel text not null check (channel in ('in_app', 'email', 'sms')),
  locale text not null check (locale in ('fr', 'en')),
  subject text not null default '',
  body text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (topic, channel, locale)
);
`;
