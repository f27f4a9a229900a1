import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { generateInstances } from './generate.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
});
afterAll(() => t.close());

interface InstanceRow {
  code: string;
  unitId: string;
  unitKind: string;
  scopePath: string;
}
const instancesOf = (cycleId: string) =>
  t.db.query<InstanceRow>(
    `select k.code, i.unit_id as "unitId", i.unit_kind as "unitKind", i.scope_path as "scopePath"
       from dcc_task_instances i join dcc_tasks k on k.id = i.task_id
      where i.cycle_id = $1 order by k.code, i.unit_id`,
    [cycleId],
  );
const unitsOf = (rows: InstanceRow[], code: string) =>
  rows
    .filter((r) => r.code === code)
    .map((r) => r.unitId)
    .sort();

describe('generateInstances', () => {
  it('makes one instance per unit of each task level within the areas, CVD and canton ones shared', async () => {
    const cycleId = await makeCycle(t.db, [tree.a.prefecture]);
    expect(await generateInstances(t.db, cycleId)).toBe(4 + 1 + 1 + 1);
    const rows = await instancesOf(cycleId);
    expect(unitsOf(rows, 'V1')).toEqual(tree.a.villages.map((v) => v.id).sort());
    // One CVD instance for its two villages, scoped by its canton's path; branch b's CVD is outside.
    expect(rows.filter((r) => r.code === 'C1')).toEqual([
      { code: 'C1', unitId: tree.cvdA, unitKind: 'cvd', scopePath: tree.a.canton.path },
    ]);
    expect(unitsOf(rows, 'K1')).toEqual([tree.a.canton.id]);
    expect(unitsOf(rows, 'M1')).toEqual([tree.a.commune.id]);
    for (const r of rows.filter((x) => x.code === 'V1')) {
      expect(r).toMatchObject({ unitKind: 'geo', scopePath: expect.stringMatching(/^\/.*\/$/) });
      expect(r.scopePath.startsWith(tree.a.canton.path)).toBe(true);
    }
  });

  it('is idempotent: a second run creates nothing and keeps the instances as they were', async () => {
    const cycleId = await makeCycle(t.db, [tree.a.canton, tree.b.region]);
    const first = await generateInstances(t.db, cycleId);
    expect(first).toBe(4 + 3 + 2 + 2 + 2);
    await t.db.query(`update dcc_task_instances set status = 'draft', version = 2 where cycle_id = $1`, [
      cycleId,
    ]);
    expect(await generateInstances(t.db, cycleId)).toBe(0);
    const [row] = await t.db.query<{ n: number; drafts: number }>(
      `select count(*)::int as n, count(*) filter (where status = 'draft' and version = 2)::int as drafts
         from dcc_task_instances where cycle_id = $1`,
      [cycleId],
    );
    expect(row).toEqual({ n: first, drafts: first });
  });

  it('overlapping areas give each unit once; a cycle over villages still has their CVD, canton and commune', async () => {
    const overlapping = await makeCycle(t.db, [tree.a.region, tree.a.canton, tree.a.villages[0]!]);
    expect(await generateInstances(t.db, overlapping)).toBe(7);
    const villagesOnly = await makeCycle(t.db, [tree.a.villages[1]!, tree.a.villages[3]!]);
    expect(await generateInstances(t.db, villagesOnly)).toBe(2 + 1 + 1 + 1);
    const rows = await instancesOf(villagesOnly);
    expect(unitsOf(rows, 'C1')).toEqual([tree.cvdA]);
    expect(unitsOf(rows, 'K1')).toEqual([tree.a.canton.id]);
  });

  it('fills in only what a new task or a new area lacks', async () => {
    const cycleId = await makeCycle(t.db, [tree.a.canton]);
    expect(await generateInstances(t.db, cycleId)).toBe(7);
    await t.db.query('insert into dcc_cycle_areas (cycle_id, unit_id) values ($1, $2)', [
      cycleId,
      tree.b.canton.id,
    ]);
    // Branch b's canton: 3 villages, its CVD, the canton, its commune.
    expect(await generateInstances(t.db, cycleId)).toBe(6);
    const [v1] = await t.db.query<{ id: string }>(
      `select id from dcc_tasks where cycle_id = $1 and code = 'V1'`,
      [cycleId],
    );
    expect(await generateInstances(t.db, cycleId, [v1!.id])).toBe(0);
  });
});
