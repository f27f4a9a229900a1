/**
 * Complainant identities encrypted at rest (docs/decisions/0007-identity-encryption.md).
 *
 * The master key is not available inside SQL, so this migration only moves the plaintext table aside as
 * `complainant_identities_legacy`; at start, before serving, the server seals every legacy row into the new
 * table and deletes it (modules/grm/complaints/legacy-identities.ts). The legacy table is then always empty; a
 * later migration drops it once every installation has started on 0004.
 */
export const sql = /* sql */ `
-- Data keys, only ever stored wrapped (AES-256-GCM, iv ‖ tag ‖ ciphertext) under the master key from
-- configuration. The current one is the newest not retired; retired keys still open older values.
create table encryption_keys (
  id uuid primary key,
  wrapped_key bytea not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  rewrapped_at timestamptz
);

alter table complainant_identities rename to complainant_identities_legacy;
alter table complainant_identities_legacy rename constraint complainant_identities_pkey
  to complainant_identities_legacy_pkey;
alter table complainant_identities_legacy rename constraint complainant_identities_complaint_id_fkey
  to complainant_identities_legacy_complaint_id_fkey;

-- The whole identity (name, phone, email, WhatsApp, postal address) as one sealed JSON document, bound to
-- its complaint by the associated data: iv ‖ tag ‖ ciphertext under data key key_id.
create table complainant_identities (
  complaint_id uuid primary key references complaints (id) on delete cascade,
  key_id uuid not null references encryption_keys (id),
  sealed bytea not null
);
create index complainant_identities_key on complainant_identities (key_id);
`;
