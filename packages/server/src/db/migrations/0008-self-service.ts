/**
 * Citizen self-service (GRM.md, "Citizen self-service"): rate-limit counters, one-time codes sent by SMS and
 * failed verifications. All in tables, so limits survive a restart and hold across several server processes.
 */
export const sql = /* sql */ `
-- Fixed-window counters: one row per bucket (what is limited), key (a hash of the client address, or a case)
-- and window. The upsert that counts is atomic, so concurrent processes never over-admit.
create table public_rate_limits (
  bucket text not null,
  key text not null,
  window_start timestamptz not null,
  hits int not null default 0,
  primary key (bucket, key, window_start)
);
create index public_rate_limits_window on public_rate_limits (window_start);

-- The last one-time code asked for a case: only its hash is kept, never the code itself.
create table public_otps (
  complaint_id uuid primary key references complaints (id),
  otp_hash text not null,
  expires_at timestamptz not null,
  attempts int not null default 0,
  created_at timestamptz not null default now()
);

-- Failed proofs of ownership (wrong last 4 digits, wrong or expired code): more than a few in an hour lock
-- the case's answer form for the rest of that hour.
create table public_verify_failures (
  id bigserial primary key,
  complaint_id uuid not null references complaints (id),
  at timestamptz not null default now()
);
create index public_verify_failures_case on public_verify_failures (complaint_id, at);
`;
