import { COSO_SEED_TEMPLATE, type CycleTemplate, seedTasks } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let specialist: Session;
let facilitator: Session;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeDccTree(t.db);
  const s = await makeUser(t, ['cdd_specialist'], [tree.country]);
  const f = await makeUser(t, ['facilitator'], [tree.a.canton]);
  specialist = await login(t, s.username);
  facilitator = await login(t, f.username);
});
afterAll(() => t.close());

const body = (fields: Record<string, unknown> = {}) => ({
  name: `COSO ${Math.random().toString(36).slice(2, 8)}`,
  year: 2027,
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  areaIds: [tree.a.prefecture.id],
  template: 'coso',
  ...fields,
});
const post = (payload: unknown, session = specialist) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dcc/cycles', headers: session.headers, payload });
const templateOf = async (id: string) =>
  (
    await t.app.inject({ url: `/api/v1/dcc/cycles/${id}/template`, headers: specialist.headers })
  ).json() as CycleTemplate;
const tasksOf = (tpl: CycleTemplate) => tpl.phases.flatMap((p) => p.activities.flatMap((a) => a.tasks));

describe('DCC cycles', () => {
  it('creates a draft cycle with its own copy of the COSO seed, prerequisites remapped to its tasks', async () => {
    const res = await post(body());
    expect(res.statusCode).toBe(201);
    const cycle = res.json();
    expect(cycle).toMatchObject({ status: 'draft', year: 2027, startsOn: '2027-01-01', instanceCount: 0 });
    expect(cycle.areas).toEqual([
      { id: tree.a.prefecture.id, name: tree.a.prefecture.name, level: 'prefecture' },
    ]);
    const seed = seedTasks();
    expect(cycle.taskCount).toBe(seed.length);
    const tpl = await templateOf(cycle.id);
    expect(tpl.phases.map((p) => p.name)).toEqual(COSO_SEED_TEMPLATE.map((p) => p.name));
    expect(tpl.phases.map((p) => p.order)).toEqual(COSO_SEED_TEMPLATE.map((_, i) => i + 1));
    const tasks = tasksOf(tpl);
    const codeById = new Map(tasks.map((x) => [x.id, x.code]));
    for (const s of seed) {
      const task = tasks.find((x) => x.code === s.code)!;
      expect(task).toMatchObject({ name: s.name, level: s.level, shared: s.shared, formId: s.formId });
      expect(task.prerequisites.map((id) => codeById.get(id))).toEqual(s.prerequisites);
    }
    // The seed forms the template names are published once: a second cycle from the seed publishes nothing.
    const formIds = [...new Set(seed.flatMap((x) => (x.formId ? [x.formId] : [])))].sort();
    const published = () =>
      t.db
        .query<{ formId: string }>('select form_id as "formId" from forms')
        .then((rows) => rows.map((r) => r.formId).sort());
    expect(await published()).toEqual(formIds);
    expect((await post(body())).statusCode).toBe(201);
    expect(await published()).toEqual(formIds);
  });

  it("copies another cycle's template with new ids, its edits included", async () => {
    const from = await makeCycle(t.db, [tree.a.canton]);
    const source = tasksOf(await templateOf(from));
    const c1 = source.find((x) => x.code === 'C1')!;
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/dcc/tasks/${c1.id}`,
      headers: specialist.headers,
      payload: { attachmentSlots: [{ key: 'pv', label: 'PV', required: true, kind: 'document' }] },
    });
    expect(edit.statusCode).toBe(200);
    const res = await post(body({ template: { fromCycleId: from } }));
    expect(res.statusCode).toBe(201);
    const copy = tasksOf(await templateOf(res.json().id));
    expect(copy.map((x) => x.code)).toEqual(source.map((x) => x.code));
    expect(copy.some((x) => source.some((s) => s.id === x.id))).toBe(false);
    const byCode = new Map(copy.map((x) => [x.code, x]));
    expect(byCode.get('K1')!.prerequisites).toEqual([byCode.get('C1')!.id]);
    expect(byCode.get('C1')!.attachmentSlots).toEqual([
      { key: 'pv', label: 'PV', required: true, kind: 'document' },
    ]);
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const before = await t.db.query('select id from dcc_cycles');
    const reversed = await post(body({ startsOn: '2027-06-01', endsOn: '2027-05-31' }));
    expect(reversed.statusCode).toBe(400);
    const unknownArea = await post(body({ areaIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect([unknownArea.statusCode, unknownArea.json().code]).toEqual([422, 'dcc_area_unknown']);
    const unknownSource = await post(
      body({ template: { fromCycleId: '00000000-0000-4000-8000-000000000000' } }),
    );
    expect(unknownSource.statusCode).toBe(404);
    expect((await post({ ...body(), extra: 1 })).statusCode).toBe(400);
    expect(await t.db.query('select id from dcc_cycles')).toHaveLength(before.length);
    const first = await post(body({ name: 'COSO doublon' }));
    expect(first.statusCode).toBe(201);
    const twice = await post(body({ name: 'coso DOUBLON' }));
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'dcc_cycle_name_taken']);
  });

  it('403 for a facilitator writing, 401 without a session; reading needs dcc.read', async () => {
    expect((await post(body(), facilitator)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/dcc/cycles', payload: body() })).statusCode,
    ).toBe(401);
    const list = await t.app.inject({ url: '/api/v1/dcc/cycles', headers: facilitator.headers });
    expect(list.statusCode).toBe(200);
    const focal = await login(t, (await makeUser(t, ['focal_point'], [tree.country])).username);
    expect((await t.app.inject({ url: '/api/v1/dcc/cycles', headers: focal.headers })).statusCode).toBe(403);
  });

  it('activates (instances made), closes, and refuses going back', async () => {
    const id = await makeCycle(t.db, [tree.a.canton]);
    const patch = (payload: unknown, session = specialist) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/dcc/cycles/${id}`, headers: session.headers, payload });
    expect((await patch({ status: 'active' }, facilitator)).statusCode).toBe(403);
    const active = await patch({ status: 'active' });
    expect(active.statusCode).toBe(200);
    expect(active.json()).toMatchObject({ status: 'active', instanceCount: 7 });
    expect((await patch({ status: 'active' })).json().instanceCount).toBe(7);
    const endsEarly = await patch({ endsOn: '2026-12-31' });
    expect(endsEarly.statusCode).toBe(400);
    const closed = await patch({ status: 'closed', name: 'COSO clos' });
    expect(closed.json()).toMatchObject({ status: 'closed', name: 'COSO clos' });
    const back = await patch({ status: 'active' });
    expect([back.statusCode, back.json().code]).toEqual([409, 'dcc_cycle_status']);
    const [audit] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'dcc_cycle' and entity_id = $1`,
      [id],
    );
    expect(audit!.n).toBe(3);
  });
});
