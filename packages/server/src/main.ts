import { fileURLToPath } from 'node:url';
import { buildApp, createServices } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { sealLegacyIdentities } from './modules/grm/complaints/legacy-identities.js';
import { startWorker } from './platform/jobs/worker.js';
import { holdsDemoData, seedDemo } from './seed/demo.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-users.js';
import { createShutdown } from './shutdown.js';
import { resolveMasterKey } from './vault/master-key.js';
import { MasterKeyMismatch } from './vault/vault.js';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main() {
  const loaded = loadConfig();
  const masterKey = await resolveMasterKey(loaded);
  const config = { ...loaded, masterKey: masterKey.key, webDist: loaded.webDist ?? DEFAULT_WEB_DIST };
  const db = await openDatabase(config);
  const applied = await migrate(db);
  if (config.environment === 'production' && (await holdsDemoData(db))) {
    throw new ConfigError(['COSO_ENV=production: this database holds demo data; use a fresh database']);
  }
  const services = createServices(db, config);
  // A wrong master key stops the start here, before any identity is written under a key nobody can read.
  await services.vault.verify(db);
  const sealed = await sealLegacyIdentities(db, services.vault);
  const seeded = config.seedDemo ? await seedDemo(db, services) : false;
  const app = await buildApp({ config, db, services });
  const worker = startWorker({
    db,
    config,
    log: app.log,
    vault: services.vault,
    exports: services.exports,
    jobs: services.jobs,
  });
  await app.listen({ port: config.port, host: config.host });

  // Drains requests in flight and running tasks, then closes the database (PGlite flushes its data folder).
  const shutdown = createShutdown({ app, worker, db, log: app.log });
  const onSignal = (signal: string) => {
    shutdown(signal).then(
      (outcome) => process.exit(outcome === 'drained' ? 0 : 1),
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal must not fall back to Node's default (an immediate exit).
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  const lines = [
    '',
    `COSO Platform ${config.environment} — ${url}`,
    `Database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema up to date',
    `Master key: ${masterKey.source}${sealed ? ` (${sealed} plaintext identities encrypted)` : ''}`,
    `Field app (phones, works offline): ${url}/terrain/`,
    `API documentation: ${url}/api/docs`,
  ];
  if (config.seedDemo) {
    lines.push(seeded ? 'Demo data loaded.' : 'Demo data already present.');
    lines.push(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof MasterKeyMismatch ? err.message : err);
  process.exit(1);
});
