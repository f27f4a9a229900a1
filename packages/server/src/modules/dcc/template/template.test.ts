import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let specialist: Session;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
});
afterAll(() => t.close());

const taskIds = async (cycleId: string) =>
  new Map(
    (
      await t.db.query<{ id: string; code: string }>('select id, code from dcc_tasks where cycle_id = $1', [
        cycleId,
      ])
    ).map((r) => [r.code, r.id]),
  );
const patch = (id: string, payload: unknown, session = specialist) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/dcc/tasks/${id}`, headers: session.headers, payload });

describe('DCC template task edits', () => {
  it('edits a draft cycle’s task; refuses loops, other cycles’ tasks, itself, unknown forms', async () => {
    const cycleId = await makeCycle(t.db, [tree.a.canton]);
    const other = await taskIds(await makeCycle(t.db, [tree.a.canton]));
    const ids = await taskIds(cycleId);
    const ok = await patch(ids.get('C1')!, {
      name: 'Formation du CVD (2)',
      level: 'village',
      prerequisites: [],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Formation du CVD (2)', level: 'village', prerequisites: [] });
    // V1 after M1 while M1 → K1 → C1: fine now that C1 no longer waits for V1; then C1 after V1 loops.
    expect((await patch(ids.get('V1')!, { prerequisites: [ids.get('M1')!] })).statusCode).toBe(200);
    const loop = await patch(ids.get('C1')!, { prerequisites: [ids.get('V1')!] });
    expect([loop.statusCode, loop.json().code]).toEqual([422, 'dcc_prerequisite_invalid']);
    expect((await patch(ids.get('V1')!, { prerequisites: [ids.get('V1')!] })).statusCode).toBe(422);
    expect((await patch(ids.get('V1')!, { prerequisites: [other.get('V1')!] })).statusCode).toBe(422);
    const form = await patch(ids.get('V1')!, { formId: 'no_such_form' });
    expect([form.statusCode, form.json().code]).toEqual([422, 'dcc_form_unknown']);
    expect((await patch(ids.get('V1')!, {})).statusCode).toBe(400);
    const tpl = (
      await t.app.inject({ url: `/api/v1/dcc/cycles/${cycleId}/template`, headers: specialist.headers })
    ).json();
    const v1 = tpl.phases[0].activities[0].tasks.find((x: { code: string }) => x.code === 'V1');
    expect(v1.prerequisites).toEqual([ids.get('M1')]);
  });

  it('an active cycle keeps name, instructions and level; other edits pass and instances stay', async () => {
    const cycleId = await makeCycle(t.db, [tree.a.canton]);
    const activate = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/dcc/cycles/${cycleId}`,
      headers: specialist.headers,
      payload: { status: 'active' },
    });
    expect(activate.json().instanceCount).toBe(7);
    const ids = await taskIds(cycleId);
    const locked = await patch(ids.get('K1')!, { level: 'village' });
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'dcc_task_locked']);
    const slots = [{ key: 'photos', label: 'Photos', required: false, kind: 'photo' }];
    const ok = await patch(ids.get('K1')!, { shared: false, attachmentSlots: slots });
    expect(ok.json()).toMatchObject({ shared: false, attachmentSlots: slots, level: 'canton' });
    const [n] = await t.db.query<{ n: number }>(
      'select count(*)::int as n from dcc_task_instances where cycle_id = $1',
      [cycleId],
    );
    expect(n!.n).toBe(7);
  });

  it('403 without dcc.manage, 404 for an unknown task or cycle', async () => {
    const cycleId = await makeCycle(t.db, [tree.a.canton]);
    const ids = await taskIds(cycleId);
    const fac = await login(t, (await makeUser(t, ['facilitator'], [tree.a.canton])).username);
    expect((await patch(ids.get('V1')!, { shared: true }, fac)).statusCode).toBe(403);
    const read = await t.app.inject({ url: `/api/v1/dcc/cycles/${cycleId}/template`, headers: fac.headers });
    expect(read.statusCode).toBe(200);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await patch(missing, { shared: true })).statusCode).toBe(404);
    const none = await t.app.inject({
      url: `/api/v1/dcc/cycles/${missing}/template`,
      headers: specialist.headers,
    });
    expect(none.statusCode).toBe(404);
  });
});
