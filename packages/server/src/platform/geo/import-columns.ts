import { nameKey } from '@coso/domain';
import type { GeoLevelRow } from './repo.js';

/** The exchange format of the administrative tree (import and export): one column per level, then attributes. */
export const ATTRIBUTE_COLUMNS = {
  border: { fr: 'Frontalier', aliases: ['frontalier', 'border', 'frontiere'] },
  rural: { fr: 'Rural', aliases: ['rural'] },
  latitude: { fr: 'Latitude', aliases: ['latitude', 'lat'] },
  longitude: { fr: 'Longitude', aliases: ['longitude', 'lon', 'long', 'lng'] },
  code: { fr: 'Code', aliases: ['code'] },
} as const;

export type AttributeColumn = keyof typeof ATTRIBUTE_COLUMNS;

/** Levels below the root (the country is implied: there is one). */
export function placeLevels(levels: GeoLevelRow[]): GeoLevelRow[] {
  return levels.filter((l) => l.rank > 0).sort((a, b) => a.rank - b.rank);
}

export function exportHeaders(levels: GeoLevelRow[]): string[] {
  return [...placeLevels(levels).map((l) => l.labelFr), ...Object.values(ATTRIBUTE_COLUMNS).map((c) => c.fr)];
}

export interface ColumnMap {
  levels: Array<{ level: GeoLevelRow; index: number }>;
  attributes: Partial<Record<AttributeColumn, number>>;
  missing: string[];
}

/** Finds each expected column in the file's header row, whatever its order, case or accents. */
export function mapColumns(headers: string[], levels: GeoLevelRow[]): ColumnMap {
  const keys = headers.map(nameKey);
  const find = (aliases: string[]) => keys.findIndex((k) => aliases.includes(k));
  const map: ColumnMap = { levels: [], attributes: {}, missing: [] };
  for (const level of placeLevels(levels)) {
    const index = find([nameKey(level.labelFr), nameKey(level.labelEn), level.code]);
    if (index < 0) map.missing.push(level.labelFr);
    else map.levels.push({ level, index });
  }
  for (const [column, def] of Object.entries(ATTRIBUTE_COLUMNS)) {
    const index = find([...def.aliases]);
    if (index >= 0) map.attributes[column as AttributeColumn] = index;
  }
  return map;
}

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const FALSE_WORDS = new Set(['non', 'n', 'no', 'false', 'faux', '0']);

/** Yes/no cells: empty means unknown. */
export function parseFlag(cell: string): boolean | null | 'invalid' {
  const k = nameKey(cell);
  if (k === '') return null;
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return 'invalid';
}

/**
 * Plain decimal numbers with a decimal comma or point ("10,85" = "10.85"). Number() alone would also take
 * "0x1A", "1e2" or "Infinity", which no one types as a coordinate.
 */
export function parseDecimal(cell: string): number | null | 'invalid' {
  if (cell === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(cell)) return 'invalid';
  return Number(cell.replace(',', '.'));
}
