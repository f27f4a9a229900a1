/**
 * The MIS's finance (issue #16, modules/mis/finance): allocations, bank transfers, disbursement requests,
 * disbursements and payments against contracts, in whole FCFA (`bigint`, never floating point), with the
 * documents of each line and the dated USD exchange rates.
 *
 * - An allocation goes to a canton (`cvd_id` null) or to a CVD (`cvd_id` set, `canton_id` its canton) for a
 *   component; `area_path` is the canton's path: the jurisdiction scope of the allocation and of every line
 *   hanging on it. A payment's scope is its contract's sub-project's `area_path`.
 * - Lines are append-only. A mistake is cancelled by a reversal: a new row of the same table whose `reverses`
 *   names the line it cancels, with the same (positive) amount, counted negatively in every sum
 *   (`case when reverses is null then amount else -amount end`); a line is reversed at most once (unique) and a
 *   reversal is never reversed (the service checks). Nothing is updated or deleted, except a disbursement
 *   request's decision (pending → approved / rejected, with who and when).
 * - Balances are never stored: they are sums over these tables (modules/mis/finance/balances.ts).
 * - A transfer, disbursement or payment past its ceiling (the allocation, the contract) carries the reason and
 *   the person of the explicit override (`override_reason`, `override_by`), also written to the audit log.
 */
export const sql = /* sql */ `
create table mis_exchange_rates (
  valid_from date primary key,
  -- XOF for one USD, exact (domain exchangeRateSchema: up to 6 decimals).
  xof_per_usd numeric(14, 6) not null check (xof_per_usd > 0),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);

create table mis_allocations (
  id uuid primary key,
  canton_id uuid not null references geo_units (id),
  cvd_id uuid references village_groups (id),
  area_path text not null,
  component text not null,
  cycle_id uuid references dcc_cycles (id),
  amount bigint not null check (amount > 0),
  allocated_on date not null,
  note text not null default '',
  reverses uuid unique references mis_allocations (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index mis_allocations_area on mis_allocations (area_path text_pattern_ops, component);
create index mis_allocations_recent on mis_allocations (recorded_at desc, id desc);

create table mis_transfers (
  id uuid primary key,
  allocation_id uuid not null references mis_allocations (id),
  amount bigint not null check (amount > 0),
  transferred_on date not null,
  bank_reference text not null default '',
  note text not null default '',
  override_reason text,
  override_by uuid references users (id),
  reverses uuid unique references mis_transfers (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index mis_transfers_allocation on mis_transfers (allocation_id);
create index mis_transfers_recent on mis_transfers (recorded_at desc, id desc);

create table mis_disbursement_requests (
  id uuid primary key,
  allocation_id uuid not null references mis_allocations (id),
  amount bigint not null check (amount > 0),
  requested_on date not null,
  note text not null default '',
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text not null default '',
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  constraint mis_disbursement_requests_decided check ((status = 'pending') = (decided_at is null))
);
create index mis_disbursement_requests_allocation on mis_disbursement_requests (allocation_id);
create index mis_disbursement_requests_recent on mis_disbursement_requests (recorded_at desc, id desc);

create table mis_disbursements (
  id uuid primary key,
  allocation_id uuid not null references mis_allocations (id),
  request_id uuid references mis_disbursement_requests (id),
  amount bigint not null check (amount > 0),
  disbursed_on date not null,
  reference text not null default '',
  note text not null default '',
  override_reason text,
  override_by uuid references users (id),
  reverses uuid unique references mis_disbursements (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index mis_disbursements_allocation on mis_disbursements (allocation_id);
create index mis_disbursements_recent on mis_disbursements (recorded_at desc, id desc);

create table mis_payments (
  id uuid primary key,
  contract_id uuid not null references mis_contracts (id),
  amount bigint not null check (amount > 0),
  paid_on date not null,
  reference text not null default '',
  note text not null default '',
  override_reason text,
  override_by uuid references users (id),
  reverses uuid unique references mis_payments (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index mis_payments_contract on mis_payments (contract_id);
create index mis_payments_recent on mis_payments (recorded_at desc, id desc);

-- The documents of a line (bank slip, request letter, receipt, invoice), claimed from the resumable uploads.
create table mis_finance_files (
  line_table text not null check (line_table in
    ('mis_allocations', 'mis_transfers', 'mis_disbursement_requests', 'mis_disbursements', 'mis_payments')),
  line_id uuid not null,
  upload_id uuid not null unique,
  storage_key text not null,
  filename text,
  content_type text,
  size_bytes bigint not null,
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  primary key (line_table, line_id, upload_id)
);
`;
