import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveProgress, nextSteps, type ProgressEvent, type StepEvent } from './progress.js';
import { COSO_STEPS, checkStepList } from './steps.js';

/**
 * A reference model of COSO's steps written independently of the generic rule: which step may follow
 * which, by hand. The property test compares it with `deriveProgress` on random sequences.
 */
const NEXT: Record<string, readonly string[]> = {
  '': ['identified'],
  identified: ['not_approved', 'approved'],
  not_approved: [],
  approved: ['tender_launched', 'company_selected', 'abandoned'],
  tender_launched: ['company_selected', 'abandoned'],
  company_selected: ['contract_signed', 'abandoned'],
  contract_signed: ['site_handover', 'abandoned'],
  site_handover: ['works_in_progress', 'abandoned'],
  works_in_progress: ['works_in_progress', 'interrupted', 'abandoned', 'completed'],
  interrupted: ['works_in_progress', 'abandoned'],
  abandoned: [],
  completed: ['technical_acceptance', 'provisional_acceptance'],
  technical_acceptance: ['provisional_acceptance'],
  provisional_acceptance: ['community_handover', 'final_acceptance'],
  community_handover: ['final_acceptance'],
  final_acceptance: [],
};
const AT_100 = new Set([
  'completed',
  'technical_acceptance',
  'provisional_acceptance',
  'community_handover',
  'final_acceptance',
]);

/** The reference: the status after each accepted event, or the index of the first refused one. */
function reference(
  events: readonly StepEvent[],
): { status: string; percent: number } | { refusedAt: number } {
  let status = '';
  let percent = 0;
  let date = '';
  for (const [i, e] of events.entries()) {
    if (!NEXT[status]?.includes(e.step) || e.date < date) return { refusedAt: i };
    const given = e.progressPercent ?? undefined;
    if (e.step === 'works_in_progress') {
      if (given === undefined || given < percent) return { refusedAt: i };
      percent = given;
    } else {
      const implied = AT_100.has(e.step) ? 100 : percent;
      if (given !== undefined && given !== implied) return { refusedAt: i };
      percent = implied;
    }
    status = e.step;
    date = e.date;
  }
  return { status, percent };
}

const codes = COSO_STEPS.map((s) => s.code);
const eventArb = fc.record({
  step: fc.constantFrom(...codes, 'works_in_progress', 'works_in_progress', 'unknown'),
  day: fc.integer({ min: 1, max: 28 }),
  percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
});
const toEvents = (raw: { step: string; day: number; percent?: number }[]): StepEvent[] =>
  raw.map((r, i) => ({
    id: `e${i}`,
    kind: 'step',
    step: r.step,
    date: `2027-03-${String(r.day).padStart(2, '0')}`,
    progressPercent: r.percent,
  }));

/** A valid path through the steps, so that random sequences also reach the late steps. */
const happyPath: StepEvent[] = toEvents([
  { step: 'identified', day: 1 },
  { step: 'approved', day: 2 },
  { step: 'tender_launched', day: 3 },
  { step: 'company_selected', day: 4 },
  { step: 'contract_signed', day: 5 },
  { step: 'site_handover', day: 6 },
  { step: 'works_in_progress', day: 7, percent: 30 },
]);

describe('sub-project progress derived from events', () => {
  it('COSO’s step list is well formed', () => {
    expect(checkStepList(COSO_STEPS)).toEqual([]);
    expect(COSO_STEPS).toHaveLength(15);
  });

  it('agrees with the hand-written reference on random sequences', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(eventArb, { maxLength: 12 }), (fromPath, raw) => {
        const tail = toEvents(raw).map((e, i) => ({
          ...e,
          id: `r${i}`,
          date: fromPath ? e.date.replace('-03-', '-04-') : e.date,
        }));
        const events = fromPath ? [...happyPath, ...tail] : tail;
        const got = deriveProgress(COSO_STEPS, events);
        const want = reference(events);
        if ('refusedAt' in want) {
          expect(got.ok).toBe(false);
          if (!got.ok) expect(got.error.eventId).toBe(events[want.refusedAt]?.id);
        } else {
          expect(got).toMatchObject({ ok: true, progress: { progressPercent: want.percent } });
          if (got.ok) expect(got.progress.status ?? '').toBe(want.status);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses final acceptance before the provisional one, naming what is missing', () => {
    const events: ProgressEvent[] = [
      ...happyPath,
      { id: 'c', kind: 'step', step: 'completed', date: '2027-03-20' },
      { id: 'f', kind: 'step', step: 'final_acceptance', date: '2027-03-21' },
    ];
    expect(deriveProgress(COSO_STEPS, events)).toEqual({
      ok: false,
      error: {
        eventId: 'f',
        step: 'final_acceptance',
        reason: 'requires',
        missing: ['provisional_acceptance'],
      },
    });
  });

  it('sums the amounts spent and keeps the first date of each step', () => {
    const events: ProgressEvent[] = [
      ...happyPath.slice(0, 6),
      {
        id: 'w1',
        kind: 'step',
        step: 'works_in_progress',
        date: '2027-04-01',
        progressPercent: 20,
        amountSpent: 1_500_000,
      },
      {
        id: 'w2',
        kind: 'step',
        step: 'works_in_progress',
        date: '2027-05-01',
        progressPercent: 65,
        amountSpent: 2_250_000,
      },
    ];
    const got = deriveProgress(COSO_STEPS, events);
    expect(got).toMatchObject({
      ok: true,
      progress: { status: 'works_in_progress', progressPercent: 65, amountSpent: 3_750_000, closed: false },
    });
    if (got.ok) expect(got.progress.reached.works_in_progress).toBe('2027-04-01');
  });

  it('a correction cancels an event; the rest must still be valid', () => {
    const abandoned: ProgressEvent[] = [
      ...happyPath,
      { id: 'x', kind: 'step', step: 'abandoned', date: '2027-03-09' },
    ];
    expect(nextSteps(COSO_STEPS, abandoned)).toEqual([]);
    const corrected: ProgressEvent[] = [...abandoned, { id: 'v', kind: 'correction', voids: 'x' }];
    expect(deriveProgress(COSO_STEPS, corrected)).toMatchObject({
      ok: true,
      progress: { status: 'works_in_progress' },
    });
    // Cancelling the approval while later steps rely on it is refused; so is cancelling twice or a later event.
    expect(
      deriveProgress(COSO_STEPS, [...happyPath, { id: 'v', kind: 'correction', voids: 'e1' }]),
    ).toMatchObject({
      ok: false,
      error: { reason: 'requires', step: 'tender_launched' },
    });
    expect(
      deriveProgress(COSO_STEPS, [...corrected, { id: 'v2', kind: 'correction', voids: 'x' }]),
    ).toMatchObject({
      ok: false,
      error: { eventId: 'v2', reason: 'void_unknown' },
    });
    expect(
      deriveProgress(COSO_STEPS, [{ id: 'v0', kind: 'correction', voids: 'e0' }, ...happyPath]),
    ).toMatchObject({ ok: false, error: { reason: 'void_unknown' } });
  });

  it('offers the steps a form may propose next', () => {
    expect(nextSteps(COSO_STEPS, [])).toEqual(['identified']);
    expect(nextSteps(COSO_STEPS, happyPath)).toEqual([
      'works_in_progress',
      'interrupted',
      'abandoned',
      'completed',
    ]);
  });
});
