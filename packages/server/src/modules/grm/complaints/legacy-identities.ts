import type { Db } from '../../../db/driver.js';
import type { Vault } from '../../../vault/vault.js';
import { type Identity, insertIdentity } from './repo.js';

/**
 * Migration 0004 moved the plaintext identities aside (complainant_identities_legacy) because SQL has no
 * master key. This seals each of them into complainant_identities and deletes the plaintext, in one
 * transaction, at start before serving. Returns how many were sealed (0 on every later start).
 */
export async function sealLegacyIdentities(db: Db, vault: Vault): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<Identity & { complaintId: string }>(
      `select complaint_id as "complaintId", name, phone, email, whatsapp, postal_address as "postalAddress"
         from complainant_identities_legacy for update`,
    );
    for (const { complaintId, ...identity } of rows) {
      await insertIdentity(tx, vault, complaintId, identity);
    }
    if (rows.length) await tx.query('delete from complainant_identities_legacy');
    return rows.length;
  });
}
