import type { Db } from '../db/driver.js';
import { createDataKey, unwrapDataKey, wrapDataKey } from './vault.js';

/**
 * Re-wraps every data key from the current master key to a new one, in one transaction: all or nothing.
 * The identities themselves are not touched (envelope encryption). Throws MasterKeyMismatch, changing
 * nothing, when `current` does not open the keys.
 */
export async function rewrapDataKeys(db: Db, current: Buffer, next: Buffer): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; wrapped: Uint8Array }>(
      'select id, wrapped_key as wrapped from encryption_keys order by created_at for update',
    );
    for (const row of rows) {
      const key = unwrapDataKey(current, row);
      await tx.query('update encryption_keys set wrapped_key = $2, rewrapped_at = now() where id = $1', [
        row.id,
        wrapDataKey(next, row.id, key),
      ]);
    }
    return rows.length;
  });
}

/**
 * Starts a new data key: new identities are sealed with it, older ones keep opening with the key they name
 * (retired keys are kept; re-encrypting old values under the new key is not done).
 */
export async function rotateDataKey(db: Db, masterKey: Buffer): Promise<string> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; wrapped: Uint8Array }>(
      'select id, wrapped_key as wrapped from encryption_keys for update',
    );
    // Refuse to add a key under a master key that is not the one of this database.
    for (const row of rows) unwrapDataKey(masterKey, row);
    await tx.query('update encryption_keys set retired_at = now() where retired_at is null');
    return (await createDataKey(tx, masterKey)).id;
  });
}
