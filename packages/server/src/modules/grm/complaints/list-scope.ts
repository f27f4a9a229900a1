import { type Actor, CASE_HANDLER_READER_ROLES } from '@coso/domain';

/** A piece of SQL with `?` placeholders and their values, in order (see db/conditions.ts). */
export interface Fragment {
  sql: string;
  params: unknown[];
}

export const or = (parts: Fragment[]): Fragment =>
  parts.length === 0
    ? { sql: 'false', params: [] }
    : { sql: `(${parts.map((p) => p.sql).join(' or ')})`, params: parts.flatMap((p) => p.params) };

const handles = (actor: Actor) => actor.roles.some((r) => CASE_HANDLER_READER_ROLES.includes(r));

/**
 * The kinds of cases the actor's roles open in their areas: ordinary cases for handlers, sensitive ones for
 * sensitive-case focal points, published ordinary ones for wider staff (unless `original`: seen as handler).
 */
function areaKinds(actor: Actor, original: boolean): Array<{ sql: string; asHandler: boolean }> {
  const asHandler: string[] = [];
  if (handles(actor)) asHandler.push('not c.sensitive');
  if (actor.roles.includes('sensitive_focal_point')) asHandler.push('c.sensitive');
  const kinds = asHandler.length ? [{ sql: `(${asHandler.join(' or ')})`, asHandler: true }] : [];
  if (!original && !handles(actor) && actor.roles.includes('supervisor'))
    kinds.push({ sql: '(not c.sensitive and c.published_at is not null)', asHandler: false });
  return kinds;
}

/** A branch of the scope; `asHandler`: the actor sees all its cases as a handler (original text). */
export interface ScopeBranch extends Fragment {
  asHandler: boolean;
}

/**
 * The visibility rule of `canSeeComplaint` (packages/domain) in SQL, as the branches of one OR: the
 * assignee; on sensitive cases the people added to it; on the others who recorded it; then, per
 * jurisdiction, the kinds of cases the roles open there. Both must say the same thing, and the scoping tests
 * check every list, detail, search and export path against it.
 *
 * Each branch is on an indexed column, so that a narrow scope is one bitmap, or one ordered index walk per
 * branch (list.ts). A jurisdiction is two branches: the cases at the unit itself (a village: its cases are
 * in received order in complaints_area) and those below it (an index range); a `like any(array)` would use
 * no index at all. With `original`, only the cases seen as a handler, original description included
 * (`seesOriginal` in the domain): wider staff's published cases are left out.
 */
export function scopeBranches(actor: Actor, original = false): ScopeBranch[] {
  const branches: ScopeBranch[] = [
    { sql: 'c.assignee_id = ?', params: [actor.id], asHandler: true },
    {
      sql: '(c.sensitive and c.id = any(array(select ca.complaint_id from complaint_access ca where ca.user_id = ?)))',
      params: [actor.id],
      asHandler: true,
    },
    { sql: '(not c.sensitive and c.recorded_by = ?)', params: [actor.id], asHandler: true },
  ];
  for (const kind of areaKinds(actor, original)) {
    for (const j of actor.jurisdictions) {
      branches.push({
        sql: `(c.area_path = ? and ${kind.sql})`,
        params: [j.path],
        asHandler: kind.asHandler,
      });
      // Strictly below: `~>~` (text_pattern_ops) makes the index range skip the unit's own cases.
      branches.push({
        sql: `(c.area_path ~>~ ? and c.area_path like ? || '%' and ${kind.sql})`,
        params: [j.path, j.path],
        asHandler: kind.asHandler,
      });
    }
  }
  return branches;
}

export const originalScope = (actor: Actor) => or(scopeBranches(actor, true));

/** Whether a search may match the original description for this actor (else only the published summary). */
export const mayMatchOriginal = (actor: Actor) =>
  handles(actor) || actor.roles.includes('sensitive_focal_point');
