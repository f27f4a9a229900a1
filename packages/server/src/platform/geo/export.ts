import type { Queryable } from '../../db/driver.js';
import type { SheetCell } from '../../lib/sheet-writer.js';
import { exportHeaders, placeLevels } from './import-columns.js';
import * as repo from './repo.js';

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'oui' : 'non');

/**
 * The tree (or a subtree) in the import format: one row per place below the country, its ancestors' names in
 * the level columns, so that re-importing the file changes nothing.
 */
export async function geoExportRows(db: Queryable, withinPath: string | null) {
  const levels = await repo.listLevels(db);
  const columns = placeLevels(levels).map((l) => l.code);
  const units = await repo.subtree(db, withinPath);
  const ancestorsAbove = withinPath
    ? await repo.findUnitsByIds(db, withinPath.split('/').filter(Boolean))
    : [];
  const byId = new Map([...ancestorsAbove, ...units].map((u) => [u.id, u]));
  // Coordinates stay numbers: the CSV writer guards text starting with `-` against formula injection, and a
  // longitude west of Greenwich must not come out as text.
  const rows: SheetCell[][] = [];
  for (const unit of units) {
    if (!columns.includes(unit.level)) continue;
    const names = columns.map(() => '');
    for (let u: repo.GeoUnitRow | undefined = unit; u; u = u.parentId ? byId.get(u.parentId) : undefined) {
      const i = columns.indexOf(u.level);
      if (i >= 0) names[i] = u.name;
    }
    rows.push([
      ...names,
      yesNo(unit.border),
      yesNo(unit.rural),
      unit.latitude ?? '',
      unit.longitude ?? '',
      unit.code,
    ]);
  }
  // Level by level, so that a place's rows stay together under it ("Oti", its children, then "Oti Sud"); one
  // joined key would not do: the collation ignores separators such as \u0000.
  const collator = new Intl.Collator('fr');
  rows.sort((a, b) => {
    for (let i = 0; i < columns.length; i++) {
      const order = collator.compare(String(a[i]), String(b[i]));
      if (order !== 0) return order;
    }
    return 0;
  });
  return { headers: exportHeaders(levels), rows };
}
