import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { migrationsApplied } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { MASTER_KEY_FILE, resolveMasterKey } from '../vault/master-key.js';
import { rewrapDataKeys, rotateDataKey } from '../vault/rotation.js';
import { MasterKeyMismatch } from '../vault/vault.js';

const USAGE = `Usage: npm run keys:rotate -w packages/server [-- --data-key]
  COSO_MASTER_KEY       the current master key (or, outside production, DATA_DIR/master.key)
  COSO_NEW_MASTER_KEY   re-wrap every data key under this new master key (one transaction)
  --data-key            start a new data key for new writes (older values keep their own key)
Stop the server first when it uses the embedded database (PGlite): one process opens it at a time.`;

/** Key rotation command; see docs/maintainer-guide.md, "Keys and confidentiality". */
async function main(args: string[]) {
  const config = loadConfig();
  const newDataKey = args.includes('--data-key');
  if (!config.newMasterKey && !newDataKey) throw new ConfigError([`nothing to do\n${USAGE}`]);
  if (config.newMasterKey && config.masterKey?.equals(config.newMasterKey)) {
    throw new ConfigError(['COSO_NEW_MASTER_KEY: must differ from COSO_MASTER_KEY']);
  }
  const current = await resolveMasterKey(config);
  const db = await openDatabase(config);
  try {
    if (!(await migrationsApplied(db)))
      throw new ConfigError(['database: start the server once to migrate it']);
    let key = current.key;
    if (config.newMasterKey) {
      const count = await rewrapDataKeys(db, key, config.newMasterKey);
      key = config.newMasterKey;
      console.log(`${count} data key(s) re-wrapped under the new master key.`);
      if (!config.masterKey) {
        // The key came from DATA_DIR/master.key (demo, training): replace the file, atomically.
        const file = path.join(config.dataDir, MASTER_KEY_FILE);
        await writeFile(`${file}.new`, `${key.toString('base64')}\n`, { mode: 0o600 });
        await rename(`${file}.new`, file);
        console.log(`${file} now holds the new master key.`);
      } else {
        console.log(
          'Set COSO_MASTER_KEY to the new key now and restart; the old key no longer opens anything.',
        );
      }
    }
    if (newDataKey) console.log(`New data key ${await rotateDataKey(db, key)} for new writes.`);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof ConfigError || err instanceof MasterKeyMismatch ? err.message : err);
  process.exit(1);
});
