/**
 * The push side of the field sync (docs/sync.md): applied mutation ids (idempotency), tracking codes reserved
 * for devices to use offline, and resumable (tus) uploads waiting to be attached.
 */
export const sql = /* sql */ `
-- One row per mutation that took effect, written in the same transaction as its effect: a retried id finds
-- it and answers "duplicate" with the original result. Rejected or conflicting mutations leave no row.
create table sync_mutations (
  id uuid primary key,
  user_id uuid not null references users (id),
  type text not null,
  status text not null default 'applied' check (status = 'applied'),
  result jsonb not null default '{}'::jsonb,
  client_time timestamptz,
  applied_at timestamptz not null default now()
);
create index sync_mutations_user on sync_mutations (user_id, applied_at);

-- Codes handed to a device ahead of time, so a receipt printed offline carries the case's final code.
create table tracking_code_reservations (
  code text primary key,
  user_id uuid not null references users (id) on delete cascade,
  reserved_at timestamptz not null default now(),
  used_at timestamptz,
  complaint_id uuid references complaints (id)
);
create index tracking_code_reservations_open on tracking_code_reservations (user_id, reserved_at)
  where used_at is null;

-- A file being uploaded with the tus protocol; its bytes live in DATA_DIR/uploads/<id>.
create table sync_uploads (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  length bigint not null check (length >= 0),
  upload_offset bigint not null default 0 check (upload_offset >= 0 and upload_offset <= length),
  filename text,
  declared_type text,
  -- Set once the first bytes have been recognised (image, pdf, audio): see complaints/attachments/sniff.ts.
  kind text,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sync_uploads_user on sync_uploads (user_id, created_at);
create index sync_uploads_updated on sync_uploads (updated_at);
`;
