/** Default administrative levels of Togo, top-down. Levels are data in the database; this is the seed order. */
export const DEFAULT_GEO_LEVELS = [
  'country',
  'region',
  'prefecture',
  'commune',
  'canton',
  'village',
] as const;

export type GeoLevelCode = string;

/**
 * A unit's materialised path: the ids of its ancestors and itself, each followed by '/', starting with '/'.
 * `/c/r/p/` is inside `/c/r/` because it starts with it; comparing prefixes is all a scope check needs.
 */
export type GeoPath = string;

export function childPath(parentPath: GeoPath | null, id: string): GeoPath {
  return `${parentPath ?? '/'}${id}/`;
}

export function isWithin(path: GeoPath, ancestorPath: GeoPath): boolean {
  return path.startsWith(ancestorPath);
}

export function pathIds(path: GeoPath): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Key used to match place names typed by people: accents, case, apostrophes, hyphens and repeated spaces
 * do not matter ("Kéran" = "KERAN", "Agoè-Nyivé" = "agoe nyive").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`\-_.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
