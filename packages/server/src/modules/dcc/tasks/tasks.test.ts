import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANSWERS, DEMO_FORM, seedDemoForm } from '../../../platform/forms/demo-form.js';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { uploadBytes } from '../../../test/upload-kit.js';
import { generateInstances } from '../instances/generate.js';
import type { TemplateSource } from '../template/repo.js';

/** Task instances through the API: scope, the status machine, re-validation, prerequisites, files, conflicts. */

const TEMPLATE: TemplateSource = {
  phases: [
    {
      name: 'Mobilisation',
      activities: [
        {
          name: 'Assemblée 1',
          tasks: [
            {
              code: 'V1',
              name: 'Assemblée villageoise',
              level: 'village',
              formId: DEMO_FORM.formId,
              attachmentSlots: [{ key: 'pv', label: 'Procès-verbal', required: true, kind: 'document' }],
            },
            { code: 'V2', name: 'Suite', level: 'village', prerequisites: ['V1'] },
            { code: 'C1', name: 'Formation du CVD', level: 'cvd', shared: true },
            { code: 'K1', name: 'Arbitrage cantonal', level: 'canton', shared: true },
          ],
        },
      ],
    },
  ],
};

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let cycleId: string;
let facilitator: Session;
let facilitatorId: string;
let other: Session;
let specialistA: Session;
let specialistA2: Session;
let specialistB: Session;
let supervisor: Session;
let photo: Buffer;

const BASE = '/api/v1/dcc/task-instances';

type Method = 'GET' | 'POST' | 'PUT';
const call = (s: Session, method: Method, url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { ...s.headers, 'accept-language': 'fr' },
    ...(payload ? { payload } : {}),
  });

async function instanceOf(code: string, unitId: string) {
  const [row] = await t.db.query<{ id: string }>(
    `select ti.id from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
      where ti.cycle_id = $1 and t.code = $2 and ti.unit_id = $3`,
    [cycleId, code, unitId],
  );
  return row!.id;
}

const upload = (s: Session, data: Buffer) => uploadBytes(t, s, data);

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-dcc-tasks-')) });
  tree = await makeDccTree(t.db);
  await seedDemoForm(t.db, t.services.forms);
  cycleId = await makeCycle(t.db, [tree.a.canton, tree.b.canton], TEMPLATE);
  await generateInstances(t.db, cycleId);
  const f = await makeUser(t, ['facilitator'], tree.a.villages);
  facilitatorId = f.id;
  facilitator = await login(t, f.username);
  const o = await makeUser(t, ['facilitator'], tree.a.villages);
  other = await login(t, o.username);
  for (const [user, village] of [
    [f.id, tree.a.villages[0]!.id],
    [o.id, tree.a.villages[2]!.id],
  ]) {
    await t.db.query(
      `insert into dcc_assignments (id, cycle_id, village_id, facilitator_id) values ($1, $2, $3, $4)`,
      [randomUUID(), cycleId, village, user],
    );
  }
  specialistA = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.region])).username);
  specialistA2 = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.region])).username);
  specialistB = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.b.region])).username);
  supervisor = await login(t, (await makeUser(t, ['supervisor'], [tree.country])).username);
  photo = await sharp(randomBytes(32 * 32 * 3), { raw: { width: 32, height: 32, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

const codesOf = async (s: Session, query = '') => {
  const res = await call(s, 'GET', `${BASE}?cycleId=${cycleId}&limit=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{ id: string; taskCode: string; unitId: string; unitName: string }>;
};

describe('scope of the list', () => {
  it("shows a facilitator their village's instances, its CVD's and its canton's, nothing else", async () => {
    const items = await codesOf(facilitator);
    const seen = items.map((i) => `${i.taskCode}:${i.unitId}`).sort();
    const v0 = tree.a.villages[0]!.id;
    expect(seen).toEqual([`C1:${tree.cvdA}`, `K1:${tree.a.canton.id}`, `V1:${v0}`, `V2:${v0}`].sort());
    // The other facilitator's village (not in the CVD) shares only the canton's instance.
    const theirs = (await codesOf(other)).map((i) => i.taskCode).sort();
    expect(theirs).toEqual(['K1', 'V1', 'V2']);
  });

  it("shows specialists and supervisors their areas' instances; another region's specialist sees none of a", async () => {
    const a = await codesOf(specialistA);
    expect(a).toHaveLength(4 * 2 + 1 + 1);
    expect(a.every((i) => i.unitName)).toBe(true);
    const b = await codesOf(specialistB);
    expect(b.some((i) => [tree.a.canton.id, tree.cvdA].includes(i.unitId))).toBe(false);
    expect(b).toHaveLength(3 * 2 + 1 + 1);
    expect(await codesOf(supervisor)).toHaveLength(a.length + b.length);
  });

  it('pages by keyset and filters by facilitator; a bad cursor is 400', async () => {
    const all = await codesOf(specialistA);
    const first = await call(specialistA, 'GET', `${BASE}?cycleId=${cycleId}&limit=3`);
    const next = await call(
      specialistA,
      'GET',
      `${BASE}?cycleId=${cycleId}&limit=200&cursor=${first.json().nextCursor}`,
    );
    expect([...first.json().items, ...next.json().items].map((i: { id: string }) => i.id)).toEqual(
      all.map((i) => i.id),
    );
    expect(await codesOf(specialistA, `&facilitatorId=${facilitatorId}`)).toHaveLength(4);
    expect((await call(specialistA, 'GET', `${BASE}?cursor=nope`)).json().code).toBe('invalid_cursor');
    expect((await call(specialistA, 'GET', `${BASE}?status=done`)).statusCode).toBe(400);
  });

  it('hides an instance out of scope (404) and closes the list to roles without dcc.read (403)', async () => {
    const id = await instanceOf('V1', tree.a.villages[1]!.id);
    expect((await call(facilitator, 'GET', `${BASE}/${id}`)).statusCode).toBe(404);
    expect((await call(specialistB, 'GET', `${BASE}/${id}`)).statusCode).toBe(404);
    const focal = await login(t, (await makeUser(t, ['focal_point'], [tree.a.region])).username);
    expect((await call(focal, 'GET', BASE)).statusCode).toBe(403);
  });
});

describe('a task through its life', () => {
  it('drafts, refuses an incomplete submission, then goes submitted → returned → validated', async () => {
    const v0 = tree.a.villages[0]!.id;
    const id = await instanceOf('V1', v0);
    const draft = await call(facilitator, 'PUT', `${BASE}/${id}/draft`, {
      answers: { date_reunion: '2024-05-02' },
      baseVersion: 1,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 2 });
    // Incomplete answers: the server's engine refuses the submission with the fields named.
    const early = await call(facilitator, 'POST', `${BASE}/${id}/submit`, { baseVersion: 2 });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('form_invalid');
    expect(early.json().details.errors.map((e: { field: string }) => e.field)).toContain('hommes_le35');
    // Unknown fields and wrong types are refused even in a draft; nothing is written.
    const bad = await call(facilitator, 'PUT', `${BASE}/${id}/draft`, {
      answers: { nope: 1 },
      baseVersion: 2,
    });
    expect(bad.statusCode).toBe(422);
    await call(facilitator, 'PUT', `${BASE}/${id}/draft`, { answers: DEMO_ANSWERS, baseVersion: 2 });
    // The required PV is missing.
    const noPv = await call(facilitator, 'POST', `${BASE}/${id}/submit`, { baseVersion: 3 });
    expect(noPv.statusCode).toBe(409);
    expect(noPv.json()).toMatchObject({ code: 'attachments_missing', details: { slots: [{ key: 'pv' }] } });
    const wrongSlot = await call(facilitator, 'POST', `${BASE}/${id}/files`, {
      slot: 'photos',
      uploadId: await upload(facilitator, photo),
    });
    expect(wrongSlot.json().code).toBe('attachment_slot_unknown');
    const uploadId = await upload(facilitator, photo);
    const attached = await call(facilitator, 'POST', `${BASE}/${id}/files`, { slot: 'pv', uploadId });
    expect(attached.statusCode, attached.body).toBe(201);
    const file = await call(specialistA, 'GET', `${BASE}/${id}/files/${uploadId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await call(specialistB, 'GET', `${BASE}/${id}/files/${uploadId}`)).statusCode).toBe(404);

    const submitted = await call(facilitator, 'POST', `${BASE}/${id}/submit`, { baseVersion: 3 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 4 });
    // Submitted is not editable by the facilitator.
    const late = await call(facilitator, 'PUT', `${BASE}/${id}/draft`, { answers: {}, baseVersion: 4 });
    expect(late.json().code).toBe('invalid_transition');

    const queue = await codesOf(specialistA, '&status=submitted');
    expect(queue.map((i) => i.id)).toContain(id);
    // Returning needs a comment; facilitators and supervisors cannot review.
    const silent = await call(specialistA, 'POST', `${BASE}/${id}/review`, {
      decision: 'return',
      baseVersion: 4,
    });
    expect(silent.json().code).toBe('comment_required');
    expect(
      (await call(facilitator, 'POST', `${BASE}/${id}/review`, { decision: 'validate', baseVersion: 4 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(specialistB, 'POST', `${BASE}/${id}/review`, { decision: 'validate', baseVersion: 4 }))
        .statusCode,
    ).toBe(404);
    const returned = await call(specialistA, 'POST', `${BASE}/${id}/review`, {
      decision: 'return',
      comment: 'Le nombre de femmes semble faux.',
      baseVersion: 4,
    });
    expect(returned.json()).toMatchObject({ status: 'returned', version: 5 });
    const inbox = await t.db.query<{ topic: string; channel: string }>(
      `select topic, channel from notification_outbox where entity_type = 'dcc_task_instance' and entity_id = $1`,
      [id],
    );
    expect(inbox).toEqual([{ topic: 'dcc_task_returned', channel: 'in_app' }]);

    await call(facilitator, 'PUT', `${BASE}/${id}/draft`, {
      answers: { ...DEMO_ANSWERS, femmes_gt35: 6 },
      baseVersion: 5,
    });
    await call(facilitator, 'POST', `${BASE}/${id}/submit`, { baseVersion: 6 });
    // Two specialists decide on the same version: the second one is a conflict, not an overwrite.
    const [first, second] = [
      await call(specialistA, 'POST', `${BASE}/${id}/review`, { decision: 'validate', baseVersion: 7 }),
      await call(specialistA2, 'POST', `${BASE}/${id}/review`, {
        decision: 'return',
        comment: 'Non',
        baseVersion: 7,
      }),
    ];
    expect(first.json()).toMatchObject({ status: 'validated', version: 8 });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'version_conflict', details: { currentVersion: 8 } });

    const detail = await call(facilitator, 'GET', `${BASE}/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json();
    expect(d).toMatchObject({ status: 'validated', version: 8, task: { code: 'V1' }, actions: [] });
    expect(d.answers.femmes_gt35).toBe(6);
    expect(d.files).toHaveLength(1);
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual([
      'draft_saved',
      'draft_saved',
      'files_added',
      'submitted',
      'returned',
      'draft_saved',
      'submitted',
      'validated',
    ]);
    // Validated is final: a stale or fresh draft is refused.
    const after = await call(facilitator, 'PUT', `${BASE}/${id}/draft`, { answers: {}, baseVersion: 8 });
    expect(after.json().code).toBe('invalid_transition');
  });

  it('refuses a task whose prerequisite is not done, naming it', async () => {
    const id = await instanceOf('V2', tree.a.villages[2]!.id);
    const res = await call(other, 'POST', `${BASE}/${id}/submit`, { baseVersion: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'prerequisites_missing', details: { tasks: [{ code: 'V1' }] } });
    // Once V1 of that village is submitted, V2 may be.
    await t.db.query(`update dcc_task_instances set status = 'submitted' where id = $1`, [
      await instanceOf('V1', tree.a.villages[2]!.id),
    ]);
    const ok = await call(other, 'POST', `${BASE}/${id}/submit`, { baseVersion: 1 });
    expect(ok.json()).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('refuses stale versions, writes of others, and bad bodies with 4xx', async () => {
    const id = await instanceOf('C1', tree.cvdA);
    const stale = await call(facilitator, 'PUT', `${BASE}/${id}/draft`, { answers: {}, baseVersion: 9 });
    expect(stale.json()).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    // A task without a form takes no answers.
    const answered = await call(facilitator, 'PUT', `${BASE}/${id}/draft`, {
      answers: { a: 1 },
      baseVersion: 1,
    });
    expect(answered.statusCode).toBe(400);
    // The other facilitator sees the canton's instance but is not assigned in the CVD.
    expect(
      (await call(other, 'PUT', `${BASE}/${id}/draft`, { answers: {}, baseVersion: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await call(supervisor, 'PUT', `${BASE}/${id}/draft`, { answers: {}, baseVersion: 1 })).statusCode,
    ).toBe(403);
    for (const body of [
      {},
      { answers: {}, baseVersion: 0 },
      { answers: [], baseVersion: 1 },
      { baseVersion: 'x' },
    ]) {
      expect((await call(facilitator, 'PUT', `${BASE}/${id}/draft`, body)).statusCode).toBe(400);
    }
    expect((await call(facilitator, 'POST', `${BASE}/nope/submit`, { baseVersion: 1 })).statusCode).toBe(400);
    expect(
      (await call(facilitator, 'POST', `${BASE}/${randomUUID()}/submit`, { baseVersion: 1 })).statusCode,
    ).toBe(404);
    const count = await t.db.query('select 1 from dcc_task_events where instance_id = $1', [id]);
    expect(count).toHaveLength(0);
  });
});
