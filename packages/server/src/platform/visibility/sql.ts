import {
  type Actor,
  type Audience,
  areaRowKinds,
  type Grant,
  grantHeldBy,
  type RowKind,
  type VisibilityDefinition,
} from '@coso/domain';

/**
 * The one SQL generator of the visibility rules (decision 0019): lists, exports, the sync feed and reports
 * turn an entity's VisibilityDefinition (packages/domain/src/platform/visibility.ts) into SQL here, never by
 * hand. The domain's isVisible reads the same definition; visibility-agreement.test.ts compares both.
 */

/** A piece of SQL with `?` placeholders and their values, in order (see db/conditions.ts). */
export interface Fragment {
  sql: string;
  params: unknown[];
}

export const or = (parts: Fragment[]): Fragment =>
  parts.length === 0
    ? { sql: 'false', params: [] }
    : { sql: `(${parts.map((p) => p.sql).join(' or ')})`, params: parts.flatMap((p) => p.params) };

/** A branch of a scope; `asHandler`: the actor sees all its rows whole (original text), not a summary. */
export interface ScopeBranch extends Fragment {
  asHandler: boolean;
}

/** The SQL expressions of an entity's scope columns, e.g. under its alias or the old values of a removal. */
export interface ScopeSql {
  id?: string;
  areaPath: string;
  owner?: string | undefined;
  recorder?: string | undefined;
  restricted?: string | undefined;
  readers?: { table: string; rowKey: string; user: string } | undefined;
  flags?: Readonly<Record<string, string>> | undefined;
}

/** The entity's scope columns under a table alias. */
export function columnsOf(def: VisibilityDefinition, alias: string): ScopeSql {
  const c = def.columns;
  const at = (col: string | undefined) => (col === undefined ? undefined : `${alias}.${col}`);
  return {
    id: at(c.id),
    areaPath: `${alias}.${c.areaPath}`,
    owner: at(c.owner),
    recorder: at(c.recorder),
    restricted: at(c.restricted),
    readers: c.readers,
    flags: c.flags && Object.fromEntries(Object.entries(c.flags).map(([k, v]) => [k, `${alias}.${v}`])),
  };
}

/**
 * The scope values a removal kept (sync_removals, migration 0022: generic names whatever the entity), for the
 * columns the entity has. Explicit readers and flags are not kept: the device audience may not use them.
 */
export function removalColumnsOf(def: VisibilityDefinition, alias = 'r'): ScopeSql {
  const c = def.columns;
  return {
    areaPath: `${alias}.old_area_path`,
    owner: c.owner && `${alias}.old_owner_id`,
    recorder: c.recorder && `${alias}.old_recorder_id`,
    restricted: c.restricted && `${alias}.old_restricted`,
  };
}

const need = (expr: string | undefined, what: string): string => {
  if (expr === undefined) throw new Error(`visibility: a grant needs the ${what} column`);
  return expr;
};

/** The condition on the row kind and required flag of a grant; null when it covers every row. */
function rowCondition(g: Grant, cols: ScopeSql): string | null {
  const parts: string[] = [];
  const kind: Record<RowKind, string | null> = {
    any: null,
    ordinary: cols.restricted === undefined ? null : `not ${cols.restricted}`,
    restricted: cols.restricted ?? 'false',
  };
  if (kind[g.rows] !== null) parts.push(kind[g.rows]!);
  if (g.when !== undefined) parts.push(`${need(cols.flags?.[g.when], `flag ${g.when}`)} is not null`);
  return parts.length === 0 ? null : parts.join(' and ');
}

/** A personal grant's test on the row (owner, recorder, explicit reader), with `?` for the actor's id. */
function personalTest(g: Grant, cols: ScopeSql): string {
  switch (g.to.kind) {
    case 'owner':
      return `${need(cols.owner, 'owner')} = ?`;
    case 'recorder':
      return `${need(cols.recorder, 'recorder')} = ?`;
    case 'reader': {
      const r = cols.readers;
      if (r === undefined) throw new Error('visibility: a grant needs the readers table');
      return `${need(cols.id, 'id')} = any(array(select rd.${r.rowKey} from ${r.table} rd where rd.${r.user} = ?))`;
    }
    default:
      throw new Error('visibility: not a personal grant');
  }
}

/** Whether a whole-row grant already shows every row a summary-only grant would. */
const subsumes = (whole: Grant, summary: Grant) =>
  whole.when === undefined && (whole.rows === 'any' || whole.rows === summary.rows);

/**
 * The rule of one audience for one actor as the branches of an OR (decision 0011): each personal grant, then
 * per jurisdiction the kinds of rows the actor's roles open there — its whole-row grants in one kind, each
 * summary-only grant not already covered in another — as two branches: at the unit itself, and strictly below
 * it (`~>~` makes the index range skip the unit's own rows; a `like any(array)` would use no index at all).
 * With `wholeOnly`, only the rows seen whole (summary-only grants left out); with `except`, only the grants
 * that audience lacks (the dataset's own grants). `areaForm: 'prefix'` writes each area grant as one
 * `like 'path%'` per jurisdiction instead: the form a scan in received order filters best (the analysts'
 * dataset, decision 0012; the split form made PostgreSQL sort a region's cases instead).
 */
export function scopeBranches(
  def: VisibilityDefinition,
  audience: Audience,
  actor: Actor,
  cols: ScopeSql,
  {
    wholeOnly = false,
    except,
    areaForm = 'split',
  }: { wholeOnly?: boolean; except?: Audience; areaForm?: 'split' | 'prefix' } = {},
): ScopeBranch[] {
  const excluded = except === undefined ? [] : def.audiences[except];
  const grants = def.audiences[audience].filter(
    (g) => !(wholeOnly && g.summaryOnly) && !excluded.includes(g),
  );
  const branches: ScopeBranch[] = [];
  for (const g of grants) {
    if (g.to.kind === 'area') continue;
    const cond = rowCondition(g, cols);
    const test = personalTest(g, cols);
    branches.push({
      sql: cond ? `(${cond} and ${test})` : test,
      params: [actor.id],
      asHandler: !g.summaryOnly,
    });
  }
  const held = grants.filter((g) => g.to.kind === 'area' && grantHeldBy(actor, g));
  if (areaForm === 'prefix') {
    for (const g of held)
      for (const j of actor.jurisdictions) {
        const cond = rowCondition(g, cols);
        const like = `${cols.areaPath} like ? || '%'`;
        branches.push({
          sql: `(${cond ? `${cond} and ` : ''}${like})`,
          params: [j.path],
          asHandler: !g.summaryOnly,
        });
      }
    return branches;
  }
  const whole = held.filter((g) => !g.summaryOnly);
  const kinds: Array<{ sql: string; asHandler: boolean }> = [];
  if (whole.length > 0)
    kinds.push({
      sql: `(${[...new Set(whole.map((g) => rowCondition(g, cols) ?? 'true'))].join(' or ')})`,
      asHandler: true,
    });
  for (const g of held.filter((s) => s.summaryOnly && !whole.some((w) => subsumes(w, s))))
    kinds.push({ sql: `(${rowCondition(g, cols) ?? 'true'})`, asHandler: false });
  for (const kind of kinds) {
    for (const j of actor.jurisdictions) {
      branches.push({
        sql: `(${cols.areaPath} = ? and ${kind.sql})`,
        params: [j.path],
        asHandler: kind.asHandler,
      });
      branches.push({
        sql: `(${cols.areaPath} ~>~ ? and ${cols.areaPath} like ? || '%' and ${kind.sql})`,
        params: [j.path, j.path],
        asHandler: kind.asHandler,
      });
    }
  }
  return branches;
}

/**
 * The device audience as one static condition with the sync feed's named parameters (:me, :handler,
 * :prefixes; platform/sync/scope.ts), on a row or on the old values a removal kept. Grants sharing a row
 * condition are grouped under it. `:handler` is whether the user holds a role of the device's area grants
 * (deviceAreaRoles, the same for every registered entity: registry.ts checks it).
 */
export function deviceScope(def: VisibilityDefinition, cols: ScopeSql): string {
  const groups = new Map<string, string[]>();
  for (const g of def.audiences.device) {
    if (g.summaryOnly || g.to.kind === 'reader' || g.when !== undefined)
      throw new Error(`visibility: ${def.entity}: a device grant may use only columns kept by removals`);
    const test =
      g.to.kind === 'area'
        ? g.to.roles === 'any'
          ? `${cols.areaPath} like any(:prefixes::text[])`
          : `(:handler::boolean and ${cols.areaPath} like any(:prefixes::text[]))`
        : `${need(g.to.kind === 'owner' ? cols.owner : cols.recorder, g.to.kind)} = :me::uuid`;
    const cond = rowCondition(g, cols) ?? '';
    groups.set(cond, [...(groups.get(cond) ?? []), test]);
  }
  const parts = [...groups].map(([cond, tests]) => {
    const any = `(${tests.join('\n            or ')})`;
    return cond ? `(${cond} and ${any})` : any;
  });
  return parts.length === 0 ? 'false' : parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`;
}

/** What a report counts for an actor: the jurisdictions, and whether restricted rows enter the breakdowns. */
export interface CountScope {
  prefixes: string[];
  restricted: boolean;
}

export function countScope(def: VisibilityDefinition, actor: Actor): CountScope {
  if (def.audiences.count.some((g) => g.to.kind !== 'area' || g.when !== undefined))
    throw new Error(`visibility: ${def.entity}: counts are by area and row kind only`);
  const kinds = areaRowKinds(def, 'count', actor);
  return {
    prefixes: actor.jurisdictions.map((j) => `${j.path}%`),
    restricted: kinds.has('any') || kinds.has('restricted'),
  };
}

/** The count scope's area condition (one `like any` over the jurisdictions: counts read whole subtrees). */
export const countArea = (cols: Pick<ScopeSql, 'areaPath'>, scope: { prefixes: string[] }): Fragment => ({
  sql: `${cols.areaPath} like any(?::text[])`,
  params: [scope.prefixes],
});

/** The count scope's row condition: ordinary rows only unless restricted ones are counted; null for all. */
export function countRows(cols: Pick<ScopeSql, 'restricted'>, restricted: boolean): string | null {
  return restricted || cols.restricted === undefined ? null : `not ${cols.restricted}`;
}
