import type { SyncRow } from '@coso/domain';
import type { SyncSource } from '../../../platform/sync/tables.js';
import { assignedInstanceIds } from '../scope.js';

/**
 * The DCC tables a facilitator's device holds (docs/sync.md, "DCC"): for each ACTIVE cycle where the user has an
 * active assignment, the cycle and its template, their assignments, their plans, and the task instances their
 * villages need — the village's own and the CVD-, canton- and commune-level instances over it. Nothing of other
 * villages, nothing for users without an assignment (focal points, specialists: desktop only).
 *
 * Who holds a row follows the assignments, so removals are written by the assignments' and cycles' triggers
 * (migration 0025) with old_owner_id = the facilitator who held it; the feed tells them only to that user and
 * only when the row is not visible to them any more.
 */

/** The cycle `cycleSql` is active and the user holds an active assignment in it. */
const inMyCycle = (cycleSql: string) => `exists (select 1 from dcc_cycles cy join dcc_assignments ma
    on ma.cycle_id = cy.id and ma.facilitator_id = :me::uuid and ma.active
  where cy.id = ${cycleSql} and cy.status = 'active')`;

/**
 * An instance through one of the user's villages (the village's own, its CVD's, the units above it): the rule
 * of the REST scope (scope.ts), in an active cycle.
 */
export const instanceVisible = `i.id = any(array(${assignedInstanceIds(':me::uuid')}))
  and exists (select 1 from dcc_cycles cy where cy.id = i.cycle_id and cy.status = 'active')`;

/** What the user held: the removal was written for them. */
const heldBefore = 'r.old_owner_id = :me::uuid';

const asRow = (row: Record<string, unknown>) => row as SyncRow;

export const DCC_TABLES: SyncSource[] = [
  {
    name: 'dcc_cycles',
    table: 'dcc_cycles',
    alias: 'c',
    from: 'dcc_cycles c',
    visible: inMyCycle('c.id'),
    columns: `c.id, c.name, c.year, c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.status`,
    id: { sql: 'c.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
  {
    name: 'dcc_phases',
    table: 'dcc_phases',
    alias: 'p',
    from: 'dcc_phases p',
    visible: inMyCycle('p.cycle_id'),
    columns: `p.id, p.cycle_id as "cycleId", p.position, p.name`,
    id: { sql: 'p.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
  {
    name: 'dcc_activities',
    table: 'dcc_activities',
    alias: 'ac',
    from: 'dcc_activities ac join dcc_phases acp on acp.id = ac.phase_id',
    visible: inMyCycle('acp.cycle_id'),
    joins: 'join dcc_phases ap on ap.id = ac.phase_id',
    columns: `ac.id, ap.cycle_id as "cycleId", ac.phase_id as "phaseId", ac.position, ac.name`,
    id: { sql: 'ac.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
  {
    name: 'dcc_tasks',
    table: 'dcc_tasks',
    alias: 't',
    from: 'dcc_tasks t',
    visible: inMyCycle('t.cycle_id'),
    columns: `t.id, t.cycle_id as "cycleId", t.activity_id as "activityId", t.position, t.code, t.name,
      t.instructions, t.level, t.shared, t.form_id as "formId", t.prerequisites,
      t.attachment_slots as "attachmentSlots", t.materials`,
    id: { sql: 't.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
  {
    name: 'dcc_assignments',
    table: 'dcc_assignments',
    alias: 'a',
    from: 'dcc_assignments a',
    visible: `a.facilitator_id = :me::uuid and a.active and ${inMyCycle('a.cycle_id')}`,
    joins: `join geo_units av on av.id = a.village_id
      left join village_group_members am on am.village_id = a.village_id and am.kind = 'cvd'
      left join village_groups ag on ag.id = am.group_id`,
    columns: `a.id, a.cycle_id as "cycleId", a.village_id as "villageId", av.name as "villageName",
      av.path as "villagePath", ag.id as "cvdId", ag.name as "cvdName", a.facilitator_id as "facilitatorId",
      a.active, a.assigned_at as "assignedAt"`,
    id: { sql: 'a.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
  {
    name: 'dcc_task_instances',
    table: 'dcc_task_instances',
    alias: 'i',
    from: 'dcc_task_instances i',
    visible: instanceVisible,
    // The files' metadata rides with the instance (the bytes stay on the server).
    columns: `i.id, i.cycle_id as "cycleId", i.task_id as "taskId", i.unit_id as "unitId", i.unit_kind as "unitKind",
      i.status, i.version, i.form_version_id as "formVersionId", i.answers, i.return_comment as "returnComment",
      i.updated_at as "updatedAt", i.submitted_at as "submittedAt", i.reviewed_at as "reviewedAt",
      (select coalesce(json_agg(json_build_object('slot', f.slot, 'uploadId', f.upload_id, 'kind', f.kind,
          'filename', f.filename, 'sizeBytes', f.size_bytes) order by f.added_at, f.upload_id), '[]'::json)
         from dcc_task_files f where f.instance_id = i.id) as files`,
    id: { sql: 'i.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
  {
    name: 'dcc_plans',
    table: 'dcc_plans',
    alias: 'pl',
    from: 'dcc_plans pl',
    visible: `pl.facilitator_id = :me::uuid and ${inMyCycle('pl.cycle_id')}`,
    columns: `pl.id, pl.cycle_id as "cycleId", pl.unit_id as "unitId", pl.task_id as "taskId", pl.title,
      pl.planned_on::text as "plannedOn", pl.outcome, pl.comment, pl.photo_upload_id as "photoUploadId",
      pl.version, pl.updated_at as "updatedAt"`,
    id: { sql: 'pl.id', type: 'uuid' },
    visibleBefore: heldBefore,
    present: asRow,
  },
];
