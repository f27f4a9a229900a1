import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const domainSource = fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url));
const alias = { '@coso/domain': domainSource };

// Server integration tests run on embedded PGlite always, and again on a real PostgreSQL server when
// DATABASE_URL is set (CI sets it); each test file gets its own fresh database.
const serverProject = (name: string, db: 'pglite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name,
    include: ['packages/server/src/**/*.test.ts'],
    env: { TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      { resolve: { alias }, test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
      serverProject('server-pglite', 'pglite'),
      ...(process.env.DATABASE_URL ? [serverProject('server-postgres', 'postgres')] : []),
    ],
  },
});
