import { type SubprojectDetail, togoDate } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createSubproject,
  later,
  misWorld,
  postEvent,
  SUBPROJECTS,
  schoolBody,
  walk,
} from '../../../test/mis-kit.js';

/**
 * Progress as events (issue #16): the status, % and FCFA spent derived by the domain's rule after each event,
 * refused sequences (409 step_sequence_invalid with the rule's reason), corrections, versions, and two events
 * at once on one sub-project taking turns. Contracts ride along.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof misWorld>>;

const detail = async (id: string) =>
  (
    await t.app.inject({ url: `${SUBPROJECTS}/${id}`, headers: w.national.headers })
  ).json() as SubprojectDetail;
const fresh = () => createSubproject(t, w.kara, schoolBody(w.tree.a.villages[0]!.id));

const TO_WORKS = [
  'approved',
  'tender_launched',
  'company_selected',
  'contract_signed',
  'site_handover',
] as const;

beforeAll(async () => {
  t = await createTestApp();
  w = await misWorld(t);
}, 300_000);
afterAll(() => t.close());

describe('progress events', () => {
  it('derives the status, % and amount spent from the events, and keeps them on the row', async () => {
    const s = await fresh();
    await walk(t, w.kara, s.id, [
      ...TO_WORKS,
      { step: 'works_in_progress', progressPercent: 30, amountSpent: 12_000_000 },
      { step: 'works_in_progress', progressPercent: 60, amountSpent: 9_500_000 },
    ]);
    const d = await detail(s.id);
    expect(d).toMatchObject({ status: 'works_in_progress', progressPercent: 60, amountSpent: 21_500_000 });
    expect(d.version).toBe(1 + TO_WORKS.length + 2);
    expect(d.events.map((e) => e.step)).toEqual([
      'identified',
      ...TO_WORKS,
      'works_in_progress',
      'works_in_progress',
    ]);
    expect(d.nextSteps).toEqual(['works_in_progress', 'interrupted', 'abandoned', 'completed']);
    const [row] = await t.db.query<{ amount: number; pct: number }>(
      'select amount_spent as amount, progress_percent as pct from mis_subprojects where id = $1',
      [s.id],
    );
    expect(row).toEqual({ amount: 21_500_000, pct: 60 });
    const done = await postEvent(t, w.kara, s.id, { step: 'completed', date: later(30) });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ status: 'completed', progressPercent: 100, amountSpent: 21_500_000 });
    expect(done.json().event).toMatchObject({ step: 'completed', date: later(30), voided: false });
  });

  it('refuses final acceptance before the provisional one, naming what is missing', async () => {
    const s = await fresh();
    await walk(t, w.kara, s.id, [
      ...TO_WORKS,
      { step: 'works_in_progress', progressPercent: 100 },
      'completed',
    ]);
    const res = await postEvent(t, w.kara, s.id, { step: 'final_acceptance', date: later(60) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'step_sequence_invalid',
      details: { reason: 'requires', step: 'final_acceptance', missing: ['provisional_acceptance'] },
    });
    const bad = [
      [{ step: 'approved', date: later(60) }, 'backwards'],
      [{ step: 'provisional_acceptance', date: '2020-01-01' }, 'date_order'],
      [{ step: 'teleported', date: later(60) }, 'unknown_step'],
    ] as const;
    for (const [payload, reason] of bad) {
      const r = await postEvent(t, w.kara, s.id, payload);
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().details.reason).toBe(reason);
    }
    expect((await detail(s.id)).events).toHaveLength(1 + TO_WORKS.length + 2);
    const decimal = await postEvent(t, w.kara, s.id, {
      step: 'provisional_acceptance',
      date: later(60),
      amountSpent: 10.5,
    });
    expect(decimal.statusCode).toBe(400);
  });

  it('cancels a mistaken event with a correction, never overwriting it', async () => {
    const s = await fresh();
    await walk(t, w.kara, s.id, [
      ...TO_WORKS,
      { step: 'works_in_progress', progressPercent: 30, amountSpent: 1_000_000 },
      { step: 'works_in_progress', progressPercent: 90, amountSpent: 7_000_000 },
    ]);
    const wrong = (await detail(s.id)).events.at(-1)!;
    const res = await postEvent(t, w.kara, s.id, {
      kind: 'correction',
      voids: wrong.id,
      note: 'Pourcentage saisi par erreur',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'works_in_progress',
      progressPercent: 30,
      amountSpent: 1_000_000,
    });
    const d = await detail(s.id);
    expect(d.events.find((e) => e.id === wrong.id)).toMatchObject({ voided: true, progressPercent: 90 });
    expect(d.events.at(-1)).toMatchObject({ kind: 'correction', voids: wrong.id });
    const again = await postEvent(t, w.kara, s.id, { kind: 'correction', voids: wrong.id, note: 'Encore' });
    expect(again.json().details.reason).toBe('void_unknown');
    const first = d.events[0]!;
    const orphan = await postEvent(t, w.kara, s.id, { kind: 'correction', voids: first.id, note: 'Tout' });
    expect(orphan.statusCode).toBe(409);
  });

  it('refuses a stale baseVersion, and an event on a sub-project out of reach', async () => {
    const s = await fresh();
    const stale = await postEvent(t, w.kara, s.id, { step: 'approved', date: later(1), baseVersion: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    const other = await createSubproject(t, w.national, schoolBody(w.tree.b.villages[0]!.id));
    const out = await postEvent(t, w.kara, other.id, { step: 'approved', date: later(1) });
    expect(out.statusCode).toBe(404);
  });

  it('serialises two events recorded at once on the same sub-project', async () => {
    const s = await fresh();
    await walk(t, w.kara, s.id, [...TO_WORKS, { step: 'works_in_progress', progressPercent: 40 }]);
    // Both requests read the events before either may append (inserts held by a table lock): without the
    // row lock, each would derive the amount from the same events and one amount would be lost.
    let sent: Array<ReturnType<typeof postEvent>> = [];
    await t.db.transaction(async (tx) => {
      await tx.query('lock table mis_subproject_events in exclusive mode');
      sent = [1_100_000, 2_200_000].map((amountSpent) =>
        postEvent(t, w.kara, s.id, {
          step: 'works_in_progress',
          date: later(30),
          progressPercent: 50,
          amountSpent,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
    });
    const both = await Promise.all(sent);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(new Set(both.map((r) => r.json().version)).size).toBe(2);
    const d = await detail(s.id);
    expect(d.amountSpent).toBe(3_300_000);
    expect(d.version).toBe(1 + TO_WORKS.length + 1 + 2);
  });
});

describe('contracts', () => {
  it('adds contracts in whole FCFA and lists them', async () => {
    const s = await fresh();
    const url = `${SUBPROJECTS}/${s.id}/contracts`;
    const body = {
      kind: 'works',
      company: 'BTP Savanes SARL',
      reference: 'ANADEB/2026/017',
      amount: 43_750_000,
      signedOn: '2026-03-02',
      startsOn: '2026-03-15',
      endsOn: '2026-09-15',
    };
    const res = await t.app.inject({ method: 'POST', url, headers: w.kara.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject(body);
    for (const bad of [
      { ...body, amount: 10.5 },
      { ...body, endsOn: '2026-01-01' },
      { ...body, kind: 'x' },
    ]) {
      const r = await t.app.inject({ method: 'POST', url, headers: w.kara.headers, payload: bad });
      expect(r.statusCode).toBe(400);
    }
    const byFinance = await t.app.inject({ method: 'POST', url, headers: w.finance.headers, payload: body });
    expect(byFinance.statusCode).toBe(403);
    const listed = await t.app.inject({ url, headers: w.finance.headers });
    expect(listed.json().items).toEqual([{ id: res.json().id, ...body }]);
    expect((await t.app.inject({ url, headers: w.savanes.headers })).statusCode).toBe(404);
    expect((await detail(s.id)).contracts).toHaveLength(1);
  });

  it('enters a history from its identification day, never a day after today', async () => {
    const s = await fresh();
    expect(s.events[0]).toMatchObject({ step: 'identified', date: later(0) });
    const tomorrow = togoDate(new Date(Date.now() + 2 * 86_400_000));
    const ahead = await postEvent(t, w.kara, s.id, { step: 'approved', date: tomorrow });
    expect(ahead.statusCode).toBe(400);
    const early = await postEvent(t, w.kara, s.id, { step: 'approved', date: later(-1) });
    expect(early.json()).toMatchObject({ code: 'step_sequence_invalid', details: { reason: 'date_order' } });
    const future = await t.app.inject({
      method: 'POST',
      url: SUBPROJECTS,
      headers: w.kara.headers,
      payload: schoolBody(w.tree.a.villages[0]!.id, { identifiedOn: tomorrow }),
    });
    expect(future.statusCode).toBe(400);
  });
});
