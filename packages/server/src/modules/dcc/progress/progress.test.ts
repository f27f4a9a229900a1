import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type TestApp } from '../../../test/harness.js';
import { generateInstances } from '../instances/generate.js';
import { progressParts } from './service.js';

/**
 * The progress rollups (migration 0026) against the recomputation from the instances, after random writes of
 * every kind (single and set updates, deletions, regeneration), and training accounts that never count.
 */

const TEMPLATE = {
  phases: [
    {
      name: 'Phase 1',
      activities: [
        {
          name: 'Réunion 1',
          tasks: [
            { code: 'V1', name: 'Assemblée', level: 'village' as const },
            { code: 'C1', name: 'CVD', level: 'cvd' as const },
            { code: 'K1', name: 'Canton', level: 'canton' as const },
            { code: 'M1', name: 'Commune', level: 'commune' as const },
          ],
        },
      ],
    },
    {
      name: 'Phase 2',
      activities: [
        {
          name: 'Réunion 2',
          tasks: [
            { code: 'V2', name: 'Diagnostic', level: 'village' as const },
            { code: 'K2', name: 'Arbitrage', level: 'canton' as const },
          ],
        },
      ],
    },
  ],
};

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let cycleId: string;
let people: string[];
let trainee: string;
let reviewer: string;
let fac: string;

/** A small deterministic generator (mulberry32): the same "random" writes on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const areas = () => [
  tree.country,
  tree.a.region,
  tree.a.commune,
  tree.a.canton,
  tree.b.canton,
  tree.a.villages[0]!,
];

/** Both sources over every area: the same answer. */
async function expectSameAnswers() {
  for (const area of areas()) {
    const args = { cycleId, areaPath: area.path, facilitatorId: null, today: '2027-06-01' };
    const live = await progressParts(t.db, 'live', args);
    const rollup = await progressParts(t.db, 'rollup', args);
    expect(rollup, area.path).toEqual(live);
  }
}

/** The rollups' non-zero rows, then the same after a rebuild from the instances: equal. */
async function expectRollupsRebuildable() {
  const read = async () => ({
    areas: await t.db.query(
      `select unit_id, phase_id, submitted_by, total, validated, submitted from dcc_progress_areas
        where cycle_id = $1 and (total, validated, submitted) <> (0, 0, 0) order by 1, 2, 3`,
      [cycleId],
    ),
    villages: await t.db.query(
      `select village_id, phase_id, total, validated, own from dcc_progress_villages
        where cycle_id = $1 and (total, validated, own) <> (0, 0, 0) order by 1, 2`,
      [cycleId],
    ),
  });
  const kept = await read();
  await t.db.query('select dcc_progress_rebuild($1)', [cycleId]);
  expect(kept).toEqual(await read());
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  cycleId = await makeCycle(t.db, [tree.a.commune, tree.b.canton], TEMPLATE);
  await generateInstances(t.db, cycleId);
  fac = (await makeUser(t, ['facilitator'], [tree.a.canton])).id;
  const fac2 = (await makeUser(t, ['facilitator'], [tree.b.canton])).id;
  trainee = (await makeUser(t, ['facilitator'], [tree.a.canton])).id;
  reviewer = (await makeUser(t, ['cdd_specialist'], [tree.country])).id;
  people = [fac, fac2, trainee, reviewer];
  const assign = (village: string, facilitator: string) =>
    t.db.query(
      'insert into dcc_assignments (id, cycle_id, village_id, facilitator_id) values ($1, $2, $3, $4)',
      [randomUUID(), cycleId, village, facilitator],
    );
  await assign(tree.a.villages[0]!.id, fac);
  await assign(tree.a.villages[1]!.id, trainee);
  await assign(tree.b.villages[0]!.id, fac2);
});
afterAll(() => t.close());

describe('DCC progress rollups', () => {
  it('give the answer of the instances after random writes of every kind', async () => {
    const random = prng(15);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const statuses = ['todo', 'draft', 'submitted', 'validated', 'returned'] as const;
    const all = async () =>
      (
        await t.db.query<{ id: string }>(
          'select id from dcc_task_instances where cycle_id = $1 order by id',
          [cycleId],
        )
      ).map((r) => r.id);
    await expectSameAnswers();
    for (let round = 0; round < 6; round++) {
      const ids = await all();
      // One instance at a time, as the task service writes them.
      for (let k = 0; k < 5; k++) {
        await t.db.query(
          'update dcc_task_instances set status = $2, submitted_by = $3, reviewed_by = $4 where id = $1',
          [pick(ids), pick(statuses), pick([...people, null]), pick([reviewer, trainee, null])],
        );
      }
      // A set at once (a third of them), as a bulk job would.
      await t.db.query(
        `update dcc_task_instances set status = $2, submitted_by = $3
          where cycle_id = $1 and id = any($4)`,
        [cycleId, pick(statuses), pick(people), ids.filter(() => random() < 0.33)],
      );
      if (round % 2 === 1) {
        // Some go, then generation brings them back as 'todo'.
        await t.db.query('delete from dcc_task_instances where id = any($1)', [
          ids.filter(() => random() < 0.2),
        ]);
        await expectSameAnswers();
        await generateInstances(t.db, cycleId);
      }
      await expectSameAnswers();
    }
    await expectRollupsRebuildable();
  });

  it('never count a training account: not its submissions, not its validations, not it in the league', async () => {
    await t.db.query(
      `update dcc_task_instances set status = 'todo', submitted_by = null, reviewed_by = null where cycle_id = $1`,
      [cycleId],
    );
    const v0 = await t.db.query<{ id: string }>(
      `select i.id from dcc_task_instances i join dcc_tasks k on k.id = i.task_id
        where i.cycle_id = $1 and (i.unit_id = any($2) or i.scope_path = $3) order by i.id`,
      [cycleId, [tree.a.villages[0]!.id, tree.cvdA], tree.a.canton.path],
    );
    // Everything of village 0 (own, CVD, canton's) validated by the specialist, submitted by `fac`.
    await t.db.query(
      `update dcc_task_instances set status = 'validated', submitted_by = $2, reviewed_by = $3
        where id = any($1) or unit_id = $4`,
      [v0.map((r) => r.id), fac, reviewer, tree.a.commune.id],
    );
    const specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
    const read = async () => {
      const res = await t.app.inject({
        url: `/api/v1/dcc/progress?cycleId=${cycleId}&within=${tree.a.canton.id}`,
        headers: specialist.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await read();
    const phase1 = before.phases[0];
    expect(phase1.completed).toBeGreaterThanOrEqual(1);
    const league = (body: { facilitators: Array<{ id: string; tasksValidated: number }> }) =>
      Object.fromEntries(body.facilitators.map((f) => [f.id, f.tasksValidated]));
    expect(Object.keys(league(before))).toContain(trainee);
    const validatedByFac = league(before)[fac]!;
    expect(validatedByFac).toBeGreaterThan(0);

    // The reviewer becomes a training account: nothing they validated counts any more.
    const admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
    const flag = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${reviewer}`,
      headers: admin.headers,
      payload: { trainingAccount: true },
    });
    expect(flag.statusCode, flag.body).toBe(200);
    expect(flag.json().trainingAccount).toBe(true);
    const after = await read();
    expect(league(after)[fac]).toBe(0);
    expect(after.phases[0].completed).toBe(0);
    // The trainee leaves the league.
    await t.db.query('update users set training_account = true where id = $1', [trainee]);
    expect(Object.keys(league(await read()))).not.toContain(trainee);
    await expectSameAnswers();
    // Back to a real account: counted again, at once.
    await t.db.query('update users set training_account = false where id = $1', [reviewer]);
    expect(league(await read())[fac]).toBe(validatedByFac);
    await expectSameAnswers();
    await expectRollupsRebuildable();
  });
});
