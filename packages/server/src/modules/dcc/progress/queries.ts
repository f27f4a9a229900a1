import { assignedInstanceIds } from '../scope.js';

/**
 * The progress statements (service.ts), over $1 the cycle, $2 the area's path, $3 a facilitator whose
 * assignments cut the view (null: everything in the area), and for the league $4 today. Two sources give the
 * same answer: the rollups of migration 0026 (everything in an area: what specialists and supervisors read,
 * a few thousand counter rows) and the instances themselves (a facilitator's own villages: a few thousand
 * instances; and the reference the rollups are tested against). An instance counts as validated through
 * dcc_counts_validated: never by or for a training account.
 */

/** The instances the facilitator's active assignments give, or every instance when $3 is null. */
const mine = `and ($3::uuid is null or i.id = any(array(${assignedInstanceIds('$3::uuid', '$1')})))`;

const COUNTED = 'dcc_counts_validated(i.status, i.submitted_by, i.reviewed_by)';

/**
 * The funnel from the instances: villages (units of the cycle's village-level instances under the area) whose
 * every instance of the phase that applies to them — their own, their CVD's, those of the units above — counts
 * as validated.
 */
export const LIVE_PHASES = `
  with ph as (
    select p.id as phase_id, p.name, p.position, t.id as task_id from dcc_phases p
      join dcc_activities a on a.phase_id = p.id join dcc_tasks t on t.activity_id = a.id
     where p.cycle_id = $1),
  rel as (
    select i.id, i.unit_id, ${COUNTED} as validated, ph.phase_id, t.level from dcc_task_instances i
      join ph on ph.task_id = i.task_id join dcc_tasks t on t.id = i.task_id
     where i.cycle_id = $1 and (i.scope_path like $2 || '%' or $2 like i.scope_path || '%') ${mine}),
  up as (
    select unit_id, phase_id, count(*) as total, count(*) filter (where validated) as validated
      from rel group by unit_id, phase_id),
  villages as (
    select distinct v.id, v.path from rel join geo_units v on v.id = rel.unit_id
     where rel.level = 'village' and v.path like $2 || '%'),
  vunits as (
    select v.id as village_id, x::uuid as unit_id
      from villages v cross join unnest(string_to_array(trim(both '/' from v.path), '/')) x
    union all
    select v.id, m.group_id from villages v join village_group_members m on m.village_id = v.id
      join village_groups g on g.id = m.group_id and g.kind = 'cvd'),
  vp as (
    select vu.village_id, up.phase_id, sum(up.total) as total, sum(up.validated) as validated
      from vunits vu join up on up.unit_id = vu.unit_id group by vu.village_id, up.phase_id)
  select p.id as "phaseId", p.name, (select count(*) from villages)::int as villages,
         (select count(*) from vp where vp.phase_id = p.id and vp.validated = vp.total)::int as completed
    from dcc_phases p where p.cycle_id = $1 order by p.position`;

/**
 * The funnel from dcc_progress_villages, one row per village (a hash aggregate): the villages are those with
 * instances of their own; `done`, the phases where everything that applies to the village counts as validated.
 */
export const ROLLUP_PHASES = `
  with v as materialized (
    select village_id, sum(own) > 0 as counted,
           array_agg(phase_id) filter (where total > 0 and validated = total) as done
      from dcc_progress_villages
     where cycle_id = $1 and village_path like $2 || '%' and $3::uuid is null
     group by village_id)
  select p.id as "phaseId", p.name, (select count(*) from v where v.counted)::int as villages,
         (select count(*) from v where v.counted and p.id = any(v.done))::int as completed
    from dcc_phases p where p.cycle_id = $1 order by p.position`;

/** Area × phase: per child unit of the area, the counts of the instances under it (`cell` over child, phase). */
const cells = (cell: string) => `
  with ${cell}
  select c.id as "unitId", c.name, p.id as "phaseId",
         round(100.0 * cell.validated / nullif(cell.total, 0), 1)::text as percent
    from geo_units c cross join dcc_phases p
    left join cell on cell.child = c.id and cell.phase_id = p.id
   where c.parent_id = (select id from geo_units where path = $2) and p.cycle_id = $1
     and ($3::uuid is null or exists (select 1 from dcc_assignments ma join geo_units mv on mv.id = ma.village_id
           where ma.cycle_id = $1 and ma.facilitator_id = $3::uuid and ma.active and mv.path like c.path || '%'))
   order by c.name, c.id, p.position`;

export const LIVE_CELLS = cells(`ph as (
    select p.id as phase_id, t.id as task_id from dcc_phases p
      join dcc_activities a on a.phase_id = p.id join dcc_tasks t on t.activity_id = a.id
     where p.cycle_id = $1),
  cell as (
    select split_part(substr(i.scope_path, length($2) + 1), '/', 1)::uuid as child, ph.phase_id,
           count(*) as total, count(*) filter (where ${COUNTED}) as validated
      from dcc_task_instances i join ph on ph.task_id = i.task_id
     where i.cycle_id = $1 and i.scope_path like $2 || '_%' ${mine}
     group by 1, 2)`);

export const ROLLUP_CELLS = cells(`cell as (
    select r.unit_id as child, r.phase_id, sum(r.total) as total, sum(r.validated) as validated
      from dcc_progress_areas r
     where r.cycle_id = $1 and $3::uuid is null
       and r.unit_id in (select c.id from geo_units c where c.parent_id = (select id from geo_units where path = $2))
     group by 1, 2)`);

/**
 * The league: facilitators (not training accounts) actively assigned to villages under the area, their
 * submitted and counted-validated instances there (`work` over f: id, validated, submitted), their last write
 * in the cycle and their plans past their date without an outcome.
 */
const league = (work: string) => `
  with f as (
    select distinct a.facilitator_id as id from dcc_assignments a join geo_units v on v.id = a.village_id
      join users fu on fu.id = a.facilitator_id
     where a.cycle_id = $1 and a.active and v.path like $2 || '%' and not fu.training_account
       and ($3::uuid is null or a.facilitator_id = $3::uuid)),
  work as (${work}),
  plans as (
    select p.facilitator_id as id, max(p.updated_at) as at,
           count(*) filter (where p.outcome is null and p.planned_on < $4::date) as overdue
      from dcc_plans p where p.cycle_id = $1 and p.facilitator_id in (select id from f) group by p.facilitator_id)
  select u.id, u.display_name as "displayName", coalesce(w.validated, 0)::int as "tasksValidated",
         coalesce(w.submitted, 0)::int as "tasksSubmitted",
         nullif(greatest(coalesce(t.at, '-infinity'), coalesce(pl.at, '-infinity')), '-infinity') as "lastActivity",
         coalesce(pl.overdue, 0)::int as "overduePlans"
    from f join users u on u.id = f.id left join work w on w.id = f.id
    cross join lateral (select max(i.updated_at) as at from dcc_task_instances i
                         where i.cycle_id = $1 and i.updated_by = f.id) t
    left join plans pl on pl.id = f.id
   order by "tasksValidated" desc, "tasksSubmitted" desc, u.display_name, u.id`;

export const LIVE_LEAGUE = league(`
    select i.submitted_by as id, count(*) filter (where ${COUNTED}) as validated,
           count(*) filter (where i.status = 'submitted') as submitted
      from dcc_task_instances i
     where i.cycle_id = $1 and i.scope_path like $2 || '%' and i.submitted_by in (select id from f)
     group by i.submitted_by`);

export const ROLLUP_LEAGUE = league(`
    select r.submitted_by as id, sum(r.validated) as validated, sum(r.submitted) as submitted
      from dcc_progress_areas r
     where r.cycle_id = $1 and r.unit_id = (select id from geo_units where path = $2)
       and r.submitted_by in (select id from f)
     group by r.submitted_by`);
