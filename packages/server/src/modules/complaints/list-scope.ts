import { type Actor, CASE_HANDLER_READER_ROLES } from '@coso/domain';

/** A piece of SQL with `?` placeholders and their values, in order (see db/conditions.ts). */
export interface Fragment {
  sql: string;
  params: unknown[];
}

const or = (parts: Fragment[]): Fragment =>
  parts.length === 0
    ? { sql: 'false', params: [] }
    : { sql: `(${parts.map((p) => p.sql).join(' or ')})`, params: parts.flatMap((p) => p.params) };

/**
 * `c.area_path like 'p1%' or c.area_path like 'p2%' …`: one index range per jurisdiction (complaints_area is
 * text_pattern_ops), so that PostgreSQL can combine them with the other branches of the scope in a bitmap.
 * A `like any(array)` would not use the index, and a facilitator's three villages became a scan.
 */
function inAreas(actor: Actor): Fragment | undefined {
  if (actor.jurisdictions.length === 0) return undefined;
  return or(actor.jurisdictions.map((j) => ({ sql: "c.area_path like ? || '%'", params: [j.path] })));
}

const handles = (actor: Actor) => actor.roles.some((r) => CASE_HANDLER_READER_ROLES.includes(r));

/**
 * The cases the actor sees as a handler, original description included (`seesOriginal` in the domain): the
 * assignee; on sensitive cases the sensitive-case focal points of the area and the people added to it; on
 * the others who recorded it and the handling roles of the area. Only the branches the actor's roles can
 * open are written, each on an indexed column, so the whole rule stays one bitmap for narrow scopes.
 */
export function originalScope(actor: Actor): Fragment {
  const areas = inAreas(actor);
  const branches: Fragment[] = [{ sql: 'c.assignee_id = ?', params: [actor.id] }];
  if (areas && actor.roles.includes('sensitive_focal_point'))
    branches.push({ sql: `(c.sensitive and ${areas.sql})`, params: areas.params });
  branches.push({
    sql: '(c.sensitive and c.id = any(array(select ca.complaint_id from complaint_access ca where ca.user_id = ?)))',
    params: [actor.id],
  });
  branches.push({ sql: '(not c.sensitive and c.recorded_by = ?)', params: [actor.id] });
  if (areas && handles(actor))
    branches.push({ sql: `(not c.sensitive and ${areas.sql})`, params: areas.params });
  return or(branches);
}

/**
 * The visibility rule of `canSeeComplaint` (packages/domain) in SQL: both must say the same thing, and the
 * scoping tests check every list, detail, search and export path against it. Wider staff (supervisors) add
 * the published ordinary cases of their areas.
 */
export function visibleScope(actor: Actor): Fragment {
  const original = originalScope(actor);
  const areas = inAreas(actor);
  if (!areas || !actor.roles.includes('supervisor') || handles(actor)) return original;
  return or([
    original,
    { sql: `(not c.sensitive and c.published_at is not null and ${areas.sql})`, params: areas.params },
  ]);
}

/** Whether a search may match the original description for this actor (else only the published summary). */
export const mayMatchOriginal = (actor: Actor) =>
  handles(actor) || actor.roles.includes('sensitive_focal_point');
