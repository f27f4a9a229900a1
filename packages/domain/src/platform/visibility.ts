import { isWithin } from './geo.js';
import type { Actor } from './permissions.js';
import type { Role } from './roles.js';

/**
 * Who sees which rows of an entity, written once as data (decision 0019). The TypeScript predicate below and
 * the server's SQL generator (packages/server/src/platform/visibility) both read it, and the agreement test
 * compares them for every registered entity and every demo role.
 */

/** Which rows a grant covers, by the entity's restricted flag (sensitive cases are restricted). */
export type RowKind = 'ordinary' | 'restricted' | 'any';

/** Who a grant is for. */
export type Grantee =
  /** The person the row is assigned to (its owner column). */
  | { kind: 'owner' }
  /** The person who recorded it (its recorder column). */
  | { kind: 'recorder' }
  /** The people listed for the row in its explicit readers table. */
  | { kind: 'reader' }
  /** Holders of one of these roles (or of any role) over a jurisdiction covering the row's area. */
  | { kind: 'area'; roles: readonly Role[] | 'any' };

export interface Grant {
  to: Grantee;
  rows: RowKind;
  /** A flag of the entity (`flags` below) the row must have, e.g. a published summary. */
  when?: string;
  /** The grantee sees only a published summary of the row, not the row as its handlers do. */
  summaryOnly?: boolean;
}

/**
 * What the rule is for: `read` the entity's API (lists, detail, search); `device` what a field device holds;
 * `dataset` row-level exports; `count` the aggregates of reports (area grants only).
 */
export type Audience = 'read' | 'device' | 'dataset' | 'count';

/** The entity's scope columns (SQL names on its table) and the named flags its grants may require. */
export interface ScopeColumns {
  id: string;
  areaPath: string;
  owner?: string;
  recorder?: string;
  restricted?: string;
  readers?: { table: string; rowKey: string; user: string };
  /** Flag name → column that sets it when not null. */
  flags?: Readonly<Record<string, string>>;
}

export interface VisibilityDefinition {
  /** The entity's name in the registry, also its table. */
  entity: string;
  columns: ScopeColumns;
  audiences: Readonly<Record<Audience, readonly Grant[]>>;
}

/** One row's scope values, as the predicate reads them. */
export interface ScopeRow {
  areaPath: string;
  ownerId?: string | null;
  recorderId?: string | null;
  restricted?: boolean;
  /** People in the readers table; absent means nobody (fail closed). */
  readers?: readonly string[];
  flags?: Readonly<Record<string, boolean | undefined>>;
}

const holdsAny = (actor: Actor, roles: readonly Role[] | 'any') =>
  roles === 'any' || roles.some((r) => actor.roles.includes(r));

/** Whether the grant's area part applies to the actor at all (always true for personal grants). */
export const grantHeldBy = (actor: Actor, g: Grant): boolean =>
  g.to.kind !== 'area' || holdsAny(actor, g.to.roles);

export function rowsMatch(kind: RowKind, row: ScopeRow): boolean {
  if (kind === 'any') return true;
  return kind === 'restricted' ? row.restricted === true : row.restricted !== true;
}

export function grantCovers(actor: Actor, g: Grant, row: ScopeRow): boolean {
  if (!rowsMatch(g.rows, row)) return false;
  if (g.when !== undefined && row.flags?.[g.when] !== true) return false;
  switch (g.to.kind) {
    case 'owner':
      return row.ownerId != null && row.ownerId === actor.id;
    case 'recorder':
      return row.recorderId != null && row.recorderId === actor.id;
    case 'reader':
      return row.readers?.includes(actor.id) === true;
    case 'area':
      return holdsAny(actor, g.to.roles) && actor.jurisdictions.some((j) => isWithin(row.areaPath, j.path));
  }
}

/**
 * Whether the actor sees the row for this audience. `wholeOnly`: only through grants that show the row as its
 * handlers see it (not a published summary).
 */
export function isVisible(
  def: VisibilityDefinition,
  audience: Audience,
  actor: Actor,
  row: ScopeRow,
  { wholeOnly = false } = {},
): boolean {
  return def.audiences[audience].some((g) => !(wholeOnly && g.summaryOnly) && grantCovers(actor, g, row));
}

/** The row kinds the actor's area grants of this audience cover (what a count may include). */
export function areaRowKinds(def: VisibilityDefinition, audience: Audience, actor: Actor): Set<RowKind> {
  return new Set(
    def.audiences[audience]
      .filter((g) => g.to.kind === 'area' && grantHeldBy(actor, g) && !g.summaryOnly)
      .map((g) => g.rows),
  );
}

/** Whether the actor holds a role of a whole-row area grant of this audience (searches the original text). */
export const holdsWholeAreaGrant = (def: VisibilityDefinition, audience: Audience, actor: Actor): boolean =>
  def.audiences[audience].some((g) => g.to.kind === 'area' && !g.summaryOnly && grantHeldBy(actor, g));
