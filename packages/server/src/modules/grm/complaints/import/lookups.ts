import { type Actor, inJurisdiction, nameKey, pathIds } from '@coso/domain';
import type { Queryable } from '../../../../db/driver.js';
import { findUnitsByIds } from '../../../../platform/geo/repo.js';
import type { ReferenceItem, ReferenceList } from '../../../../platform/reference/repo.js';
import type { RegisterReason } from './messages.js';

// What paper registers write for the seeded gender codes; used only when those codes exist in the list.
const GENDER_WORDS: Record<string, string> = {
  f: 'female',
  feminin: 'female',
  h: 'male',
  m: 'male',
  masculin: 'male',
};

/**
 * Finds the code of a register cell in an active reference list: by code first, then by French or English
 * label, with accents and case ignored ("Catégorie: Paiements et gestion financière" → payments).
 */
export function referenceMatcher(items: ReferenceItem[]) {
  const index = new Map<string, Map<string, string>>();
  const put = (list: string, key: string, code: string) => {
    const keys = index.get(list) ?? new Map<string, string>();
    index.set(list, keys);
    if (!keys.has(key)) keys.set(key, code);
  };
  for (const i of items) put(i.list, nameKey(i.code), i.code);
  for (const i of items) {
    put(i.list, nameKey(i.labelFr), i.code);
    put(i.list, nameKey(i.labelEn), i.code);
  }
  const genders = index.get('gender');
  for (const [word, code] of Object.entries(GENDER_WORDS)) {
    if (genders && [...genders.values()].includes(code)) put('gender', word, code);
  }
  return (list: ReferenceList, cell: string): string | undefined => index.get(list)?.get(nameKey(cell));
}

interface Place {
  id: string;
  code: string;
  name: string;
}

export interface VillageCandidate extends Place {
  path: string;
  canton: Place | undefined;
  commune: Place | undefined;
}

export type VillagePick =
  | { village: VillageCandidate }
  | { reason: RegisterReason; params: Record<string, string> };

/**
 * Looks villages up by code (case ignored) or by name (accents and case ignored), with their canton and
 * commune for disambiguation. Results are cached per cell text: registers repeat the same few villages.
 */
export function villageFinder(db: Queryable) {
  const cache = new Map<string, Promise<VillageCandidate[]>>();
  const load = async (cell: string): Promise<VillageCandidate[]> => {
    const rows = await db.query<Place & { path: string; byCode: boolean }>(
      `select id, code, name, path, lower(code) = lower($1) as "byCode" from geo_units
        where level = 'village' and (lower(code) = lower($1) or name_key = $2)`,
      [cell, nameKey(cell)],
    );
    // A code is exact: when one matches, villages that merely share the name are not candidates.
    const found = rows.some((r) => r.byCode) ? rows.filter((r) => r.byCode) : rows;
    const ancestors = await findUnitsByIds(db, [...new Set(found.flatMap((r) => pathIds(r.path)))]);
    const at = (path: string, level: string) =>
      ancestors.find((a) => a.level === level && path.startsWith(a.path) && a.path !== path);
    return found.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      path: r.path,
      canton: at(r.path, 'canton'),
      commune: at(r.path, 'commune'),
    }));
  };
  return (cell: string) => {
    // Not nameKey: "V-01" and "V 01" share a name key but only one of them may be a code.
    const key = cell.toLowerCase();
    if (!cache.has(key)) cache.set(key, load(cell));
    return cache.get(key)!;
  };
}

const sameAs = (place: Place | undefined, cell: string) =>
  place !== undefined && (nameKey(place.name) === nameKey(cell) || nameKey(place.code) === nameKey(cell));

/**
 * Chooses the village a row means. Canton and commune, when given, must agree; among what is left, villages
 * of the importer's jurisdiction are the ones a register can refer to, so a name shared with a village of
 * another region is not ambiguous.
 */
export function pickVillage(
  candidates: VillageCandidate[],
  cell: string,
  area: { canton: string; commune: string },
  actor: Actor,
): VillagePick {
  if (candidates.length === 0) return { reason: 'unknown_village', params: { value: cell } };
  let left = candidates;
  if (area.canton) left = left.filter((v) => sameAs(v.canton, area.canton));
  if (area.commune) left = left.filter((v) => sameAs(v.commune, area.commune));
  if (left.length === 0) {
    const where = [area.canton && `canton ${area.canton}`, area.commune && `commune ${area.commune}`];
    return { reason: 'village_not_in_area', params: { value: cell, area: where.filter(Boolean).join(', ') } };
  }
  const mine = left.filter((v) => inJurisdiction(actor, v.path));
  if (mine.length === 0) return { reason: 'outside_jurisdiction', params: { value: cell } };
  if (mine.length > 1) {
    const options = mine.map((v) => `${v.name} (${v.canton?.name ?? '?'}, ${v.commune?.name ?? '?'})`);
    return { reason: 'ambiguous_village', params: { value: cell, options: options.join(' ; ') } };
  }
  return { village: mine[0]! };
}
