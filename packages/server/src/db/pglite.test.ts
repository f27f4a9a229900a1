import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from './driver.js';
import { openPglite } from './pglite.js';

// The embedded database's memory settings (docs/maintainer-guide.md, "Memory"): PostgreSQL's 128 MB default
// of shared buffers sits in the WebAssembly heap for the life of the process.
describe.skipIf(process.env.TEST_DB === 'postgres')('embedded PGlite settings', () => {
  let db: RootDb;
  beforeAll(async () => {
    db = await openPglite();
  }, 180_000); // initdb of a fresh in-memory database: seconds alone, a minute on a busy shared machine
  afterAll(async () => {
    await db.close();
  });

  it('runs with 32 MB of shared buffers, trigram search available', async () => {
    const [row] = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(row?.shared_buffers).toBe('32MB');
    await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const [sim] = await db.query<{ s: number }>(`SELECT similarity('kara', 'kara') AS s`);
    expect(sim?.s).toBe(1);
  });
});
