import { useEffect, useState } from 'react';
import { getGeoUnit, listGeoUnits } from '../../api/geo';
import type { GeoRef, GeoUnitSummary } from '../../api/types';

/**
 * Where a place is, in words ("Lama, Kozah 1" for a village: its canton and commune). Search results only
 * carry the parent's id, so the parent is read once (with its ancestors) and kept for the page's lifetime.
 */
const parents = new Map<string, Promise<string>>();

function parentContext(parentId: string): Promise<string> {
  let found = parents.get(parentId);
  if (!found) {
    found = getGeoUnit(parentId).then(
      (p) => [p.name, p.ancestors[p.ancestors.length - 1]?.name].filter(Boolean).join(', '),
      (err: unknown) => {
        parents.delete(parentId);
        throw err;
      },
    );
    parents.set(parentId, found);
  }
  return found;
}

export interface PlacedUnit extends GeoRef {
  parentId: string | null;
  /** "canton, commune" of a village; '' for a root or when unknown. */
  context: string;
}

/** Adds each unit's context; a lookup that fails leaves the context empty rather than failing the search. */
export async function withContext(units: GeoUnitSummary[]): Promise<PlacedUnit[]> {
  const contexts = await Promise.all(
    units.map((u) => (u.parentId ? parentContext(u.parentId).catch(() => '') : Promise.resolve(''))),
  );
  return units.map((u, i) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    context: contexts[i] ?? '',
  }));
}

/** Villages (or units of `level`) matching `q`, inside the caller's jurisdiction when `mine`. */
export async function searchUnits(
  q: string,
  opts: { level?: string; mine?: boolean },
): Promise<PlacedUnit[]> {
  const page = await listGeoUnits({
    q: q || undefined,
    level: opts.level,
    limit: 10,
    ...(opts.mine ? { mine: 'true' } : {}),
  });
  return withContext(page.items);
}

/** "Hézoudè — Lama, Kozah 1". */
export function placeLabel(unit: { name: string; context?: string }): string {
  return unit.context ? `${unit.name} — ${unit.context}` : unit.name;
}

/** The ancestors of one unit, nearest first ("Lama, Kozah 1, Kozah, Kara"), for a case page. */
export function useAncestry(unitId: string | undefined): string {
  const [text, setText] = useState('');
  useEffect(() => {
    if (!unitId) return;
    let current = true;
    getGeoUnit(unitId).then(
      (u) => {
        const names = u.ancestors
          .filter((a) => a.level !== 'country')
          .map((a) => a.name)
          .reverse();
        if (current) setText(names.join(', '));
      },
      () => {
        if (current) setText('');
      },
    );
    return () => {
      current = false;
    };
  }, [unitId]);
  return text;
}
