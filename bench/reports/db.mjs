/** Opens the benchmark database (PostgreSQL from DATABASE_URL, else PGlite in a folder), migrated and seeded. */
import { createServices } from '../../packages/server/dist/app.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { migrate } from '../../packages/server/dist/db/migrate.js';
import { openPglite } from '../../packages/server/dist/db/pglite.js';
import { openPostgres } from '../../packages/server/dist/db/postgres.js';
import { toAuthUser } from '../../packages/server/dist/platform/auth/service.js';
import { findUserById } from '../../packages/server/dist/platform/users/repo.js';
import { seedDemo } from '../../packages/server/dist/seed/demo.js';
import { resolveMasterKey } from '../../packages/server/dist/vault/master-key.js';

export async function openBench(pgliteDir) {
  if (!pgliteDir && !process.env.DATABASE_URL) {
    throw new Error('set DATABASE_URL (PostgreSQL) or pass --pglite <folder>');
  }
  const db = pgliteDir ? await openPglite(pgliteDir) : await openPostgres(process.env.DATABASE_URL, 4);
  await migrate(db);
  // The master key the server will use on this database (`npm start`): COSO_MASTER_KEY, else DATA_DIR/master.key
  // (./data by default), created here if missing. A random key would seal the demo identities under a key the
  // server never gets, and it would refuse to start on the generated database.
  const env = { COSO_ENV: 'test', DATA_DIR: process.env.DATA_DIR ?? './data' };
  if (process.env.COSO_MASTER_KEY) env.COSO_MASTER_KEY = process.env.COSO_MASTER_KEY;
  const loaded = loadConfig(env);
  const config = { ...loaded, masterKey: (await resolveMasterKey(loaded)).key };
  const services = createServices(db, config);
  const [{ n }] = await db.query('select count(*)::int as n from users');
  // The demo geography, accounts and 60 demo cases, as `npm start` would seed them.
  if (n === 0) await seedDemo(db, services);
  return { db, services, config, kind: pgliteDir ? 'pglite' : 'postgresql', close: () => db.close() };
}

/** A demo account as the API sees it once logged in. */
export async function loadActor(db, username) {
  const [row] = await db.query('select id from users where username = $1', [username]);
  if (!row) throw new Error(`no account ${username}: generate the database first`);
  return toAuthUser(await findUserById(db, row.id));
}
