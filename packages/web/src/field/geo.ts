import { type Actor, isRole, isWithin, nameKey, type SyncRow } from '@coso/domain';
import type { FieldUser } from './session';

/** A geographic unit as the device holds it (pulled `geo_units` rows). */
export interface GeoNode {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  path: string;
  altNames: string[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function geoIndex(rows: readonly SyncRow[]): Map<string, GeoNode> {
  const index = new Map<string, GeoNode>();
  for (const r of rows) {
    index.set(r.id, {
      id: r.id,
      code: text(r.code),
      name: text(r.name) || r.id,
      level: text(r.level),
      parentId: text(r.parentId ?? r.parent_id) || null,
      path: text(r.path),
      altNames: Array.isArray(r.altNames) ? r.altNames.filter((n): n is string => typeof n === 'string') : [],
    });
  }
  return index;
}

/** "Lama (Pya, Kozah 1)": the unit and its two nearest ancestors, to tell namesakes apart. */
export function placeLabel(index: ReadonlyMap<string, GeoNode>, id: unknown): string {
  if (typeof id !== 'string' || !id) return '—';
  const unit = index.get(id);
  if (!unit) return '—';
  const parents: string[] = [];
  let parent = unit.parentId ? index.get(unit.parentId) : undefined;
  while (parent && parents.length < 2) {
    parents.push(parent.name);
    parent = parent.parentId ? index.get(parent.parentId) : undefined;
  }
  return parents.length ? `${unit.name} (${parents.join(', ')})` : unit.name;
}

/**
 * The path of a unit of the user's jurisdiction. /me names the units without their path; the path is the
 * unit's own row when pulled, else read off any pulled unit below it (paths are the chain of ancestor ids).
 * Unknown units give no path at all, never '' (which would cover everything).
 */
export function unitPath(index: ReadonlyMap<string, GeoNode>, unitId: string): string | undefined {
  const own = index.get(unitId)?.path;
  if (own) return own;
  const marker = `/${unitId}/`;
  for (const unit of index.values()) {
    const at = unit.path.indexOf(marker);
    if (at >= 0) return unit.path.slice(0, at + marker.length);
  }
  return undefined;
}

/** The user as the domain policies see them (roles × jurisdiction paths), to decide actions offline. */
export function fieldActor(user: FieldUser, index: ReadonlyMap<string, GeoNode>): Actor {
  return {
    id: user.id,
    roles: user.roles.filter(isRole),
    jurisdictions: user.jurisdictions.flatMap((j) => {
      const path = unitPath(index, j.id);
      return path ? [{ unitId: j.id, path }] : [];
    }),
  };
}

/** Villages within the actor's jurisdiction, by name; every village on the device when none is known. */
export function areaVillages(index: ReadonlyMap<string, GeoNode>, actor: Actor): GeoNode[] {
  const villages = [...index.values()].filter((u) => u.level === 'village');
  const paths = actor.jurisdictions.map((j) => j.path);
  const mine = paths.length ? villages.filter((v) => paths.some((p) => isWithin(v.path, p))) : villages;
  return (mine.length ? mine : villages).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** Villages whose name (or code) matches what was typed, accents and case ignored. */
export function searchVillages(villages: readonly GeoNode[], query: string): GeoNode[] {
  const q = nameKey(query);
  if (!q) return [...villages];
  return villages.filter(
    (v) =>
      nameKey(v.name).includes(q) ||
      v.altNames.some((n) => nameKey(n).includes(q)) ||
      v.code.toLowerCase().includes(q),
  );
}
