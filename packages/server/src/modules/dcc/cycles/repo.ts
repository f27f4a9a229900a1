import type { Cycle, CycleDetail, CycleStatus } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';

/** The dcc_cycles table and its areas (migration 0024). */

const CYCLE_COLUMNS = /* sql */ `
  c.id, c.name, c.year, c.starts_on as "startsOn", c.ends_on as "endsOn", c.status,
  coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name, 'level', g.level) order by g.path)
              from dcc_cycle_areas ca join geo_units g on g.id = ca.unit_id
             where ca.cycle_id = c.id), '[]'::json) as areas,
  (select count(*)::int from dcc_tasks t where t.cycle_id = c.id) as "taskCount",
  case when c.created_by is null then null
       else json_build_object('id', c.created_by, 'displayName', u.display_name) end as "createdBy",
  c.created_at as "createdAt", c.updated_at as "updatedAt"`;

export async function listCycles(q: Queryable): Promise<Cycle[]> {
  return q.query<Cycle>(
    `select ${CYCLE_COLUMNS} from dcc_cycles c left join users u on u.id = c.created_by
      order by c.year desc, c.starts_on desc, c.name`,
  );
}

export async function findCycle(q: Queryable, id: string): Promise<CycleDetail | undefined> {
  const [row] = await q.query<CycleDetail>(
    `select ${CYCLE_COLUMNS},
            (select count(*)::int from dcc_task_instances i where i.cycle_id = c.id) as "instanceCount",
            (select count(*)::int from dcc_assignments s where s.cycle_id = c.id and s.active)
              as "activeAssignmentCount"
       from dcc_cycles c left join users u on u.id = c.created_by
      where c.id = $1`,
    [id],
  );
  return row;
}

export interface CycleHead {
  id: string;
  name: string;
  status: CycleStatus;
  startsOn: string;
  endsOn: string;
}

/** The cycle's row for a write, locked until the transaction ends (status changes are serialised). */
export async function lockCycle(q: Queryable, id: string): Promise<CycleHead | undefined> {
  const [row] = await q.query<CycleHead>(
    `select id, name, status, starts_on as "startsOn", ends_on as "endsOn" from dcc_cycles where id = $1 for update`,
    [id],
  );
  return row;
}

export async function nameTaken(
  q: Queryable,
  name: string,
  exceptId: string | null = null,
): Promise<boolean> {
  const rows = await q.query(
    'select 1 from dcc_cycles where lower(name) = lower($1) and ($2::uuid is null or id <> $2)',
    [name, exceptId],
  );
  return rows.length > 0;
}

/** The areas that exist among `ids`, with their paths. */
export async function findAreas(q: Queryable, ids: readonly string[]) {
  return q.query<{ id: string; path: string }>('select id, path from geo_units where id = any($1::uuid[])', [
    ids,
  ]);
}

export async function insertCycle(
  q: Queryable,
  c: {
    id: string;
    name: string;
    year: number;
    startsOn: string;
    endsOn: string;
    areaIds: readonly string[];
    createdBy: string | null;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `insert into dcc_cycles (id, name, year, starts_on, ends_on, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [c.id, c.name, c.year, c.startsOn, c.endsOn, c.createdBy, c.at],
  );
  await q.query(
    'insert into dcc_cycle_areas (cycle_id, unit_id) select $1, unnest($2::uuid[]) on conflict do nothing',
    [c.id, c.areaIds],
  );
}

export async function updateCycle(
  q: Queryable,
  id: string,
  changes: { status?: CycleStatus; name?: string; endsOn?: string },
  at: Date,
): Promise<void> {
  await q.query(
    `update dcc_cycles set status = coalesce($2, status), name = coalesce($3, name),
            ends_on = coalesce($4::date, ends_on), updated_at = $5
      where id = $1`,
    [id, changes.status ?? null, changes.name ?? null, changes.endsOn ?? null, at],
  );
}
