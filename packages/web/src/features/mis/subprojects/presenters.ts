import { type Locale, parseFcfa } from '@coso/domain';
import type { MisReference, SubprojectEvent } from './mis-api';

/**
 * Pure presentation rules of the sub-project pages: labels from the reference lists, the status badge's
 * colour, the timeline's rows and the reading of amounts and counts typed by a person.
 */

type Labelled = { code: string; label: string; labels: { fr: string; en: string } };
type Step = MisReference['steps'][number];

/** The label of a code in the UI language; the code itself when the list does not know it. */
export function labelOf(list: readonly Labelled[] | undefined, code: string | null, locale: Locale): string {
  if (!code) return '—';
  const found = list?.find((x) => x.code === code);
  return found ? found.labels[locale] : code;
}

/**
 * The badge colour of a step: the first step grey, a closing step (not approved, abandoned) dark, a pause
 * (interrupted) red, the works at levels blue, the steps at 100 % (completed and the acceptances) green, the
 * preparation steps in between light blue.
 */
export function statusTone(steps: readonly Step[], code: string | null): string {
  const step = steps.find((s) => s.code === code);
  if (!step) return 'text-bg-light border';
  if (step.kind === 'end') return 'text-bg-dark';
  if (step.kind === 'pause') return 'text-bg-danger';
  if (step.percent === 100) return 'text-bg-success';
  if (step.levels) return 'text-bg-primary';
  if (step.order === Math.min(...steps.map((s) => s.order))) return 'text-bg-secondary';
  return 'text-bg-info';
}

/** One line of the timeline, in recorded order. */
export interface EventRow {
  id: string;
  kind: 'step' | 'correction';
  /** The step's label, or for a correction the label of the step it cancels. */
  stepLabel: string;
  date: string | null;
  progressPercent: number | null;
  amountSpent: number | null;
  note: string;
  author: string | null;
  recordedAt: string;
  fileIds: string[];
  /** Cancelled by a later correction, whose note says why. */
  voided: boolean;
  voidedBecause: string | null;
  /** For a correction: the date of the event it cancels. */
  voidsDate: string | null;
  /** A step event still in force may be cancelled. */
  canVoid: boolean;
}

export function eventRows(
  events: readonly SubprojectEvent[],
  steps: readonly Step[],
  locale: Locale,
): EventRow[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const correctionOf = new Map(
    events.filter((e) => e.kind === 'correction' && e.voids).map((e) => [e.voids as string, e]),
  );
  return events.map((e) => {
    const target = e.kind === 'correction' && e.voids ? byId.get(e.voids) : undefined;
    const voided = e.voided || correctionOf.has(e.id);
    return {
      id: e.id,
      kind: e.kind,
      stepLabel: labelOf(steps, (target ?? e).step, locale),
      date: e.date,
      progressPercent: e.progressPercent,
      amountSpent: e.amountSpent,
      note: e.note,
      author: e.author?.displayName ?? null,
      recordedAt: e.recordedAt,
      fileIds: e.fileIds,
      voided,
      voidedBecause: correctionOf.get(e.id)?.note ?? null,
      voidsDate: target?.date ?? null,
      canVoid: e.kind === 'step' && !voided,
    };
  });
}

/** An optional amount typed by a person: empty → null, whole FCFA → the number, anything else → 'invalid'. */
export function readFcfa(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseFcfa(text) ?? 'invalid';
}

/** An optional whole count (beneficiaries): empty → null, digits → the number, else 'invalid'. */
export function readCount(text: string): number | null | 'invalid' {
  const s = text.trim();
  if (s === '') return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : 'invalid';
}

/** An optional positive measure (a length, a surface: decimals with a point or a comma). */
export function readMeasure(text: string): number | null | 'invalid' {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^\d{1,10}(\.\d{1,4})?$/.test(s) ? Number(s) : 'invalid';
}

/** An optional coordinate in decimal degrees (a comma is read as the decimal point). */
export function readCoordinate(text: string): number | null | 'invalid' {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^-?\d{1,3}(\.\d{1,8})?$/.test(s) ? Number(s) : 'invalid';
}

/** What a 409 step_sequence_invalid says, from its `details` ({ reason, missing }): a key and its steps. */
export function sequenceProblem(
  details: unknown,
  steps: readonly Step[],
  locale: Locale,
): { reason: string; steps: string } | null {
  if (!details || typeof details !== 'object') return null;
  const { reason, missing } = details as { reason?: unknown; missing?: unknown };
  if (typeof reason !== 'string') return null;
  const names = Array.isArray(missing)
    ? missing.filter((m): m is string => typeof m === 'string').map((m) => labelOf(steps, m, locale))
    : [];
  return { reason, steps: names.join(', ') };
}
