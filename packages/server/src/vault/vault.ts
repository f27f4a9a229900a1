import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/driver.js';
import { DecryptionError, KEY_BYTES, open, seal } from './aead.js';

/**
 * Envelope encryption. Values are sealed (AES-256-GCM) under a random data key; data keys are stored in
 * `encryption_keys` only wrapped (AES-256-GCM) under the master key, which comes from configuration and is
 * never written to the database. Rotating the master key re-wraps the few data keys, not every value.
 */
export interface Vault {
  /** Seals with the current data key (created on first use, in the caller's transaction). */
  encrypt(q: Queryable, plaintext: Buffer, aad: string): Promise<{ keyId: string; sealed: Buffer }>;
  /** Opens a value sealed under data key `keyId`; DecryptionError when it was altered or moved. */
  decrypt(q: Queryable, keyId: string, sealed: Uint8Array, aad: string): Promise<Buffer>;
  /** Unwraps every data key; throws MasterKeyMismatch when the master key is not the one that wrapped them. */
  verify(q: Queryable): Promise<number>;
}

export class MasterKeyMismatch extends Error {
  constructor() {
    super(
      'COSO_MASTER_KEY does not open the data keys of this database: it is not the key they were wrapped ' +
        'with (a wrong key, or a rotation not followed by the new key). Identities cannot be read.',
    );
    this.name = 'MasterKeyMismatch';
  }
}

interface KeyRow {
  id: string;
  wrapped: Uint8Array;
}

/** The associated data of a wrapped key: a wrapped key copied onto another row does not unwrap. */
const wrapAad = (id: string) => `coso:encryption_keys:${id}`;

export function wrapDataKey(masterKey: Buffer, id: string, dataKey: Buffer): Buffer {
  return seal(masterKey, dataKey, wrapAad(id));
}

export function unwrapDataKey(masterKey: Buffer, row: KeyRow): Buffer {
  try {
    return open(masterKey, row.wrapped, wrapAad(row.id), 'data key');
  } catch (err) {
    if (err instanceof DecryptionError) throw new MasterKeyMismatch();
    throw err;
  }
}

/** Adds a new current data key (new writes use it; older values keep opening with their own key). */
export async function createDataKey(q: Queryable, masterKey: Buffer): Promise<{ id: string; key: Buffer }> {
  const id = randomUUID();
  const key = randomBytes(KEY_BYTES);
  await q.query('insert into encryption_keys (id, wrapped_key) values ($1, $2)', [
    id,
    wrapDataKey(masterKey, id, key),
  ]);
  return { id, key };
}

export function createVault(masterKey: Buffer): Vault {
  if (masterKey.length !== KEY_BYTES) throw new Error('the master key must be 32 bytes');
  // Unwrapped data keys, by id. Ids are random UUIDs, so a key created in a transaction that was rolled
  // back can never be confused with another one.
  const cache = new Map<string, Buffer>();
  const unwrap = (row: KeyRow) => {
    let key = cache.get(row.id);
    if (!key) {
      key = unwrapDataKey(masterKey, row);
      cache.set(row.id, key);
    }
    return key;
  };

  return {
    async encrypt(q, plaintext, aad) {
      const [current] = await q.query<KeyRow>(
        `select id, wrapped_key as wrapped from encryption_keys
          where retired_at is null order by created_at desc, id limit 1`,
      );
      const { id, key } = current
        ? { id: current.id, key: unwrap(current) }
        : await createDataKey(q, masterKey);
      return { keyId: id, sealed: seal(key, plaintext, aad) };
    },

    async decrypt(q, keyId, sealed, aad) {
      let key = cache.get(keyId);
      if (!key) {
        const [row] = await q.query<KeyRow>(
          'select id, wrapped_key as wrapped from encryption_keys where id = $1',
          [keyId],
        );
        if (!row) throw new DecryptionError('value (unknown data key)');
        key = unwrap(row);
      }
      return open(key, sealed, aad);
    },

    async verify(q) {
      const rows = await q.query<KeyRow>('select id, wrapped_key as wrapped from encryption_keys');
      for (const row of rows) unwrap(row);
      return rows.length;
    },
  };
}
