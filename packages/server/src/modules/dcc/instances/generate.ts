import type { Queryable } from '../../../db/driver.js';

/**
 * The units of a cycle, by task level, as one set (one INSERT … SELECT for every task of every level: a cycle
 * over 10,000 villages makes ≈500,000 rows, which a loop of inserts could never do in time).
 * - village: villages under one of the cycle's areas;
 * - canton, commune: units of that level under or equal to an area, and the ones that contain an area (a cycle
 *   over three villages still has their canton's arbitration meeting);
 * - cvd: CVDs (village_groups kind 'cvd') with at least one village in the areas; their scope_path is their
 *   canton's path, so that a canton's reviewers see them.
 * Paths are '/id/…/' strings of uuids: no LIKE wildcard can hide in them.
 */
const UNITS = /* sql */ `
  areas as (
    select a.path from dcc_cycle_areas ca join geo_units a on a.id = ca.unit_id where ca.cycle_id = $1
  ),
  levels as (select distinct level from dcc_tasks where cycle_id = $1 and ($2::uuid[] is null or id = any($2))),
  units as (
    select u.level, u.id, 'geo' as kind, u.path
      from geo_units u
     where u.level in (select level from levels where level <> 'cvd')
       and exists (
         select 1 from areas a
          where u.path like a.path || '%' or (u.level <> 'village' and a.path like u.path || '%'))
    union all
    select 'cvd', g.id, 'cvd', c.path
      from village_groups g
      join geo_units c on c.id = g.canton_id
     where g.kind = 'cvd'
       and exists (select 1 from levels where level = 'cvd')
       and exists (
         select 1 from village_group_members m
           join geo_units v on v.id = m.village_id
           join areas a on v.path like a.path || '%'
          where m.group_id = g.id)
  )`;

/**
 * Creates the missing task instances of a cycle: one per (task, unit of the task's level within the cycle's
 * areas). Idempotent (`on conflict do nothing` on (cycle, task, unit)): running it again after a task or an
 * area was added creates only what is missing and never touches an existing instance. `taskIds` limits it
 * to some tasks. Returns how many instances it created.
 *
 * The rows are numbered for the sync feed in the INSERT itself: the transaction's floor is taken once
 * (sync_next_seq, migration 0010: the CASE evaluates it before the first number), then one nextval per row;
 * the per-row stamp trigger skips a row that arrives numbered (migration 0026).
 */
export async function generateInstances(
  q: Queryable,
  cycleId: string,
  taskIds: readonly string[] | null = null,
): Promise<number> {
  const [row] = await q.query<{ created: number }>(
    `with ${UNITS},
     floor as materialized (select sync_next_seq() as s),
     created as (
       insert into dcc_task_instances (id, cycle_id, task_id, unit_id, unit_kind, scope_path, change_seq)
       select gen_random_uuid(), t.cycle_id, t.id, u.id, u.kind, u.path,
              case when (select s from floor) is not null then nextval('change_seq') end
         from dcc_tasks t
         join units u on u.level = t.level
        where t.cycle_id = $1 and ($2::uuid[] is null or t.id = any($2))
       on conflict (cycle_id, task_id, unit_id) do nothing
       returning 1
     )
     select count(*)::int as created from created`,
    [cycleId, taskIds],
  );
  return row?.created ?? 0;
}
