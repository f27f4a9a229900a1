import type { QueueQuery } from './dcc-api';

/** The review queue's filters as they sit in the URL (a bookmarked queue reopens as it was). */
export interface ReviewFilters {
  cycleId?: string;
  areaId?: string;
  phaseId?: string;
  taskId?: string;
  facilitatorId?: string;
  /** Minimum age in days since submission: '3', '7', '14', '30'. */
  olderThan?: string;
}

const KEYS = ['cycleId', 'areaId', 'phaseId', 'taskId', 'facilitatorId', 'olderThan'] as const;
export const AGE_CHOICES = ['3', '7', '14', '30'] as const;

export function parseReviewFilters(search: string): ReviewFilters {
  const params = new URLSearchParams(search);
  const out: ReviewFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  if (out.olderThan && !(AGE_CHOICES as readonly string[]).includes(out.olderThan)) delete out.olderThan;
  return out;
}

export function reviewFiltersToSearch(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  return params.toString();
}

/**
 * What the server is asked: submitted instances only; an age becomes a cut-off date (submitted before
 * `today − n days`, at the start of that day in UTC), computed from the given clock so tests stay fixed.
 */
export function queueQuery(filters: ReviewFilters, now: Date): QueueQuery {
  const { olderThan, ...rest } = filters;
  const query: QueueQuery = { ...rest, status: 'submitted' };
  if (olderThan) {
    const cutoff = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - Number(olderThan)),
    );
    query.submittedBefore = cutoff.toISOString();
  }
  return query;
}

/** Whole days between a submission and now (0 on the day itself), for the queue's "age" column. */
export function ageInDays(submittedAt: string | null | undefined, now: Date): number | null {
  if (!submittedAt) return null;
  const ms = now.getTime() - new Date(submittedAt).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 86_400_000)) : null;
}
