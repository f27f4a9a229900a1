import { type Actor, canAct, handlingRolesFor, type Role } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { findUnit } from '../../../platform/geo/repo.js';
import { loadVisible } from './actions.js';
import { accessView } from './presenter.js';
import type { ComplaintRow } from './repo.js';

export interface EligibleAssignee {
  id: string;
  displayName: string;
  roles: Role[];
  /** Cases assigned to them in an open status (handler_open_cases): the workload the choice should balance. */
  openCases: number;
}

/**
 * The SQL twin of mayHandleCase (domain assignment.ts): active users holding a handling role for the case's
 * sensitivity whose jurisdiction covers its handling unit, least loaded first.
 */
export function eligibleHandlers(
  q: Queryable,
  c: Pick<ComplaintRow, 'sensitive' | 'handlingUnitPath'>,
): Promise<EligibleAssignee[]> {
  if (!c.handlingUnitPath) return Promise.resolve([]);
  return q.query<EligibleAssignee>(
    `select u.id, u.display_name as "displayName",
            array(select r.role from user_roles r where r.user_id = u.id order by r.role) as roles,
            coalesce(h.open_cases, 0) as "openCases"
       from users u left join handler_open_cases h on h.user_id = u.id
      where u.active
        and exists (select 1 from user_roles r where r.user_id = u.id and r.role = any($1::text[]))
        and exists (select 1 from user_jurisdictions j join geo_units g on g.id = j.unit_id
                     where j.user_id = u.id and $2 like g.path || '%')
      order by "openCases", u.display_name, u.id`,
    [handlingRolesFor(c.sensitive), c.handlingUnitPath],
  );
}

/**
 * Who may receive the case now, for whoever may reassign it or take it over (403 for the others: the
 * workload of colleagues is not for every reader). The list includes the current assignee and the caller,
 * flagged, so the web can say why there is no one else to choose.
 */
export async function eligibleAssignees(q: Queryable, actor: Actor, complaintId: string) {
  const c = await loadVisible(q, actor, complaintId);
  const view = accessView(c);
  const canReassign = canAct(actor, view, 'reassign');
  const canTakeOver = canAct(actor, view, 'take_over');
  if (!canReassign && !canTakeOver) throw new AppError('forbidden');
  const unit = await findUnit(q, c.handlingUnitId);
  const people = await eligibleHandlers(q, c);
  return {
    handlingLevel: c.handlingLevel,
    handlingUnit: unit ? { id: unit.id, name: unit.name } : null,
    currentAssigneeId: c.assigneeId,
    canReassign,
    canTakeOver,
    items: people.map((p) => ({ ...p, current: p.id === c.assigneeId, self: p.id === actor.id })),
  };
}
