import type { SyncRow } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import type { DccData } from './dcc-model';
import { readAssignment, readInstance, readTask } from './dcc-rows';
import { type GpsError, readGps, readPlace, villagePlaces } from './places-model';
import { addDays, agenda, isOverdue, overdueCount, plannableTasks, readPlan } from './planning-model';

const row = (id: string, fields: Record<string, unknown>): SyncRow => ({ id, changeSeq: 1, ...fields });
const plan = (id: string, plannedOn: string, fields: Record<string, unknown> = {}) =>
  readPlan(
    row(id, { cycleId: 'Y', unitId: 'V1', title: `Activité ${id}`, plannedOn, version: 1, ...fields }),
  );
const names: Record<string, string> = { V1: 'Tchitchao', V2: 'Kpindi' };
const unitName = (id: string) => names[id] ?? '—';
const TODAY = '2027-03-10';

describe('agenda', () => {
  const plans = [
    plan('late', '2027-03-08'),
    plan('done-old', '2027-02-01', { outcome: 'done' }),
    plan('done-recent', '2027-03-09', { outcome: 'not_done', comment: 'Pluie' }),
    plan('b-today', TODAY, { title: 'Visite au chef', unitId: 'V2' }),
    plan('a-today', TODAY, { taskId: 'T1', title: null }),
    plan('next', '2027-03-12', { pending: true, version: 0 }),
  ];
  const days = agenda({
    plans,
    tasks: [{ id: 'T1', name: 'Assemblée villageoise' }],
    unitName,
    today: TODAY,
  });

  it('groups plans by date in order, by label within a day, with the task name or the title', () => {
    expect(days.map((d) => [d.date, d.isToday, d.items.map((i) => i.plan.id)])).toEqual([
      ['2027-03-08', false, ['late']],
      ['2027-03-09', false, ['done-recent']],
      [TODAY, true, ['a-today', 'b-today']],
      ['2027-03-12', false, ['next']],
    ]);
    expect(days[2]!.items.map((i) => [i.label, i.villageName])).toEqual([
      ['Assemblée villageoise', 'Tchitchao'],
      ['Visite au chef', 'Kpindi'],
    ]);
  });

  it('flags past plans without an outcome as overdue; only plans whose day has come are recordable', () => {
    const flags = days.flatMap((d) => d.items.map((i) => [i.plan.id, i.overdue, i.recordable]));
    expect(flags).toEqual([
      ['late', true, true],
      ['done-recent', false, true],
      ['a-today', false, true],
      ['b-today', false, true],
      ['next', false, false],
    ]);
    expect(overdueCount(days)).toBe(1);
    expect(isOverdue(plan('x', '2027-03-09', { outcome: 'other' }), TODAY)).toBe(false);
  });

  it('keeps an unrecorded plan however old, drops recorded ones past the window', () => {
    const old = agenda({ plans: [plan('ancient', '2026-11-02')], tasks: [], unitName, today: TODAY });
    expect(old[0]?.items[0]).toMatchObject({ overdue: true });
    expect(days.flatMap((d) => d.items.map((i) => i.plan.id))).not.toContain('done-old');
  });

  it('reads a pending plan made on the phone and counts days across months', () => {
    expect(plan('p', '2027-03-12', { pending: true, version: 0 })).toMatchObject({
      pending: true,
      version: 0,
    });
    expect(readPlan(row('bad', { plannedOn: 7, outcome: 'maybe' }))).toMatchObject({
      plannedOn: '',
      outcome: null,
    });
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('plannableTasks', () => {
  it("offers the village's editable tasks, the returned one as the next", () => {
    const task = (id: string, position: number) =>
      readTask(row(id, { cycleId: 'Y', activityId: 'A1', position, code: id, name: id, level: 'village' }));
    const instance = (id: string, taskId: string, status: string) =>
      readInstance(row(id, { cycleId: 'Y', taskId, unitId: 'V1', unitKind: 'geo', status, version: 1 }));
    const data: DccData = {
      cycles: [{ id: 'Y', name: 'COSO 2027', year: 2027, status: 'active' }],
      phases: [{ id: 'P1', cycleId: 'Y', position: 1, name: 'Introduction' }],
      activities: [{ id: 'A1', phaseId: 'P1', position: 1, name: 'Assemblée' }],
      tasks: [task('T1', 1), task('T2', 2), task('T3', 3)],
      assignments: [readAssignment(row('a', { cycleId: 'Y', villageId: 'V1', facilitatorId: 'me' }))],
      instances: [
        instance('i1', 'T1', 'validated'),
        instance('i2', 'T2', 'todo'),
        instance('i3', 'T3', 'returned'),
      ],
    };
    const offer = plannableTasks(data, new Map(), 'V1', 'Y');
    expect(offer.tasks.map((t) => t.id)).toEqual(['T2', 'T3']);
    expect(offer.next?.id).toBe('T3');
  });
});

describe('places', () => {
  it("gives the village's newest position and its meeting places by name; skips rows without coordinates", () => {
    const rows = [
      row('old', {
        villageId: 'V1',
        kind: 'village',
        latitude: 9.5,
        longitude: 1.1,
        capturedAt: '2027-03-01T08:00:00Z',
      }),
      row('new', {
        villageId: 'V1',
        kind: 'village',
        latitude: 9.6,
        longitude: 1.2,
        capturedAt: '2027-03-02T08:00:00Z',
      }),
      row('m2', { villageId: 'V1', kind: 'meeting_place', name: 'École', latitude: 9.6, longitude: 1.2 }),
      row('m1', { villageId: 'V1', kind: 'meeting_place', name: 'Chefferie', latitude: 9.6, longitude: 1.2 }),
      row('other', { villageId: 'V2', kind: 'village', latitude: 9.6, longitude: 1.2 }),
      row('broken', { villageId: 'V1', kind: 'village', latitude: 'x', longitude: 1.2 }),
    ];
    const places = rows.flatMap((r) => readPlace(r) ?? []);
    const { position, meetingPlaces } = villagePlaces(places, 'V1');
    expect(position?.id).toBe('new');
    expect(meetingPlaces.map((p) => p.id)).toEqual(['m1', 'm2']);
  });

  it('reads the GPS once with high accuracy and says why it could not', async () => {
    const fake = (answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) =>
      ({
        getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback, options: PositionOptions) => {
          expect(options).toMatchObject({ enableHighAccuracy: true, timeout: 30_000 });
          answer(ok, fail);
        },
      }) as unknown as Geolocation;
    const at = (latitude: number, longitude: number) => (ok: PositionCallback) =>
      ok({ coords: { latitude, longitude, accuracy: 7.6 } } as GeolocationPosition);
    expect(await readGps(fake(at(9.5512346, 1.1861)))).toEqual({
      latitude: 9.551235,
      longitude: 1.1861,
      accuracy: 8,
    });
    const problem = (g: Geolocation | undefined) => readGps(g).catch((e: GpsError) => e.problem);
    expect(await problem(fake(at(48.85, 2.35)))).toBe('out_of_area');
    const failing = (code: number) => (_: PositionCallback, fail: PositionErrorCallback) =>
      fail({ code, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
    expect(await problem(fake(failing(1)))).toBe('denied');
    expect(await problem(fake(failing(3)))).toBe('timeout');
    expect(await problem(fake(failing(2)))).toBe('unavailable');
    expect(await problem(undefined)).toBe('unsupported');
  });
});
