import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import type { Db } from '../db/driver.js';
import { openTestDatabase } from '../test/database.js';
import { DecryptionError, open, seal } from './aead.js';
import { resolveMasterKey } from './master-key.js';
import { rewrapDataKeys, rotateDataKey } from './rotation.js';
import { createVault, MasterKeyMismatch } from './vault.js';

const text = (b: Buffer) => b.toString('utf8');

describe('AES-256-GCM sealing', () => {
  const key = randomBytes(32);

  it('uses a fresh IV for every value and opens only with the same key and associated data', () => {
    const a = seal(key, Buffer.from('Kodjo Abalo'), 'row-1');
    const b = seal(key, Buffer.from('Kodjo Abalo'), 'row-1');
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(text(open(key, a, 'row-1'))).toBe('Kodjo Abalo');
    expect(() => open(key, a, 'row-2')).toThrow(DecryptionError);
    expect(() => open(randomBytes(32), a, 'row-1')).toThrow(DecryptionError);
  });

  it('refuses a tampered ciphertext, tag or IV with a clean error', () => {
    const sealed = seal(key, Buffer.from('+22890112233'), 'x');
    for (const at of [0, 12, 28, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] = bad[at]! ^ 1;
      expect(() => open(key, bad, 'x')).toThrow(/cannot decrypt value: wrong key or altered data/);
    }
    expect(() => open(key, sealed.subarray(0, 20), 'x')).toThrow(DecryptionError);
  });
});

describe('vault and key rotation', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await openTestDatabase()));
  afterAll(() => drop());

  it('stores data keys only wrapped, and refuses a wrong master key at start', async () => {
    const master = randomBytes(32);
    const vault = createVault(master);
    const { keyId, sealed } = await vault.encrypt(db, Buffer.from('secret'), 'aad');
    expect(text(await vault.decrypt(db, keyId, sealed, 'aad'))).toBe('secret');
    const [row] = await db.query<{ wrapped_key: Uint8Array }>(
      'select wrapped_key from encryption_keys where id = $1',
      [keyId],
    );
    expect(Buffer.from(row!.wrapped_key)).toHaveLength(12 + 16 + 32);
    expect(Buffer.from(row!.wrapped_key).includes(master)).toBe(false);
    await expect(createVault(master).verify(db)).resolves.toBeGreaterThan(0);
    await expect(createVault(randomBytes(32)).verify(db)).rejects.toThrow(MasterKeyMismatch);
    await expect(createVault(randomBytes(32)).verify(db)).rejects.toThrow(/COSO_MASTER_KEY does not open/);
  });

  it('re-wraps every data key under a new master key; values open with the new key only', async () => {
    await db.query('delete from encryption_keys');
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const first = await createVault(oldKey).encrypt(db, Buffer.from('one'), 'a');
    await rotateDataKey(db, oldKey);
    const second = await createVault(oldKey).encrypt(db, Buffer.from('two'), 'b');
    expect(second.keyId).not.toBe(first.keyId);
    const before = await db.query('select id, wrapped_key from encryption_keys order by id');

    await expect(rewrapDataKeys(db, randomBytes(32), newKey)).rejects.toThrow(MasterKeyMismatch);
    expect(await db.query('select id, wrapped_key from encryption_keys order by id')).toEqual(before);

    expect(await rewrapDataKeys(db, oldKey, newKey)).toBe(2);
    const fresh = createVault(newKey);
    expect(text(await fresh.decrypt(db, first.keyId, first.sealed, 'a'))).toBe('one');
    expect(text(await fresh.decrypt(db, second.keyId, second.sealed, 'b'))).toBe('two');
    await expect(createVault(oldKey).decrypt(db, first.keyId, first.sealed, 'a')).rejects.toThrow(
      MasterKeyMismatch,
    );
    await expect(createVault(oldKey).verify(db)).rejects.toThrow(MasterKeyMismatch);
    // New writes use the newest data key, not a retired one.
    expect((await fresh.encrypt(db, Buffer.from('three'), 'c')).keyId).toBe(second.keyId);
  });

  it('refuses to start a data key under a master key that is not this database’s', async () => {
    await expect(rotateDataKey(db, randomBytes(32))).rejects.toThrow(MasterKeyMismatch);
  });
});

describe('master key configuration', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'coso-key-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('requires COSO_MASTER_KEY in production and checks its form', () => {
    expect(() => loadConfig({ COSO_ENV: 'production' })).toThrow(/COSO_MASTER_KEY: required in production/);
    expect(() => loadConfig({ COSO_MASTER_KEY: 'c2hvcnQ=' })).toThrow(ConfigError);
    expect(() => loadConfig({ COSO_NEW_MASTER_KEY: 'x'.repeat(44) })).toThrow(/COSO_NEW_MASTER_KEY/);
    const key = randomBytes(32);
    expect(loadConfig({ COSO_MASTER_KEY: key.toString('base64') }).masterKey).toEqual(key);
  });

  it('generates DATA_DIR/master.key once (mode 0600) outside production, and reuses it', async () => {
    const config = loadConfig({ COSO_ENV: 'demo', DATA_DIR: dir });
    const first = await resolveMasterKey(config);
    const file = path.join(dir, 'master.key');
    expect(first.source).toBe(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await resolveMasterKey(config)).key).toEqual(first.key);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.key.toString('base64'));
    const given = randomBytes(32);
    const fromEnv = await resolveMasterKey({ ...config, masterKey: given });
    expect(fromEnv).toEqual({ key: given, source: 'COSO_MASTER_KEY' });
  });
});
