import { type Actor, hasPermission, type ProgressQuery, pathIds } from '@coso/domain';
import type { Db } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';

/**
 * A cycle's progress within one area (issue #15, docs/api.md "DCC › Sync, plans and progress"), in three
 * set-based statements:
 * - the funnel: villages (units of the cycle's village-level instances under `within`) whose every instance of
 *   the phase that applies to them — their own, their CVD's, and those of the units above them — is validated;
 * - area × phase: per child unit of `within`, the share of the instances under it that are validated;
 * - the league: the facilitators actively assigned to villages under `within`, their submitted and validated
 *   instances there, their last activity and their plans past their date without an outcome.
 * A facilitator (dcc.fill without dcc.review) sees only what their assignments give them. There is no marker
 * of training accounts on users (training is a whole environment), so nothing is excluded on that ground.
 */

interface Within {
  id: string;
  name: string;
  path: string;
}

/** Where the facilitator restriction applies, the instances their active assignments give (migration 0025). */
const MINE = `i.id in (select dcc_village_instances(ma.cycle_id, ma.village_id) from dcc_assignments ma
  where ma.cycle_id = $1 and ma.facilitator_id = $3::uuid and ma.active)`;

export function createProgressService({ db, clock }: { db: Db; clock: Clock }) {
  /** `within`, checked against the jurisdictions; by default the deepest unit over all of them. */
  async function resolveWithin(
    actor: Actor,
    within: string | undefined,
    facilitator: boolean,
  ): Promise<Within> {
    let id = within;
    if (!id) {
      const lists = actor.jurisdictions.map((j) => pathIds(j.path));
      const common: string[] = [];
      for (let k = 0; k < (lists[0]?.length ?? 0); k++) {
        if (lists.every((l) => l[k] === lists[0]![k])) common.push(lists[0]![k]!);
        else break;
      }
      id = common.at(-1);
      if (!id) throw validationError([{ path: 'within', message: 'required' }]);
    }
    const [unit] = await db.query<Within>('select id, name, path from geo_units where id = $1', [id]);
    if (!unit) throw new AppError('not_found');
    const inside = actor.jurisdictions.some((j) => unit.path.startsWith(j.path));
    // A facilitator's view is cut by their assignments: any area over their villages will do.
    const over = actor.jurisdictions.some((j) => j.path.startsWith(unit.path));
    if (!inside && !(facilitator && over)) throw new AppError('outside_jurisdiction');
    return unit;
  }

  return {
    async progress(actor: Actor, { cycleId, within }: ProgressQuery) {
      if (!hasPermission(actor, 'dcc.read')) throw new AppError('forbidden');
      const facilitator = hasPermission(actor, 'dcc.fill') && !hasPermission(actor, 'dcc.review');
      const [cycle] = await db.query('select 1 from dcc_cycles where id = $1', [cycleId]);
      if (!cycle) throw new AppError('not_found');
      const area = await resolveWithin(actor, within, facilitator);
      const today = clock.now().toISOString().slice(0, 10);
      const params = [cycleId, area.path, facilitator ? actor.id : null];
      const mine = (on: boolean) => (on && facilitator ? `and ${MINE}` : 'and $3::uuid is null');

      const phases = await db.query<{ phaseId: string; name: string; villages: number; completed: number }>(
        `with ph as (
           select p.id as phase_id, p.name, p.position, t.id as task_id from dcc_phases p
             join dcc_activities a on a.phase_id = p.id join dcc_tasks t on t.activity_id = a.id
            where p.cycle_id = $1),
         rel as (
           select i.id, i.unit_id, i.status, ph.phase_id, t.level from dcc_task_instances i
             join ph on ph.task_id = i.task_id join dcc_tasks t on t.id = i.task_id
            where i.cycle_id = $1 and (i.scope_path like $2 || '%' or $2 like i.scope_path || '%') ${mine(true)}),
         up as (
           select unit_id, phase_id, count(*) as total, count(*) filter (where status = 'validated') as validated
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
           from dcc_phases p where p.cycle_id = $1 order by p.position`,
        params,
      );

      const cells = await db.query<{ unitId: string; name: string; phaseId: string; percent: string | null }>(
        `with ph as (
           select p.id as phase_id, t.id as task_id from dcc_phases p
             join dcc_activities a on a.phase_id = p.id join dcc_tasks t on t.activity_id = a.id
            where p.cycle_id = $1),
         cell as (
           select split_part(substr(i.scope_path, length($2) + 1), '/', 1) as child, ph.phase_id,
                  count(*) as total, count(*) filter (where i.status = 'validated') as validated
             from dcc_task_instances i join ph on ph.task_id = i.task_id
            where i.cycle_id = $1 and i.scope_path like $2 || '_%' ${mine(true)}
            group by 1, 2)
         select c.id as "unitId", c.name, p.id as "phaseId",
                round(100.0 * cell.validated / nullif(cell.total, 0), 1)::text as percent
           from geo_units c cross join dcc_phases p
           left join cell on cell.child = c.id::text and cell.phase_id = p.id
          where c.parent_id = (select id from geo_units where path = $2) and p.cycle_id = $1
            and ($3::uuid is null or exists (select 1 from dcc_assignments ma join geo_units mv on mv.id = ma.village_id
                  where ma.cycle_id = $1 and ma.facilitator_id = $3::uuid and ma.active and mv.path like c.path || '%'))
          order by c.name, c.id, p.position`,
        params,
      );
      const areas = new Map<
        string,
        { unitId: string; name: string; phases: Array<{ phaseId: string; percentValidated: number | null }> }
      >();
      for (const c of cells) {
        const a = areas.get(c.unitId) ?? { unitId: c.unitId, name: c.name, phases: [] };
        a.phases.push({
          phaseId: c.phaseId,
          percentValidated: c.percent === null ? null : Number(c.percent),
        });
        areas.set(c.unitId, a);
      }

      const facilitators = await db.query<{
        id: string;
        displayName: string;
        tasksValidated: number;
        tasksSubmitted: number;
        lastActivity: Date | null;
        overduePlans: number;
      }>(
        `with f as (
           select distinct a.facilitator_id as id from dcc_assignments a join geo_units v on v.id = a.village_id
            where a.cycle_id = $1 and a.active and v.path like $2 || '%' and ($3::uuid is null or a.facilitator_id = $3::uuid)),
         work as (
           select i.submitted_by as id, count(*) filter (where i.status = 'validated') as validated,
                  count(*) filter (where i.status = 'submitted') as submitted
             from dcc_task_instances i
            where i.cycle_id = $1 and i.scope_path like $2 || '%' and i.submitted_by in (select id from f)
            group by i.submitted_by),
         touched as (
           select i.updated_by as id, max(i.updated_at) as at from dcc_task_instances i
            where i.cycle_id = $1 and i.updated_by in (select id from f) group by i.updated_by),
         plans as (
           select p.facilitator_id as id, max(p.updated_at) as at,
                  count(*) filter (where p.outcome is null and p.planned_on < $4::date) as overdue
             from dcc_plans p where p.cycle_id = $1 and p.facilitator_id in (select id from f) group by p.facilitator_id)
         select u.id, u.display_name as "displayName", coalesce(w.validated, 0)::int as "tasksValidated",
                coalesce(w.submitted, 0)::int as "tasksSubmitted",
                nullif(greatest(coalesce(t.at, '-infinity'), coalesce(pl.at, '-infinity')), '-infinity') as "lastActivity",
                coalesce(pl.overdue, 0)::int as "overduePlans"
           from f join users u on u.id = f.id left join work w on w.id = f.id left join touched t on t.id = f.id
           left join plans pl on pl.id = f.id
          order by "tasksValidated" desc, "tasksSubmitted" desc, u.display_name, u.id`,
        [...params, today],
      );

      return { within: { id: area.id, name: area.name }, phases, areas: [...areas.values()], facilitators };
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
