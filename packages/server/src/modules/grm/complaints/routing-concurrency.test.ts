import { OPEN_STATUSES } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type TestApp,
} from '../../../test/harness.js';

// PGlite has one connection: transactions cannot overlap there. The guarantee is tested on PostgreSQL.
const onPostgres = process.env.TEST_DB === 'postgres' && !!process.env.DATABASE_URL;

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let focals: string[];
let officer: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  tree = await makeTree(t.db);
  focals = [
    (await makeUser(t, ['focal_point'], [tree.a.region])).id,
    (await makeUser(t, ['focal_point'], [tree.a.region])).id,
  ];
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(() => t?.close());

const counts = async () =>
  t.db.query<{ id: string; counter: number; actual: number }>(
    `select h.user_id as id, h.open_cases as counter,
            (select count(*) from complaints c where c.assignee_id = h.user_id and c.status = any($2::text[]))::int
              as actual
       from handler_open_cases h where h.user_id = any($1::uuid[]) order by h.user_id`,
    [focals, OPEN_STATUSES],
  );

describe.runIf(onPostgres)('routing two cases filed at the same moment (PostgreSQL)', () => {
  it('gives them to the two least-loaded focal points, and the counters stay exact', async () => {
    for (let round = 1; round <= 8; round++) {
      await Promise.all(tree.a.villages.slice(0, 2).map((v) => fileComplaint(t, officer, v.id)));
      const rows = await counts();
      for (const r of rows) expect(r.counter).toBe(r.actual);
      // Both started each round equally loaded: one case each, never both to the same person.
      expect(
        rows.map((r) => r.actual),
        `round ${round}`,
      ).toEqual([round, round]);
    }
  });
});
