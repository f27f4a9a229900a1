import type { Assignment } from './dcc-api';

/**
 * Assignments as the tab lists them: by village name, the active one first and then the ended ones (newest
 * first) when asked; an active row names the facilitator it replaced, so a reassignment is visible.
 */
export function assignmentRows(
  items: readonly Assignment[],
  showEnded: boolean,
): (Assignment & { previous?: string })[] {
  const byVillage = new Map<string, Assignment[]>();
  for (const a of items) byVillage.set(a.villageId, [...(byVillage.get(a.villageId) ?? []), a]);
  const rows: (Assignment & { previous?: string })[] = [];
  const villages = [...byVillage.values()].sort((a, b) =>
    (a[0]?.villageName ?? '').localeCompare(b[0]?.villageName ?? '', 'fr'),
  );
  for (const list of villages) {
    const ordered = [...list].sort(
      (a, b) => Number(b.active) - Number(a.active) || b.assignedAt.localeCompare(a.assignedAt),
    );
    const [current, ...ended] = ordered;
    if (!current) continue;
    const previous = current.active
      ? ended.find((e) => e.facilitator.id !== current.facilitator.id)
      : undefined;
    rows.push(
      previous
        ? { ...current, previous: previous.facilitator.displayName ?? previous.facilitator.id }
        : current,
    );
    if (showEnded) rows.push(...ended);
    else if (!current.active) rows.pop();
  }
  return rows;
}
