import type { StepDefinition } from './steps.js';

/**
 * A sub-project's progress derived from its events (issue #16). Events are appended, never edited: a mistake
 * is cancelled by a correction event (`voids`), and the sequence without the cancelled event must still be
 * valid. Pure, so the server (before it appends) and the screens (to offer only acceptable steps) agree.
 */

export interface StepEvent {
  id: string;
  kind: 'step';
  step: string;
  /** Calendar date (YYYY-MM-DD) the step was reached. */
  date: string;
  /** Physical progress at this event; required for a step with levels. */
  progressPercent?: number | null;
  /** FCFA spent at this step (an integer); the sub-project's amount spent is the sum. */
  amountSpent?: number | null;
}

export interface CorrectionEvent {
  id: string;
  kind: 'correction';
  /** The event this one cancels. */
  voids: string;
}

export type ProgressEvent = StepEvent | CorrectionEvent;

export interface DerivedProgress {
  /** The current step's code (null before any event). */
  status: string | null;
  progressPercent: number;
  amountSpent: number;
  /** First date each step was reached. */
  reached: Record<string, string>;
  /** An end step was reached: nothing may follow. */
  closed: boolean;
}

export const SEQUENCE_REASONS = [
  'unknown_step',
  'first_step',
  'after_end',
  'backwards',
  'not_repeatable',
  'requires',
  'paused',
  'pause_needs_levels',
  'date_order',
  'percent_required',
  'percent_decreasing',
  'percent_mismatch',
  'void_unknown',
] as const;
export type SequenceReason = (typeof SEQUENCE_REASONS)[number];

export interface SequenceError {
  eventId: string;
  reason: SequenceReason;
  step?: string;
  /** For `requires`: the steps not reached yet. */
  missing?: string[];
}

export type DeriveResult = { ok: true; progress: DerivedProgress } | { ok: false; error: SequenceError };

const EMPTY: DerivedProgress = {
  status: null,
  progressPercent: 0,
  amountSpent: 0,
  reached: {},
  closed: false,
};

/** Replays the events in their recorded order; the first one that breaks the rules is the error. */
export function deriveProgress(
  steps: readonly StepDefinition[],
  events: readonly ProgressEvent[],
): DeriveResult {
  const voided = new Set<string>();
  const seen = new Set<string>();
  for (const e of events) {
    if (e.kind === 'correction' && (!seen.has(e.voids) || voided.has(e.voids))) {
      return { ok: false, error: { eventId: e.id, reason: 'void_unknown' } };
    }
    if (e.kind === 'correction') voided.add(e.voids);
    else seen.add(e.id);
  }
  const byCode = new Map(steps.map((s) => [s.code, s]));
  let state = EMPTY;
  let lastMain: StepDefinition | undefined;
  let lastDate = '';
  for (const e of events) {
    if (e.kind !== 'step' || voided.has(e.id)) continue;
    const next = applyStep(byCode, state, lastMain, lastDate, e);
    if ('reason' in next) return { ok: false, error: { eventId: e.id, step: e.step, ...next } };
    state = next;
    lastDate = e.date;
    const def = byCode.get(e.step);
    if (def?.kind === 'main') lastMain = def;
  }
  return { ok: true, progress: state };
}

type StepOutcome = DerivedProgress | { reason: SequenceReason; missing?: string[] };

function applyStep(
  byCode: ReadonlyMap<string, StepDefinition>,
  state: DerivedProgress,
  lastMain: StepDefinition | undefined,
  lastDate: string,
  e: StepEvent,
): StepOutcome {
  const def = byCode.get(e.step);
  if (!def) return { reason: 'unknown_step' };
  if (state.status === null && def.requires.length > 0) return { reason: 'first_step' };
  if (state.closed) return { reason: 'after_end' };
  const missing = def.requires.filter((r) => !(r in state.reached));
  if (missing.length > 0) return { reason: 'requires', missing };
  const current = state.status === null ? undefined : byCode.get(state.status);
  if (current?.kind === 'pause' && !(def.kind === 'end' || (def.levels && def.code === lastMain?.code))) {
    return { reason: 'paused' };
  }
  if (def.kind === 'pause' && !current?.levels) return { reason: 'pause_needs_levels' };
  if (lastMain && def.order < lastMain.order) return { reason: 'backwards' };
  if (lastMain && def.order === lastMain.order && !def.levels) return { reason: 'not_repeatable' };
  if (e.date < lastDate) return { reason: 'date_order' };
  const percent = nextPercent(def, state.progressPercent, e.progressPercent);
  if (typeof percent === 'string') return { reason: percent };
  return {
    status: def.code,
    progressPercent: percent,
    amountSpent: state.amountSpent + (e.amountSpent ?? 0),
    reached: def.code in state.reached ? state.reached : { ...state.reached, [def.code]: e.date },
    closed: def.kind === 'end',
  };
}

function nextPercent(
  def: StepDefinition,
  current: number,
  given: number | null | undefined,
): number | 'percent_required' | 'percent_decreasing' | 'percent_mismatch' {
  const has = given !== undefined && given !== null;
  if (def.levels) {
    if (!has) return 'percent_required';
    return given < current ? 'percent_decreasing' : given;
  }
  const implied = def.percent ?? current;
  if (has && given !== implied) return 'percent_mismatch';
  return implied;
}

/** The steps that could be recorded next (ignoring the date and %): what a form offers. */
export function nextSteps(steps: readonly StepDefinition[], events: readonly ProgressEvent[]): string[] {
  const done = deriveProgress(steps, events);
  if (!done.ok) return [];
  const lastDate = lastStepDate(events);
  return steps
    .filter((s) => {
      const trial: StepEvent = {
        id: '\u0000next',
        kind: 'step',
        step: s.code,
        date: lastDate,
        progressPercent: s.levels ? 100 : undefined,
      };
      return deriveProgress(steps, [...events, trial]).ok;
    })
    .map((s) => s.code);
}

function lastStepDate(events: readonly ProgressEvent[]): string {
  let last = '0000-01-01';
  for (const e of events) if (e.kind === 'step' && e.date > last) last = e.date;
  return last;
}
