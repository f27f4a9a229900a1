import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { KEY_BYTES } from './aead.js';

export const MASTER_KEY_FILE = 'master.key';

/** Standard base64 of exactly 32 bytes, as printed by `openssl rand -base64 32`. */
export const MASTER_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!MASTER_KEY_PATTERN.test(trimmed)) throw new Error('not the base64 of 32 bytes');
  return Buffer.from(trimmed, 'base64');
}

/**
 * The master key of this process: COSO_MASTER_KEY when set (always in production, where config.ts requires
 * it); otherwise, in demo, training and test only, a key generated at first start into DATA_DIR/master.key
 * (mode 0600) and reused afterwards, so a laptop install works without any setting.
 */
export async function resolveMasterKey(config: Config): Promise<{ key: Buffer; source: string }> {
  if (config.masterKey) return { key: config.masterKey, source: 'COSO_MASTER_KEY' };
  if (config.environment === 'production') throw new Error('COSO_MASTER_KEY is required in production');
  const file = path.join(config.dataDir, MASTER_KEY_FILE);
  await mkdir(config.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists: two processes starting together never write two different keys.
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(`${randomBytes(KEY_BYTES).toString('base64')}\n`);
    } finally {
      await handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  try {
    return { key: parseMasterKey(await readFile(file, 'utf8')), source: file };
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
