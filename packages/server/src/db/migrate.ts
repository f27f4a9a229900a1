import type { Db } from './driver.js';
import { MIGRATIONS } from './migrations/index.js';

// Arbitrary constant shared by every process of the platform, so two processes never migrate at once.
const MIGRATION_LOCK = 7_402_027;

/** Applies pending migrations in one transaction; returns the ids it applied. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id),
    );
    const applied: string[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}

/** True when every migration this code knows is applied (used by /readyz). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const rows = await db.query<{ id: string }>('select id from schema_migrations');
  const done = new Set(rows.map((r) => r.id));
  return MIGRATIONS.every((m) => done.has(m.id));
}
