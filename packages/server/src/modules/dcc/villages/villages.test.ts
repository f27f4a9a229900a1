import type { VillageFile } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import {
  createTestApp,
  login,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { generateInstances } from '../instances/generate.js';

/** A village's full file: two cycles, a reassignment, the shared CVD instance, scoping per role. */

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let older: string;
let newer: string;
let specialistA: Session;
let specialistB: Session;
let fac1: Session;
let fac2: Session;
let fac1Id: string;
let fac2Id: string;
const UPLOAD = '00000000-0000-4000-8000-0000000000aa';

const fileOf = (s: Session, id: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/dcc/villages/${id}/file${query}`, headers: s.headers });

async function instanceOf(cycleId: string, code: string, unitId: string) {
  const [row] = await t.db.query<{ id: string; version: number }>(
    `select ti.id, ti.version from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
      where ti.cycle_id = $1 and t.code = $2 and ti.unit_id = $3`,
    [cycleId, code, unitId],
  );
  return row!;
}

async function assign(cycleId: string, facilitatorId: string, villageId: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dcc/cycles/${cycleId}/assignments`,
    headers: specialistA.headers,
    payload: { facilitatorId, unitIds: [villageId] },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function act(s: Session, id: string, action: 'submit' | 'review', payload: object) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dcc/task-instances/${id}/${action}`,
    headers: s.headers,
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number };
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  older = await makeCycle(t.db, [tree.a.canton, tree.b.canton]);
  await t.db.query(
    `update dcc_cycles set year = 2026, starts_on = '2026-01-01', ends_on = '2026-12-31' where id = $1`,
    [older],
  );
  newer = await makeCycle(t.db, [tree.a.canton, tree.b.canton]);
  await generateInstances(t.db, older);
  await generateInstances(t.db, newer);
  specialistA = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.region])).username);
  specialistB = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.b.region])).username);
  const f1 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  const f2 = await makeUser(t, ['facilitator'], [tree.a.canton]);
  [fac1Id, fac2Id] = [f1.id, f2.id];
  fac1 = await login(t, f1.username);
  fac2 = await login(t, f2.username);
  const v0 = tree.a.villages[0]!.id;
  // The older cycle: fac1 submits the village's task, then the village goes to fac2; the specialist validates.
  await assign(older, fac1Id, v0);
  const v1 = await instanceOf(older, 'V1', v0);
  const submitted = await act(fac1, v1.id, 'submit', { baseVersion: v1.version });
  await assign(older, fac2Id, v0);
  await act(specialistA, v1.id, 'review', { decision: 'validate', baseVersion: submitted.version });
  await assign(newer, fac2Id, v0);
  // A file of the shared CVD instance (as the task service stores it; the upload itself is not read here).
  await t.db.query(
    `insert into dcc_task_files (instance_id, slot, upload_id, storage_key, kind, filename, size_bytes, added_by)
     values ($1, 'pv', $2, 'k/pv', 'document', 'pv.pdf', 1200, $3)`,
    [(await instanceOf(older, 'C1', tree.cvdA)).id, UPLOAD, fac1Id],
  );
});
afterAll(() => t.close());

describe('GET /api/v1/dcc/villages/:id/file', () => {
  it('gives every cycle newest first, the facilitators over time, the results kept with the village', async () => {
    const v0 = tree.a.villages[0]!;
    const res = await fileOf(specialistA, v0.id);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as VillageFile;
    expect(file.village).toMatchObject({ id: v0.id, cvd: { id: tree.cvdA } });
    expect(file.village.path.map((u) => u.id)).toEqual(
      [tree.a.region, tree.a.prefecture, tree.a.commune, tree.a.canton].map((u) => u.id),
    );
    expect(file.cycles.map((c) => c.id)).toEqual([newer, older]);
    const [latest, first] = file.cycles as [VillageFile['cycles'][number], VillageFile['cycles'][number]];
    expect(first.assignments.map((a) => [a.facilitator.id, a.active, a.endedAt !== null])).toEqual([
      [fac2Id, true, false],
      [fac1Id, false, true],
    ]);
    expect(latest.assignments.map((a) => a.facilitator.id)).toEqual([fac2Id]);
    // Its own task and those over it (CVD, canton, commune), in template order.
    expect(first.tasks.map((x) => [x.taskCode, x.unitId])).toEqual([
      ['V1', v0.id],
      ['C1', tree.cvdA],
      ['K1', tree.a.canton.id],
      ['M1', tree.a.commune.id],
    ]);
    expect(first.tasks[0]).toMatchObject({ status: 'validated', submittedBy: { id: fac1Id } });
    expect(first.tasks[1]!.files).toEqual([
      expect.objectContaining({
        slot: 'pv',
        filename: 'pv.pdf',
        addedBy: expect.objectContaining({ id: fac1Id }),
        url: `/api/v1/dcc/task-instances/${first.tasks[1]!.id}/files/${UPLOAD}`,
      }),
    ]);
    expect(latest.tasks.map((x) => x.status)).toEqual(['todo', 'todo', 'todo', 'todo']);
    expect(file.timeline.items.map((e) => [e.kind, e.taskCode, e.cycleId])).toEqual([
      ['validated', 'V1', older],
      ['submitted', 'V1', older],
    ]);
    expect(file.timeline.nextCursor).toBeNull();
  });

  it("shows a CVD's one instance in each of its villages' files, not in other villages'", async () => {
    const c1 = (await instanceOf(older, 'C1', tree.cvdA)).id;
    const tasksOf = async (id: string) => {
      const file = (await fileOf(specialistA, id)).json() as VillageFile;
      return file.cycles.find((c) => c.id === older)!.tasks.map((x) => x.id);
    };
    expect(await tasksOf(tree.a.villages[0]!.id)).toContain(c1);
    expect(await tasksOf(tree.a.villages[1]!.id)).toContain(c1);
    expect(await tasksOf(tree.a.villages[2]!.id)).not.toContain(c1);
  });

  it('pages the timeline newest first and refuses a forged cursor', async () => {
    const v0 = tree.a.villages[0]!.id;
    const one = (await fileOf(specialistA, v0, '?limit=1')).json() as VillageFile;
    expect(one.timeline.items.map((e) => e.kind)).toEqual(['validated']);
    expect(one.timeline.nextCursor).not.toBeNull();
    const two = (
      await fileOf(specialistA, v0, `?limit=1&cursor=${one.timeline.nextCursor}`)
    ).json() as VillageFile;
    expect(two.timeline.items.map((e) => e.kind)).toEqual(['submitted']);
    expect(two.timeline.nextCursor).toBeNull();
    const bad = await fileOf(specialistA, v0, '?cursor=nonsense');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_cursor']);
  });

  it('is scoped like the instances: 404 out of scope, for unknown ids and non-villages; 403 without dcc.read', async () => {
    const v0 = tree.a.villages[0]!.id;
    // The facilitator now assigned sees the results of the one before; the one reassigned away sees nothing.
    const now = (await fileOf(fac2, v0)).json() as VillageFile;
    expect(now.cycles.map((c) => c.id)).toEqual([newer, older]);
    expect(now.cycles[1]!.tasks[0]).toMatchObject({ taskCode: 'V1', submittedBy: { id: fac1Id } });
    expect((await fileOf(fac1, v0)).statusCode).toBe(404);
    expect((await fileOf(fac2, tree.a.villages[1]!.id)).statusCode).toBe(404);
    const other = await fileOf(specialistB, v0);
    expect([other.statusCode, other.json().code]).toEqual([404, 'not_found']);
    // A village of its region without instances of its own is still the specialist's to read.
    const lone = await makeUnit(t.db, tree.b.canton, 'village');
    const empty = await fileOf(specialistB, lone.id);
    expect(empty.statusCode, empty.body).toBe(200);
    // Created after the cycles' instances: only those of the canton and commune over it concern it.
    const levels = (empty.json() as VillageFile).cycles.flatMap((c) => c.tasks.map((x) => x.level));
    expect(levels).toEqual(['canton', 'commune', 'canton', 'commune']);
    expect((await fileOf(specialistA, lone.id)).statusCode).toBe(404);
    expect((await fileOf(specialistA, tree.a.canton.id)).statusCode).toBe(404);
    expect((await fileOf(specialistA, '00000000-0000-4000-8000-000000000000')).json().code).toBe('not_found');
    expect((await fileOf(specialistA, 'nope')).statusCode).toBe(400);
    const focal = await login(t, (await makeUser(t, ['focal_point'], [tree.a.region])).username);
    expect((await fileOf(focal, v0)).statusCode).toBe(403);
  });
});
