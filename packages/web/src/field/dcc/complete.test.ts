import {
  createDeviceEngine,
  createMemoryStore,
  DCC_DEVICE_ENTITIES,
  FORMS_DEVICE_ENTITIES,
  type FormDefinition,
  type Mutation,
  type SyncRow,
  type Transport,
} from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { geoIndex } from '../geo';
import { completeTask, taskProblems } from './complete';
import { loadWork, queueAttachment, readDccData, saveWork } from './dcc-device';

const uuid = (n: number) => `6f1c2a3b-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [CYCLE, PHASE, ACTIVITY, TASK, INSTANCE, VILLAGE, FORM, UPLOAD] = [1, 2, 3, 4, 5, 6, 7, 8].map(
  uuid,
) as string[];

const definition: FormDefinition = {
  schemaVersion: 1,
  formId: 'participation',
  version: '1',
  title: { fr: 'Participation' },
  fields: [
    { type: 'integer', name: 'women', label: { fr: 'Femmes' }, required: true },
    { type: 'image', name: 'photo', label: { fr: 'Photo de la liste de présence' } },
  ],
  choices: {},
};

/** A server of one village with one task (form + required photo), answering each mutation with version + 1. */
function setup() {
  const pushed: Mutation[] = [];
  const uploaded: string[] = [];
  let version = 2;
  let online = true;
  const rows: Record<string, SyncRow[]> = {
    geo_units: [{ id: VILLAGE!, changeSeq: 1, name: 'Tchitchao', level: 'village', path: `/${VILLAGE}/` }],
    forms: [
      {
        id: FORM!,
        changeSeq: 2,
        formId: 'participation',
        version: '1',
        title: { fr: 'Participation' },
        definition,
      },
    ],
    dcc_cycles: [{ id: CYCLE!, changeSeq: 3, name: 'COSO 2027', year: 2027, status: 'active' }],
    dcc_phases: [{ id: PHASE!, changeSeq: 4, cycleId: CYCLE, position: 1, name: 'Introduction' }],
    dcc_activities: [
      { id: ACTIVITY!, changeSeq: 5, phaseId: PHASE, position: 1, name: 'Assemblée villageoise' },
    ],
    dcc_tasks: [
      {
        id: TASK!,
        changeSeq: 6,
        cycleId: CYCLE,
        activityId: ACTIVITY,
        position: 1,
        code: 'T20',
        name: 'Participation à l’assemblée',
        level: 'village',
        formId: 'participation',
        prerequisites: [],
        attachmentSlots: [{ key: 'photos', label: 'Photos de la réunion', required: true, kind: 'photo' }],
      },
    ],
    dcc_assignments: [{ id: uuid(9), changeSeq: 7, cycleId: CYCLE, villageId: VILLAGE, facilitatorId: 'me' }],
    dcc_task_instances: [
      {
        id: INSTANCE!,
        changeSeq: 8,
        cycleId: CYCLE,
        taskId: TASK,
        unitId: VILLAGE,
        unitKind: 'geo',
        status: 'returned',
        version,
        returnComment: 'Comptez les femmes',
        answers: { women: 0 },
        files: [],
      },
    ],
  };
  const offline = () => Object.assign(new Error('offline'), { kind: 'offline' });
  const transport: Transport = {
    pull: async () => {
      if (!online) throw offline();
      return { reset: true, changes: rows, removed: {}, cursor: 'c1', hasMore: false };
    },
    push: async (mutations) => {
      if (!online) throw offline();
      pushed.push(...mutations);
      return {
        results: mutations.map((m) => ({
          id: m.id,
          status: 'applied' as const,
          result: { id: INSTANCE, version: ++version },
        })),
      };
    },
    reserveCodes: async () => [],
    upload: async (file) => {
      uploaded.push(file.name);
      return UPLOAD!;
    },
  };
  const store = createMemoryStore();
  const engine = createDeviceEngine({
    store,
    transport,
    entities: [...FORMS_DEVICE_ENTITIES, ...DCC_DEVICE_ENTITIES],
  });
  return {
    engine,
    store,
    pushed,
    uploaded,
    goOffline: () => {
      online = false;
    },
    goOnline: () => {
      online = true;
    },
  };
}

async function attachPhoto(
  engine: ReturnType<typeof setup>['engine'],
  store: ReturnType<typeof setup>['store'],
) {
  const instance = (await readDccData(engine)).instances[0]!;
  const entry = await queueAttachment(engine, instance, 'photos', {
    blob: new Blob(['jpg']),
    name: 'photos.jpg',
    type: 'image/jpeg',
  });
  const work = await loadWork(store, INSTANCE!);
  await saveWork(store, INSTANCE!, {
    ...work,
    attachments: [
      { slot: 'photos', name: 'photos.jpg', type: 'image/jpeg', mutationId: entry.mutation.id, queuedAt: '' },
    ],
  });
}

describe('marking a task complete on the phone', () => {
  it('refuses while the photo is missing, then queues the photo, the last draft and the submission, sent in order', async () => {
    const { engine, store, pushed, goOffline, goOnline } = setup();
    await engine.sync();
    goOffline();
    const data = await readDccData(engine);
    const geo = geoIndex(await engine.rows('geo_units'));
    const instance = data.instances[0]!;
    const input = {
      engine,
      store,
      data,
      geo,
      villageId: VILLAGE!,
      instance,
      now: new Date('2027-03-01T09:00:00Z'),
    };

    await saveWork(store, INSTANCE!, { ...(await loadWork(store, INSTANCE!)), answers: { women: 12 } });
    expect(await completeTask(input)).toEqual([{ kind: 'attachment', label: 'Photos de la réunion' }]);
    expect(await store.outbox()).toHaveLength(0);

    await attachPhoto(engine, store);
    expect((await taskProblems(input)).problems).toEqual([]);
    expect(await completeTask(input)).toEqual([]);

    // The phone shows it sent at once (the overlay), before any network.
    const shown = (await readDccData(engine)).instances[0]!;
    expect([shown.status, shown.pending]).toEqual(['submitted', true]);

    goOnline();
    const report = await engine.sync();
    expect(report.ok).toBe(true);
    expect(pushed.map((m) => m.type)).toEqual(['dcc.task.attach', 'dcc.task.save_draft', 'dcc.task.submit']);
    expect(pushed[0]?.payload).toEqual({ id: INSTANCE, slot: 'photos', uploadId: UPLOAD });
    expect(pushed[1]?.payload).toEqual({
      id: INSTANCE,
      answers: { women: 12 },
      baseVersion: 2,
      formVersionId: FORM,
    });
    // Queued on the version pulled, each rebased on the version the server answered before it.
    expect(pushed[2]?.payload).toEqual({ id: INSTANCE, baseVersion: 4 });
    expect(await store.outbox()).toHaveLength(0);
  });

  it("uploads the photo a form question names before the draft, which names the server's upload", async () => {
    const { engine, store, pushed, uploaded, goOffline, goOnline } = setup();
    await engine.sync();
    goOffline();
    const ref = 'local-file.5d0f6a2e-1b7c-4c1e-9a0e-2f4b8c6d1e3a';
    const unused = 'local-file.00000000-1b7c-4c1e-9a0e-2f4b8c6d1e3a';
    const file = (name: string) => ({ blob: new Blob([name]), name, type: 'image/jpeg' });
    await saveWork(store, INSTANCE!, {
      ...(await loadWork(store, INSTANCE!)),
      answers: { women: 12, photo: ref },
      // A photo taken then replaced stays in the work but is named by no answer: it is not sent.
      files: { [ref]: file('presence.jpg'), [unused]: file('floue.jpg') },
    });
    await attachPhoto(engine, store);
    const data = await readDccData(engine);
    const geo = geoIndex(await engine.rows('geo_units'));
    const instance = data.instances[0]!;
    const now = new Date('2027-03-01T09:00:00Z');
    expect(await completeTask({ engine, store, data, geo, villageId: VILLAGE!, instance, now })).toEqual([]);
    const draft = (await store.outbox()).find((e) => e.mutation.type === 'dcc.task.save_draft')!;
    expect(draft.files).toHaveLength(1);
    expect(draft.mutation.payload).toMatchObject({ answers: { photo: ref }, localFiles: [ref] });

    goOnline();
    expect((await engine.sync()).ok).toBe(true);
    expect(uploaded.sort()).toEqual(['photos.jpg', 'presence.jpg']);
    const sent = pushed.find((m) => m.type === 'dcc.task.save_draft')!;
    // The server sees its own payload: the upload id in the answer, no device-only list.
    expect(sent.payload).toEqual({
      id: INSTANCE,
      answers: { women: 12, photo: UPLOAD },
      baseVersion: 2,
      formVersionId: FORM,
    });
  });
});
