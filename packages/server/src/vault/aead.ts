import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12; // 96 bits: the size GCM is specified for; a random IV per value.
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** A sealed value could not be opened: wrong key, or the bytes (or what they are bound to) were altered. */
export class DecryptionError extends Error {
  constructor(what: string) {
    super(`cannot decrypt ${what}: wrong key or altered data`);
    this.name = 'DecryptionError';
  }
}

/**
 * AES-256-GCM. The result is one buffer `iv ‖ tag ‖ ciphertext`. `aad` binds the value to where it is stored
 * (table, row, purpose), so a ciphertext copied onto another row or field does not open there.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens what `seal` produced; throws DecryptionError (never returns unauthenticated bytes). */
export function open(key: Buffer, sealed: Uint8Array, aad: string, what = 'value'): Buffer {
  const bytes = Buffer.from(sealed);
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DecryptionError(what);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError(what);
  }
}
