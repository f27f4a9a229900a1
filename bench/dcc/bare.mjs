/**
 * The bare SQL beside each DCC measurement (bench/dcc/run.mjs): the same rows, written by hand for the bench's
 * data, no policy layer, no HTTP, no contract checks. The floor a measurement is compared with.
 */

/** A facilitator's first pull: the cycle and its template, the assignments, the instances, the forms. */
async function pull(db, cycleId, facilitatorId) {
  const villages = `select v.id, v.path from dcc_assignments a join geo_units v on v.id = a.village_id
                     where a.cycle_id = $1 and a.facilitator_id = $2 and a.active`;
  const cycle = await db.query('select * from dcc_cycles where id = $1', [cycleId]);
  const phases = await db.query('select * from dcc_phases where cycle_id = $1', [cycleId]);
  const activities = await db.query(
    'select a.* from dcc_activities a join dcc_phases p on p.id = a.phase_id where p.cycle_id = $1',
    [cycleId],
  );
  const tasks = await db.query('select * from dcc_tasks where cycle_id = $1', [cycleId]);
  const assignments = await db.query(
    'select * from dcc_assignments where cycle_id = $1 and facilitator_id = $2 and active',
    [cycleId, facilitatorId],
  );
  // The villages' own instances, their CVDs' and their cantons' and communes' (the ancestors' paths).
  const instances = await db.query(
    `with v as (${villages})
     select ti.* from dcc_task_instances ti where ti.cycle_id = $1 and ti.unit_id in (
       select id from v
       union select m.group_id from village_group_members m join v on v.id = m.village_id where m.kind = 'cvd'
       union select u.id from geo_units u join v on v.path like u.path || '%'
              where u.level in ('canton', 'commune'))`,
    [cycleId, facilitatorId],
  );
  const forms = await db.query(
    `select distinct on (f.form_id) f.* from forms f
      where f.form_id in (select form_id from dcc_tasks where cycle_id = $1 and form_id is not null)
      order by f.form_id, f.created_at desc`,
    [cycleId],
  );
  return { cycle, phases, activities, tasks, assignments, instances, forms };
}

/** The review queue's first page: submitted instances, oldest first, with task, unit and facilitator names. */
function queue(db, cycleId, areaPath) {
  return db.query(
    `select ti.id, ti.task_id, ti.unit_id, ti.status, ti.version, ti.form_version_id, ti.submitted_at,
            t.name as task_name, coalesce(u.name, g.name) as unit_name, s.display_name as submitted_by
       from dcc_task_instances ti
       join dcc_tasks t on t.id = ti.task_id
       left join geo_units u on u.id = ti.unit_id
       left join village_groups g on g.id = ti.unit_id
       left join users s on s.id = ti.submitted_by
      where ti.cycle_id = $1 and ti.status = 'submitted' and ($2::text is null or ti.scope_path like $2 || '%')
      order by ti.submitted_at, ti.id
      limit 50`,
    [cycleId, areaPath],
  );
}

/**
 * Progress within an area: the funnel (villages whose every village-level task of the phase is validated),
 * the share of instances validated per child area and phase, and the league of the facilitators assigned there.
 */
async function progress(db, cycleId, areaPath) {
  const funnel = await db.query(
    `select phase_id, count(*)::int as villages, count(*) filter (where done = total)::int as completed
       from (select a.phase_id, ti.unit_id, count(*) as total, count(*) filter (where ti.status = 'validated') as done
               from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
               join dcc_activities a on a.id = t.activity_id
              where ti.cycle_id = $1 and t.level = 'village' and ti.scope_path like $2 || '%'
              group by a.phase_id, ti.unit_id) x
      group by phase_id`,
    [cycleId, areaPath],
  );
  const depth = areaPath.split('/').length; // split_part's index of the child area's id ('/a/b/' → 4)
  const areas = await db.query(
    `select split_part(ti.scope_path, '/', $3) as area, a.phase_id,
            round(100.0 * count(*) filter (where ti.status = 'validated') / count(*), 1) as pct
       from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
       join dcc_activities a on a.id = t.activity_id
      where ti.cycle_id = $1 and ti.scope_path like $2 || '%' and ti.scope_path <> $2
      group by 1, 2`,
    [cycleId, areaPath, depth],
  );
  const league = await db.query(
    `select f.id, f.display_name,
            count(*) filter (where ti.status = 'validated')::int as validated,
            count(*) filter (where ti.status = 'submitted')::int as submitted, max(ti.updated_at) as last
       from dcc_assignments a join geo_units v on v.id = a.village_id
       join users f on f.id = a.facilitator_id
       left join dcc_task_instances ti on ti.cycle_id = a.cycle_id and ti.unit_id = v.id
      where a.cycle_id = $1 and a.active and v.path like $2 || '%'
      group by f.id, f.display_name
      order by validated desc`,
    [cycleId, areaPath],
  );
  return { funnel, areas, league };
}

export const BARE = { pull, queue, progress };
