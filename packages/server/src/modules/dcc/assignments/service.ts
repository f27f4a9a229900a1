import type { Actor, Assignment, AssignmentResult, CreateAssignmentsInput } from '@coso/domain';
import type { RequestContext } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { withinActorJurisdiction } from '../cycles/service.js';

const ASSIGNMENT_COLUMNS = /* sql */ `
  s.id, s.village_id as "villageId", v.name as "villageName",
  json_build_object('id', s.facilitator_id, 'displayName', f.display_name) as facilitator, s.active,
  case when s.assigned_by is null then null
       else json_build_object('id', s.assigned_by, 'displayName', b.display_name) end as "assignedBy",
  s.assigned_at as "assignedAt", s.ended_at as "endedAt"`;
const ASSIGNMENT_FROM = /* sql */ `
  dcc_assignments s join geo_units v on v.id = s.village_id join users f on f.id = s.facilitator_id
  left join users b on b.id = s.assigned_by`;

/**
 * The villages behind `unitIds` (villages, or CVDs standing for their villages) that lie in the cycle's
 * areas, with their paths; the unit ids that are neither, or whose villages are all outside, in `refused`.
 */
async function resolveVillages(q: Queryable, cycleId: string, unitIds: readonly string[]) {
  const rows = await q.query<{ unitId: string; villageId: string | null; path: string | null }>(
    `with areas as (
       select a.path from dcc_cycle_areas ca join geo_units a on a.id = ca.unit_id where ca.cycle_id = $1
     ),
     asked as (select unnest($2::uuid[]) as unit_id),
     villages as (
       select k.unit_id, v.id, v.path from asked k join geo_units v on v.id = k.unit_id and v.level = 'village'
       union all
       select k.unit_id, v.id, v.path from asked k
         join village_groups g on g.id = k.unit_id and g.kind = 'cvd'
         join village_group_members m on m.group_id = g.id
         join geo_units v on v.id = m.village_id
     )
     select k.unit_id as "unitId", v.id as "villageId", v.path
       from asked k
       left join villages v on v.unit_id = k.unit_id
                           and exists (select 1 from areas a where v.path like a.path || '%')`,
    [cycleId, unitIds],
  );
  const refused = rows.filter((r) => r.villageId === null).map((r) => r.unitId);
  const villages = new Map<string, string>();
  for (const r of rows) if (r.villageId && r.path) villages.set(r.villageId, r.path);
  return { refused, villages };
}

/**
 * Who works where in a cycle: the one writer of dcc_assignments. One active facilitator per village per
 * cycle (a partial unique index); assigning a village someone else holds ends their assignment (active false,
 * ended_at) — the village's task instances are untouched: results stay with the village.
 */
export function createDccAssignmentService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async assign(
      ctx: RequestContext,
      cycleId: string,
      input: CreateAssignmentsInput,
    ): Promise<AssignmentResult> {
      return db.transaction(async (tx) => {
        const [cycle] = await tx.query<{ status: string }>(
          'select status from dcc_cycles where id = $1 for update',
          [cycleId],
        );
        if (!cycle) throw new AppError('not_found');
        if (cycle.status === 'closed') throw new AppError('dcc_cycle_status', { from: 'closed' });
        const [facilitator] = await tx.query(
          `select 1 from users u join user_roles r on r.user_id = u.id and r.role = 'facilitator'
            where u.id = $1 and u.active`,
          [input.facilitatorId],
        );
        if (!facilitator) throw new AppError('dcc_not_facilitator');
        const { refused, villages } = await resolveVillages(tx, cycleId, [...new Set(input.unitIds)]);
        if (refused.length > 0) throw new AppError('dcc_unit_outside_cycle', { unitIds: refused });
        if (![...villages.values()].every((path) => withinActorJurisdiction(ctx, path))) {
          throw new AppError('outside_jurisdiction');
        }
        const villageIds = [...villages.keys()];
        const now = clock.now();
        const [{ unchanged }] = (await tx.query<{ unchanged: number }>(
          `select count(*)::int as unchanged from dcc_assignments
            where cycle_id = $1 and village_id = any($2::uuid[]) and active and facilitator_id = $3`,
          [cycleId, villageIds, input.facilitatorId],
        )) as [{ unchanged: number }];
        const ended = await tx.query<{ villageId: string; facilitatorId: string }>(
          `update dcc_assignments set active = false, ended_at = $4
            where cycle_id = $1 and village_id = any($2::uuid[]) and active and facilitator_id <> $3
           returning village_id as "villageId", facilitator_id as "facilitatorId"`,
          [cycleId, villageIds, input.facilitatorId, now],
        );
        const inserted = await tx.query<{ villageId: string }>(
          `insert into dcc_assignments (id, cycle_id, village_id, facilitator_id, assigned_by, assigned_at)
           select gen_random_uuid(), $1, v, $3, $4, $5 from unnest($2::uuid[]) as v
            where not exists (select 1 from dcc_assignments s where s.cycle_id = $1 and s.village_id = v and s.active)
           returning village_id as "villageId"`,
          [cycleId, villageIds, input.facilitatorId, ctx.actor?.id ?? null, now],
        );
        await appendAudit(tx, {
          actorId: ctx.actor?.id ?? null,
          entity: 'dcc_cycle',
          entityId: cycleId,
          action: 'assign',
          changes: {
            facilitatorId: input.facilitatorId,
            villageIds: inserted.map((r) => r.villageId),
            reassignedFrom: ended,
          },
          ip: ctx.ip,
        });
        const items = await tx.query<Assignment>(
          `select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENT_FROM}
            where s.cycle_id = $1 and s.village_id = any($2::uuid[]) and s.active order by v.name, s.id`,
          [cycleId, villageIds],
        );
        return { assigned: inserted.length - ended.length, reassigned: ended.length, unchanged, items };
      });
    },

    /**
     * Active facilitators a manager may assign: one of their jurisdictions overlaps one of the manager's
     * (inside it, or containing it), found by name or username.
     */
    async facilitators(actor: Actor, filter: { q?: string | undefined; limit?: number | undefined }) {
      const like = filter.q ? `%${filter.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` : null;
      const items = await db.query<{ id: string; displayName: string; username: string }>(
        `select u.id, u.display_name as "displayName", u.username from users u
          where u.active
            and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'facilitator')
            and exists (
              select 1 from user_jurisdictions j join geo_units g on g.id = j.unit_id
               where j.user_id = u.id
                 and exists (select 1 from unnest($1::text[]) as mine(path)
                              where g.path like mine.path || '%' or mine.path like g.path || '%'))
            and ($2::text is null or lower(u.display_name) like $2 or lower(u.username) like $2)
          order by u.display_name, u.id
          limit $3`,
        [actor.jurisdictions.map((j) => j.path), like, filter.limit ?? 20],
      );
      return { items };
    },

    /** A cycle's assignments, active ones only unless `includeEnded`; newest first within a village. */
    async list(cycleId: string, filter: { facilitatorId?: string; includeEnded?: boolean }) {
      const [cycle] = await db.query('select 1 from dcc_cycles where id = $1', [cycleId]);
      if (!cycle) throw new AppError('not_found');
      const items = await db.query<Assignment>(
        `select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENT_FROM}
          where s.cycle_id = $1 and ($2::uuid is null or s.facilitator_id = $2) and (s.active or $3)
          order by v.name, s.village_id, s.active desc, s.assigned_at desc, s.id`,
        [cycleId, filter.facilitatorId ?? null, filter.includeEnded ?? false],
      );
      return { items };
    },
  };
}

export type DccAssignmentService = ReturnType<typeof createDccAssignmentService>;
