import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { generateInstances } from '../instances/generate.js';

/** The review queue's "Animateur" column: the village's facilitator, else (CVD, canton…) the submitter. */

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let cycleId: string;
let specialist: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  cycleId = await makeCycle(t.db, [tree.a.canton]);
  await generateInstances(t.db, cycleId);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.canton])).username);
});
afterAll(() => t.close());

describe('DCC review queue', () => {
  it("names the village's facilitator, and the submitter where no village is assigned", async () => {
    const assigned = await makeUser(t, ['facilitator'], [tree.a.canton]);
    const other = await makeUser(t, ['facilitator'], [tree.a.canton]);
    await t.db.query(
      'insert into dcc_assignments (id, cycle_id, village_id, facilitator_id) values ($1, $2, $3, $4)',
      [randomUUID(), cycleId, tree.a.villages[0]!.id, assigned.id],
    );
    const submit = (unitId: string, by: string | null) =>
      t.db.query(
        `update dcc_task_instances set status = 'submitted', submitted_by = $3, submitted_at = now()
          where cycle_id = $1 and unit_id = $2`,
        [cycleId, unitId, by],
      );
    // The village's own by someone else still names its assigned facilitator.
    await submit(tree.a.villages[0]!.id, other.id);
    await submit(tree.cvdA, other.id);
    await submit(tree.a.canton.id, assigned.id);
    await submit(tree.a.villages[1]!.id, null);
    const res = await t.app.inject({
      url: `/api/v1/dcc/task-instances?status=submitted&cycleId=${cycleId}`,
      headers: specialist.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const byUnit = Object.fromEntries(
      res
        .json()
        .items.map((i: { unitId: string; facilitator: { id: string } | null }) => [
          i.unitId,
          i.facilitator?.id ?? null,
        ]),
    );
    expect(byUnit).toEqual({
      [tree.a.villages[0]!.id]: assigned.id,
      [tree.cvdA]: other.id,
      [tree.a.canton.id]: assigned.id,
      [tree.a.villages[1]!.id]: null,
    });
  });
});
