import { randomUUID } from 'node:crypto';
import type { Actor } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import { validationError } from '../../http/app-error.js';
import { toAuthUser } from '../auth/service.js';
import { findUserById } from '../users/repo.js';
import { type ReportParams, requireReportKind } from './kinds.js';

/** A report a person scheduled: run every due period with that person's rights at run time. */
export interface ReportSchedule {
  id: string;
  kind: string;
  params: Omit<ReportParams, 'period'>;
  scheduledBy: string;
}

/**
 * Records a schedule of `kind` for `scheduledBy`. The kind must be registered and know the format (else
 * 400 validation_error); what the runs may show is decided at each run by the person's rights then.
 */
export async function createReportSchedule(
  q: Queryable,
  input: { kind: string; params: Omit<ReportParams, 'period'>; scheduledBy: string },
): Promise<ReportSchedule> {
  const kind = requireReportKind(input.kind);
  const { version, format, area } = input.params;
  if (!kind.formats[format]) throw validationError([{ path: 'params.format', message: 'unknown_format' }]);
  if (version !== 'internal' && version !== 'public')
    throw validationError([{ path: 'params.version', message: 'invalid' }]);
  const id = randomUUID();
  const params = { version, format, ...(area ? { area } : {}) };
  await q.query(
    `insert into report_schedules (id, kind, params, scheduled_by) values ($1, $2, $3::jsonb, $4)`,
    [id, kind.name, JSON.stringify(params), input.scheduledBy],
  );
  return { id, kind: kind.name, params, scheduledBy: input.scheduledBy };
}

export function activeSchedules(q: Queryable, kind: string): Promise<ReportSchedule[]> {
  return q.query<ReportSchedule>(
    `select id, kind, params, scheduled_by as "scheduledBy" from report_schedules
      where kind = $1 and active order by created_at, id`,
    [kind],
  );
}

/** The person's rights now (roles, jurisdictions); undefined once they are deactivated or gone. */
export async function schedulerActor(q: Queryable, userId: string): Promise<Actor | undefined> {
  const record = await findUserById(q, userId);
  return record?.active ? toAuthUser(record) : undefined;
}
