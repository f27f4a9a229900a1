import { nameKey } from '@coso/domain';
import { Conditions } from '../../db/conditions.js';
import type { Queryable } from '../../db/driver.js';

export interface GeoUnitRow {
  id: string;
  code: string;
  name: string;
  altNames: string[];
  level: string;
  parentId: string | null;
  path: string;
  border: boolean;
  rural: boolean | null;
  latitude: number | null;
  longitude: number | null;
  childCount: number;
  nameKey: string;
}

const UNIT_COLUMNS = `g.id, g.code, g.name, g.alt_names as "altNames", g.level, g.parent_id as "parentId", g.path,
  g.border, g.rural, g.latitude, g.longitude, g.name_key as "nameKey",
  (select count(*) from geo_units c where c.parent_id = g.id)::int as "childCount"`;

export interface GeoLevelRow {
  code: string;
  rank: number;
  labelFr: string;
  labelEn: string;
}

export function listLevels(db: Queryable): Promise<GeoLevelRow[]> {
  return db.query<GeoLevelRow>(
    'select code, rank, label_fr as "labelFr", label_en as "labelEn" from geo_levels order by rank',
  );
}

export interface UnitFilter {
  parentId?: string | undefined;
  withinPath?: string | undefined;
  level?: string | undefined;
  q?: string | undefined;
  /** Restrict to these subtrees (a user's jurisdictions). */
  scopePaths?: string[] | undefined;
  after?: { nameKey: string; id: string } | undefined;
  limit: number;
}

/** Escapes LIKE wildcards so that a search for "%" or "_" means those characters. */
const likeEscaped = (text: string) => text.replace(/[%_\\]/g, '\\$&');
export const likeContaining = (text: string) => `%${likeEscaped(text)}%`;

/**
 * The translate() arguments that turn each accented Latin letter into what `nameKey` makes of it (its base
 * letter, lower case), computed once from Unicode rather than typed by hand.
 */
const ACCENT_FOLDING = (() => {
  let from = '';
  let to = '';
  for (let cp = 0xc0; cp <= 0x24f; cp++) {
    const c = String.fromCodePoint(cp);
    const folded = c
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (folded.length === 1 && folded !== c) {
      from += c;
      to += folded;
    }
  }
  return { from, to };
})();

/**
 * `nameKey` in SQL, for text that has no stored key (alternate spellings). translate() comes before lower()
 * because lower() leaves non-ASCII letters alone under the C locale (PGlite).
 */
export function sqlNameKey(expr: string): string {
  const folded = `translate(${expr}, '${ACCENT_FOLDING.from}', '${ACCENT_FOLDING.to}')`;
  const lowered = `lower(regexp_replace(${folded}, '[\\u0300-\\u036f]', '', 'g'))`;
  const separators = "'[’''`_.-]'"; // as nameKey: apostrophes, backquote, underscore, dot, dash
  return `btrim(regexp_replace(regexp_replace(${lowered}, ${separators}, ' ', 'g'), '\\s+', ' ', 'g'))`;
}

/**
 * How well a unit's name key matches the searched key: 0 when the name starts with it ("La" → Lama), 1 when
 * one of its words does (Agbang Lassa), 2 for any other match (Kpalangou, a code, an alternate spelling).
 * The SQL below ranks the same way; this copy gives the rank of a page's cursor, which keeps only the key.
 */
export function matchRank(key: string, searched: string): number {
  if (key.startsWith(searched)) return 0;
  return key.includes(` ${searched}`) ? 1 : 2;
}

function sqlMatchRank(c: Conditions, searched: string): string {
  const escaped = likeEscaped(searched);
  return c.text({
    sql: '(case when g.name_key like ? then 0 when g.name_key like ? then 1 else 2 end)',
    params: [`${escaped}%`, `% ${escaped}%`],
  });
}

/** The tops of a set of subtrees: the paths that lie inside no other path of the set. */
const topsOf = (paths: string[]) => paths.filter((p) => !paths.some((o) => o !== p && p.startsWith(o)));

export function listUnits(db: Queryable, f: UnitFilter): Promise<GeoUnitRow[]> {
  const c = new Conditions();
  if (f.parentId) c.add('g.parent_id = ?', f.parentId);
  if (f.withinPath) c.add("g.path like ? || '%' and g.path <> ?", f.withinPath, f.withinPath);
  if (f.level) c.add('g.level = ?', f.level);
  if (f.q) {
    const key = likeContaining(nameKey(f.q));
    c.add(
      `(g.name_key like ? or lower(g.code) like ?
        or exists (select 1 from unnest(g.alt_names) a(name) where ${sqlNameKey('a.name')} like ?))`,
      key,
      likeContaining(f.q.toLowerCase()),
      key,
    );
  }
  const browsing = !f.parentId && !f.withinPath && !f.level && !f.q;
  // Browsing without a filter starts at the roots: the tree's, or the caller's own subtrees with mine=true.
  if (browsing && !f.scopePaths) c.add('g.parent_id is null');
  if (browsing && f.scopePaths) c.add('g.path = any(?::text[])', topsOf(f.scopePaths));
  if (f.scopePaths)
    c.add("exists (select 1 from unnest(?::text[]) s(p) where g.path like s.p || '%')", f.scopePaths);
  // A search lists the best matches first (see matchRank); pages follow (rank, name, id).
  const searched = f.q ? nameKey(f.q) : undefined;
  if (f.after && searched !== undefined) {
    const rank = sqlMatchRank(c, searched);
    c.add(
      `(${rank}, g.name_key, g.id) > (?::int, ?, ?::uuid)`,
      matchRank(f.after.nameKey, searched),
      f.after.nameKey,
      f.after.id,
    );
  } else if (f.after) c.add('(g.name_key, g.id) > (?, ?::uuid)', f.after.nameKey, f.after.id);
  const order = searched === undefined ? '' : `${sqlMatchRank(c, searched)}, `;
  return db.query<GeoUnitRow>(
    `select ${UNIT_COLUMNS} from geo_units g ${c.where}
      order by ${order}g.name_key, g.id limit ${c.param(f.limit)}`,
    c.params,
  );
}

export async function findUnit(db: Queryable, id: string): Promise<GeoUnitRow | undefined> {
  return (await db.query<GeoUnitRow>(`select ${UNIT_COLUMNS} from geo_units g where g.id = $1`, [id]))[0];
}

export async function findUnitByCode(db: Queryable, code: string): Promise<GeoUnitRow | undefined> {
  return (await db.query<GeoUnitRow>(`select ${UNIT_COLUMNS} from geo_units g where g.code = $1`, [code]))[0];
}

export function findUnitsByIds(db: Queryable, ids: readonly string[]): Promise<GeoUnitRow[]> {
  return db.query<GeoUnitRow>(`select ${UNIT_COLUMNS} from geo_units g where g.id = any($1::uuid[])`, [ids]);
}

export function childrenOf(db: Queryable, parentId: string | null): Promise<GeoUnitRow[]> {
  return db.query<GeoUnitRow>(
    `select ${UNIT_COLUMNS} from geo_units g where g.parent_id is not distinct from $1::uuid order by g.name_key`,
    [parentId],
  );
}

export interface UnitWrite {
  code: string;
  name: string;
  altNames: string[];
  border: boolean;
  rural: boolean | null;
  latitude: number | null;
  longitude: number | null;
}

export async function insertUnit(
  tx: Queryable,
  u: UnitWrite & { id: string; level: string; parentId: string | null; path: string },
): Promise<void> {
  await tx.query(
    `insert into geo_units (id, code, name, name_key, alt_names, level, parent_id, path, border, rural, latitude, longitude)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      u.id,
      u.code,
      u.name,
      nameKey(u.name),
      u.altNames,
      u.level,
      u.parentId,
      u.path,
      u.border,
      u.rural,
      u.latitude,
      u.longitude,
    ],
  );
}

export async function updateUnit(tx: Queryable, id: string, u: UnitWrite): Promise<void> {
  await tx.query(
    `update geo_units set code = $2, name = $3, name_key = $4, alt_names = $5, border = $6, rural = $7,
            latitude = $8, longitude = $9, updated_at = now()
      where id = $1`,
    [id, u.code, u.name, nameKey(u.name), u.altNames, u.border, u.rural, u.latitude, u.longitude],
  );
}

/** Whether anything else points at the unit (children, users, village groups). */
export async function unitIsReferenced(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.query<{ used: boolean }>(
    `select exists (select 1 from geo_units where parent_id = $1)
         or exists (select 1 from user_jurisdictions where unit_id = $1)
         or exists (select 1 from village_groups where canton_id = $1 or headquarters_village_id = $1)
         or exists (select 1 from village_group_members where village_id = $1) as used`,
    [id],
  );
  return row?.used ?? false;
}

export async function deleteUnit(tx: Queryable, id: string): Promise<void> {
  await tx.query('delete from geo_units where id = $1', [id]);
}

/** Every unit of a subtree (or the whole tree), parents before children, for export. */
export function subtree(db: Queryable, withinPath: string | null): Promise<GeoUnitRow[]> {
  return db.query<GeoUnitRow>(
    `select ${UNIT_COLUMNS} from geo_units g where $1::text is null or g.path like $1 || '%'
      order by length(g.path) - length(replace(g.path, '/', '')), g.name_key`,
    [withinPath],
  );
}

/** A readable code for a place created without one: its parent's code and its name, made unique. */
export async function freeUnitCode(tx: Queryable, parentCode: string, name: string): Promise<string> {
  const slug =
    nameKey(name)
      .replace(/[^a-z0-9]+/g, '')
      .toUpperCase()
      .slice(0, 8) || 'X';
  const base = `${parentCode}-${slug}`.slice(0, 36);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findUnitByCode(tx, candidate))) return candidate;
  }
}
