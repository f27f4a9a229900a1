import type { DccProgress } from './dcc-api';

/** Whole percent of `part` in `total`, 0 when there is nothing to count (never NaN). */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

/** The funnel: each phase with the villages that completed it, as a share of the villages in the cycle. */
export function funnel(
  progress: DccProgress,
): { phaseId: string; name: string; completed: number; villages: number; pct: number }[] {
  return progress.phases.map((p) => ({ ...p, pct: percent(p.completed, p.villages) }));
}

/** Area × phase cells in the phases' order (a phase missing for an area shows as empty, not as 0 %). */
export function areaMatrix(
  progress: DccProgress,
): { unitId: string; name: string; cells: (number | null)[] }[] {
  return progress.areas
    .map((a) => {
      const byPhase = new Map(a.phases.map((p) => [p.phaseId, p.percentValidated]));
      return {
        unitId: a.unitId,
        name: a.name,
        cells: progress.phases.map((p) => byPhase.get(p.phaseId) ?? null),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The league: most validated tasks first, then most submitted, then the most recent activity, then by name. */
export function league(progress: DccProgress): DccProgress['facilitators'] {
  return [...progress.facilitators].sort(
    (a, b) =>
      b.tasksValidated - a.tasksValidated ||
      b.tasksSubmitted - a.tasksSubmitted ||
      (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') ||
      a.displayName.localeCompare(b.displayName, 'fr'),
  );
}

/** A heat class for a % cell, so the table reads at a glance (colour is never the only cue: the % is written). */
export function heatClass(pct: number | null): string {
  if (pct === null) return '';
  if (pct >= 80) return 'table-success';
  if (pct >= 40) return 'table-warning';
  return pct > 0 ? 'table-danger' : '';
}
