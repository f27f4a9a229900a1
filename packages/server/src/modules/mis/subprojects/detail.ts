import { nextSteps, type SubprojectDetail, type SubprojectEvent } from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import type { Fragment } from '../../../platform/visibility/sql.js';
import type { MisLists } from '../reference.js';
import { SUMMARY_COLUMNS, SUMMARY_FROM, withAmounts } from './queries.js';
import { fcfa, progressEvents } from './repo.js';

/** `GET /api/v1/mis/subprojects/:id`: the sub-project with its contracts, files and events (404 out of scope). */

const person = (id: string) =>
  `case when ${id} is null then null else json_build_object('id', ${id},
     'displayName', (select p.display_name from users p where p.id = ${id})) end`;

export async function getDetail(
  q: Queryable,
  lists: MisLists,
  scope: Fragment,
  id: string,
): Promise<SubprojectDetail> {
  const c = new Conditions().add('s.id = ?', id);
  c.add(c.text(scope));
  const [row] = await q.query<Record<string, unknown> & { estimatedCost: unknown; amountSpent: unknown }>(
    `select ${SUMMARY_COLUMNS}, s.version, s.beneficiaries, s.attributes, s.latitude, s.longitude,
            s.description, s.priority_id as "priorityId", s.arbitration_id as "arbitrationId",
            s.created_at as "createdAt",
            (select json_build_object('id', vg.id, 'name', vg.name) from village_groups vg
              where vg.id = s.cvd_id) as cvd,
            (select json_build_object('id', cy.id, 'name', cy.name) from dcc_cycles cy
              where cy.id = s.cycle_id) as cycle,
            coalesce((select json_agg(json_build_object('id', v.id, 'name', v.name) order by v.name, v.id)
                        from mis_subproject_villages sv join geo_units v on v.id = sv.village_id
                       where sv.subproject_id = s.id), '[]'::json) as "beneficiaryVillages"
       ${SUMMARY_FROM} ${c.where}`,
    c.params,
  );
  if (!row) throw new AppError('not_found');
  const [contracts, files, events] = await Promise.all([
    listContracts(q, id),
    q.query<SubprojectDetail['files'][number]>(
      `select upload_id as id, kind, filename, content_type as "contentType", size_bytes as "sizeBytes",
              event_id as "eventId", taken_on as "takenOn", caption, added_at as "addedAt"
         from mis_subproject_files where subproject_id = $1 order by added_at, upload_id`,
      [id],
    ),
    listEvents(q, id),
  ]);
  return {
    ...(withAmounts(row) as unknown as SubprojectDetail),
    contracts,
    files,
    events,
    nextSteps: nextSteps(lists.steps, await progressEvents(q, id)),
  };
}

export async function listContracts(q: Queryable, subprojectId: string) {
  const rows = await q.query<SubprojectDetail['contracts'][number]>(
    `select id, kind, company, reference, amount, signed_on as "signedOn", starts_on as "startsOn",
            ends_on as "endsOn"
       from mis_contracts where subproject_id = $1 order by created_at, id`,
    [subprojectId],
  );
  return rows.map((r) => ({ ...r, amount: fcfa(r.amount) }));
}

/** The events in recording order, each with its author, proof files and whether a correction voided it. */
export async function listEvents(q: Queryable, subprojectId: string): Promise<SubprojectEvent[]> {
  const rows = await q.query<SubprojectEvent>(
    `select e.id, e.kind, e.step, e.event_date as date, e.progress_percent as "progressPercent",
            e.amount_spent as "amountSpent", e.voids,
            exists (select 1 from mis_subproject_events x where x.voids = e.id) as voided,
            e.note, ${person('e.author_id')} as author, e.recorded_at as "recordedAt",
            array(select f.upload_id::text from mis_subproject_files f
                   where f.event_id = e.id order by f.added_at, f.upload_id) as "fileIds"
       from mis_subproject_events e where e.subproject_id = $1 order by e.seq`,
    [subprojectId],
  );
  return rows.map((r) => ({ ...r, amountSpent: r.amountSpent === null ? null : fcfa(r.amountSpent) }));
}

/** One event as the events route answers it. */
export async function findEvent(q: Queryable, subprojectId: string, eventId: string) {
  const found = (await listEvents(q, subprojectId)).find((e) => e.id === eventId);
  if (!found) throw new AppError('not_found');
  return found;
}
