import type { Queryable } from '../../../db/driver.js';
import type { Vault } from '../../../vault/vault.js';

export interface Identity {
  name: string | null;
  phone: string | null;
  email: string | null;
  whatsapp: string | null;
  postalAddress: string | null;
}

/** Binds a sealed identity to its complaint: copied onto another complaint's row, it does not open. */
const identityAad = (complaintId: string) => `coso:complainant_identities:${complaintId}`;

// The JSON is padded to a multiple of this, so the ciphertext's length says little about a name's length.
const PAD = 64;

export async function sealIdentity(q: Queryable, vault: Vault, complaintId: string, i: Identity) {
  const json = JSON.stringify({
    name: i.name,
    phone: i.phone,
    email: i.email,
    whatsapp: i.whatsapp,
    postalAddress: i.postalAddress,
  });
  const bytes = Buffer.from(json, 'utf8');
  const padded = Buffer.concat([bytes, Buffer.alloc(PAD - (bytes.length % PAD), ' ')]);
  return vault.encrypt(q, padded, identityAad(complaintId));
}

export async function openIdentity(
  q: Queryable,
  vault: Vault,
  complaintId: string,
  row: { keyId: string; sealed: Uint8Array },
): Promise<Identity> {
  const bytes = await vault.decrypt(q, row.keyId, row.sealed, identityAad(complaintId));
  return JSON.parse(bytes.toString('utf8')) as Identity;
}
