import type { FormDefinition, SyncRow } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { geoIndex } from '../geo';
import {
  completionProblems,
  type DccData,
  groupVillages,
  instanceFor,
  myVillages,
  nextTask,
  villageTree,
} from './dcc-model';
import { readAssignment, readInstance, readTask } from './dcc-rows';

const row = (id: string, fields: Record<string, unknown>): SyncRow => ({ id, changeSeq: 1, ...fields });

// Canton K1 holds villages V1 and V2 (CVD C1); canton K2 holds V3.
const geo = geoIndex([
  row('K1', { name: 'Lama', level: 'canton', path: '/T/K1/' }),
  row('K2', { name: 'Awandjélo', level: 'canton', path: '/T/K2/' }),
  row('V1', { name: 'Tchitchao', level: 'village', parentId: 'K1', path: '/T/K1/V1/' }),
  row('V2', { name: 'Kpindi', level: 'village', parentId: 'K1', path: '/T/K1/V2/' }),
  row('V3', { name: 'Défalé', level: 'village', parentId: 'K2', path: '/T/K2/V3/' }),
]);

const task = (id: string, position: number, fields: Record<string, unknown> = {}) =>
  readTask(
    row(id, {
      cycleId: 'Y',
      activityId: 'A1',
      position,
      code: id,
      name: `Tâche ${id}`,
      level: 'village',
      ...fields,
    }),
  );
const instance = (id: string, taskId: string, unitId: string, fields: Record<string, unknown> = {}) =>
  readInstance(
    row(id, { cycleId: 'Y', taskId, unitId, unitKind: 'geo', status: 'todo', version: 1, ...fields }),
  );

function sample(): DccData {
  return {
    cycles: [{ id: 'Y', name: 'COSO 2027', year: 2027, status: 'active' }],
    phases: [{ id: 'P1', cycleId: 'Y', position: 1, name: 'Introduction' }],
    activities: [{ id: 'A1', phaseId: 'P1', position: 1, name: 'Assemblée villageoise' }],
    tasks: [
      task('T1', 1),
      task('T2', 2, {
        prerequisites: ['T1'],
        formId: 'participation',
        attachmentSlots: [{ key: 'photos', label: 'Photos', required: true, kind: 'photo' }],
      }),
      task('T3', 3, { level: 'canton', shared: true }),
      task('T4', 4, { level: 'cvd', shared: true }),
    ],
    assignments: ['V1', 'V2', 'V3'].map((v) =>
      readAssignment(row(`as-${v}`, { cycleId: 'Y', villageId: v, facilitatorId: 'me' })),
    ),
    instances: [
      instance('i1-V1', 'T1', 'V1', { status: 'validated' }),
      instance('i2-V1', 'T2', 'V1', { status: 'returned', returnComment: 'Photos floues' }),
      instance('i1-V2', 'T1', 'V2', { status: 'submitted' }),
      instance('i2-V2', 'T2', 'V2'),
      instance('i1-V3', 'T1', 'V3', { status: 'validated' }),
      instance('i2-V3', 'T2', 'V3', { status: 'validated' }),
      instance('i3-K1', 'T3', 'K1', { status: 'draft' }),
      instance('i3-K2', 'T3', 'K2', { status: 'validated' }),
      instance('i4-C1', 'T4', 'C1', { unitKind: 'cvd', villageIds: ['V1', 'V2'], unitName: 'CVD Lama-Nord' }),
    ],
  };
}

const byId = (data: DccData, id: string) => data.tasks.find((t) => t.id === id)!;

describe('instanceFor', () => {
  it('finds the village’s own instance, its canton’s, and its CVD’s — one shared row, never a copy', () => {
    const data = sample();
    expect(instanceFor(data, geo, 'V1', byId(data, 'T1'))?.id).toBe('i1-V1');
    expect(instanceFor(data, geo, 'V1', byId(data, 'T3'))?.id).toBe('i3-K1');
    expect(instanceFor(data, geo, 'V2', byId(data, 'T3'))?.id).toBe('i3-K1');
    expect(instanceFor(data, geo, 'V3', byId(data, 'T3'))?.id).toBe('i3-K2');
    expect(instanceFor(data, geo, 'V2', byId(data, 'T4'))?.id).toBe('i4-C1');
    expect(instanceFor(data, geo, 'V3', byId(data, 'T4'))).toBeUndefined();
  });

  it('takes the only CVD instance on the phone when the server does not name its villages', () => {
    const data = sample();
    const shared = data.instances.find((i) => i.id === 'i4-C1')!;
    delete shared.villageIds;
    expect(instanceFor(data, geo, 'V1', byId(data, 'T4'))?.id).toBe('i4-C1');
  });

  it('reads the village path from the assignment when the village’s unit is not on the phone', () => {
    const data = sample();
    data.assignments = [
      readAssignment(
        row('as', { cycleId: 'Y', villageId: 'V9', villagePath: '/T/K2/V9/', facilitatorId: 'me' }),
      ),
    ];
    expect(instanceFor(data, geoIndex([]), 'V9', byId(data, 'T3'))?.id).toBe('i3-K2');
  });
});

describe('villages', () => {
  it('counts validated over all the tasks a village sees and names its next task (a returned one first)', () => {
    const views = myVillages(sample(), geo, 'me');
    const v1 = views.find((v) => v.villageId === 'V1')!;
    expect([v1.validated, v1.total]).toEqual([1, 4]);
    expect(v1.next?.task.id).toBe('T2');
    expect(v1.cvdName).toBe('CVD Lama-Nord');
    const v3 = views.find((v) => v.villageId === 'V3')!;
    expect([v3.validated, v3.total]).toEqual([3, 3]);
    expect(v3.next).toBeUndefined();
    const v2 = views.find((v) => v.villageId === 'V2')!;
    expect(v2.next?.task.id).toBe('T2');
  });

  it('shows only my active assignments of open cycles', () => {
    const data = sample();
    data.assignments.push(
      readAssignment(row('other', { cycleId: 'Y', villageId: 'V3', facilitatorId: 'someone' })),
    );
    expect(myVillages(data, geo, 'someone').map((v) => v.villageId)).toEqual(['V3']);
    data.cycles[0]!.status = 'closed';
    expect(myVillages(data, geo, 'me')).toEqual([]);
  });

  it('groups by canton then CVD, in French order', () => {
    const groups = groupVillages(myVillages(sample(), geo, 'me'));
    expect(groups.map((g) => [g.cantonName, g.cvdName, g.villages.map((v) => v.name)])).toEqual([
      ['Awandjélo', null, ['Défalé']],
      ['Lama', 'CVD Lama-Nord', ['Kpindi', 'Tchitchao']],
    ]);
  });

  it('builds the village tree in template order, leaving out tasks the village has no instance of', () => {
    const tree = villageTree(sample(), geo, 'V3', 'Y');
    expect(tree[0]?.activities[0]?.tasks.map((n) => n.task.id)).toEqual(['T1', 'T2', 'T3']);
    expect(nextTask(tree)).toBeUndefined();
  });
});

const form: FormDefinition = {
  schemaVersion: 1,
  formId: 'participation',
  version: '1',
  title: { fr: 'Participation' },
  fields: [{ type: 'integer', name: 'women', label: { fr: 'Femmes' }, required: true, constraint: '. >= 0' }],
  choices: {},
};

describe('completionProblems', () => {
  const now = new Date('2027-03-01T10:00:00Z');
  const base = (data: DccData, id: string) => ({
    data,
    geo,
    villageId: id.split('-')[1]!,
    task: byId(data, 'T2'),
    instance: data.instances.find((i) => i.id === id)!,
    definition: form,
    now,
  });

  it('lists a prerequisite not done, answers missing and a required slot empty', () => {
    const data = sample();
    const before = data.instances.find((i) => i.id === 'i1-V2')!;
    before.status = 'draft';
    const problems = completionProblems({ ...base(data, 'i2-V2'), answers: {}, filledSlots: new Set() });
    expect(problems).toEqual([
      { kind: 'prerequisite', taskName: 'Tâche T1' },
      { kind: 'answers', count: 1 },
      { kind: 'attachment', label: 'Photos' },
    ]);
  });

  it('counts a submitted prerequisite as done, as the server does', () => {
    const data = sample();
    const problems = completionProblems({
      ...base(data, 'i2-V2'),
      answers: { women: 3 },
      filledSlots: new Set(['photos']),
    });
    expect(problems).toEqual([]);
  });

  it('lets a returned task with its answers and photo through', () => {
    const data = sample();
    const input = { ...base(data, 'i2-V1'), answers: { women: 12 }, filledSlots: new Set(['photos']) };
    expect(completionProblems(input)).toEqual([]);
    expect(completionProblems({ ...input, answers: { women: -1 } })).toEqual([{ kind: 'answers', count: 1 }]);
  });

  it('refuses a validated task and names a form not on the phone', () => {
    const data = sample();
    expect(completionProblems({ ...base(data, 'i2-V3'), answers: {}, filledSlots: new Set() })).toEqual([
      { kind: 'not_editable' },
    ]);
    const missing = {
      ...base(data, 'i2-V1'),
      definition: undefined,
      answers: {},
      filledSlots: new Set(['photos']),
    };
    expect(completionProblems(missing)).toEqual([{ kind: 'form_missing' }]);
  });
});
