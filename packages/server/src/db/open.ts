import path from 'node:path';
import type { Config } from '../config.js';
import type { RootDb } from './driver.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Real PostgreSQL when DATABASE_URL is set, else the embedded PGlite database kept in DATA_DIR/pgdata. */
export function openDatabase(config: Config): Promise<RootDb> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, config.databasePoolSize)
    : openPglite(path.join(config.dataDir, 'pgdata'));
}
